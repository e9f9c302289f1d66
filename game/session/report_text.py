"""The class report's own words (en, ko).  Engine messages (advice, turning
points, outcomes, score parts) come from the game's catalogs in ``game/i18n``."""
from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "report": "Class debrief",
        "scenario": "Scenario", "seed": "Seed", "session": "Session", "players": "Games",
        "created": "Report made", "par": "Par on this deal",
        "par_expert": "expert", "par_oracle": "oracle (knows the hidden priorities)",
        "leaderboard": "Leaderboard", "rank": "#", "player": "Player", "team": "Team",
        "outcome": "Deal result", "score": "Score", "grade": "Grade", "vs_par": "vs expert par",
        "unverified": "Unverified results (not ranked)", "why": "Why",
        "no_verified": "No result could be verified yet.",
        "distribution": "Scores against par", "score_axis": "score (0–1000)", "count_axis": "games",
        "by_member": "Who backed whom at the decision",
        "member": "Member", "backed_you": "backed the player", "backed_rival": "backed a rival",
        "status_quo": "stayed with the status quo", "undecided": "no decision reached",
        "matrix": "What mattered vs what the class pitched",
        "matrix_help": "Left: how much each benefit really mattered to each member (hidden during the deal). "
                       "Right: how many times the class pitched it to them, over all verified games.",
        "mattered": "mattered", "pitched": "pitched (all games)",
        "advice": "The most frequent mistakes", "advice_games": "{n} of {total} games",
        "turning_points": "Turning points, player by player", "round": "round {n}",
        "no_turning_points": "No big swings.",
        "csv_note": "results.csv: one row per game; actions.csv: one row per action (the decision history).",
        "verified": "verified", "parts": "Score parts (share of each part reached)",
        "coach": "coach", "coach_help": "coach mode was on: the game warned before mistakes",
    },
    "ko": {
        "report": "수업 디브리핑",
        "scenario": "시나리오", "seed": "시드", "session": "세션", "players": "게임 수",
        "created": "보고서 작성", "par": "이 거래의 기준 점수",
        "par_expert": "전문가", "par_oracle": "오라클 (숨은 우선순위를 앎)",
        "leaderboard": "순위표", "rank": "순위", "player": "플레이어", "team": "팀",
        "outcome": "거래 결과", "score": "점수", "grade": "등급", "vs_par": "전문가 대비",
        "unverified": "검증되지 않은 결과 (순위 제외)", "why": "이유",
        "no_verified": "아직 검증된 결과가 없습니다.",
        "distribution": "기준 점수 대비 점수", "score_axis": "점수 (0–1000)", "count_axis": "게임 수",
        "by_member": "결정 시점에 누가 누구를 지지했나",
        "member": "구성원", "backed_you": "플레이어 지지", "backed_rival": "경쟁사 지지",
        "status_quo": "현상 유지", "undecided": "결정 없음",
        "matrix": "중요했던 것과 수업 전체가 제안한 것",
        "matrix_help": "왼쪽: 각 구성원에게 각 혜택이 실제로 얼마나 중요했는지 (거래 중에는 숨겨짐). "
                       "오른쪽: 검증된 모든 게임에서 수업 전체가 그 구성원에게 그 혜택을 제안한 횟수.",
        "mattered": "중요도", "pitched": "제안 횟수 (전체 게임)",
        "advice": "가장 흔한 실수", "advice_games": "{total}게임 중 {n}게임",
        "turning_points": "플레이어별 전환점", "round": "{n}라운드",
        "no_turning_points": "큰 변화가 없었습니다.",
        "csv_note": "results.csv: 게임당 한 줄, actions.csv: 행동당 한 줄 (결정 기록).",
        "verified": "검증됨", "parts": "점수 항목 (항목별 달성 비율)",
        "coach": "코치", "coach_help": "코치 모드 사용: 실수하기 전에 게임이 경고해 주었습니다",
    },
}


def report_text(lang: str) -> dict[str, str]:
    """The report's words in ``lang`` (English for anything missing)."""
    return {**TEXT["en"], **TEXT.get(lang, {})}

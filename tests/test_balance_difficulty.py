"""Honest difficulty (issue 12): `b2bsim balance` warns when the label and the expert's measured win rate
disagree (bands in game/balance/targets.py), and says why where it can."""
from __future__ import annotations

from pathlib import Path

import yaml

from game.balance import run_balance, warnings_for
from game.balance.checks import hardness_causes, label_for
from game.balance.targets import DIFFICULTY_BANDS
from game.scenario import bundled_scenarios, load_scenario, scenario_from_data
from test_engine_fixtures import data

GAMES = 300


def bundled(stem: str) -> dict:
    sc = load_scenario(next(p for p in bundled_scenarios() if p.stem == stem))
    return sc.model_dump(mode="json", exclude_none=True)


def expert_run(d: dict):
    return run_balance(scenario_from_data(d), GAMES, seed=3, strategies=("expert",))


def difficulty_warnings(d: dict) -> list[str]:
    return [w for w in warnings_for(expert_run(d)) if "than its label" in w]


def test_the_bands_cover_every_rate_once():
    assert DIFFICULTY_BANDS["easy"][0] == 0.85 and DIFFICULTY_BANDS["normal"] == (0.60, 0.85)
    assert DIFFICULTY_BANDS["hard"] == (0.35, 0.60)
    assert [label_for(r) for r in (0.2, 0.35, 0.59, 0.6, 0.84, 0.85, 1.0)] == \
        ["hard", "hard", "hard", "normal", "normal", "easy", "easy"]


def test_an_easy_deal_labelled_hard_is_called_easier():
    # the dental-clinic fixture: its expert wins about 92% (well inside 'easy'; the robot cell sits near 85%)
    d = yaml.safe_load((Path(__file__).parent / "fixtures" / "calibration" / "dental_clinics_easy.yaml").read_text("utf-8"))
    d["difficulty"] = "hard"
    (w,) = difficulty_warnings(d)
    assert w.startswith("easier than its label 'hard'") and "mark it 'easy'" in w


def test_too_few_points_per_member_is_named_as_the_cause():
    d = bundled("data_platform_hanbit")
    d["difficulty"] = "easy"
    for stage in d["stages"]:
        stage["actions"] = 1
    (w,) = difficulty_warnings(d)
    assert w.startswith("harder than its label 'easy'") and "too few points per member" in w


def test_a_rival_far_ahead_is_named_as_the_cause():
    d = data(difficulty="easy")
    d["competitors"][0]["capabilities"] = {"affordable_price": 0.4, "cost_saving": 0.5}   # no better than us
    assert not any("rival" in c for c in hardness_causes(expert_run(d)))
    d["competitors"][0]["stance"] = {"cfo": 0.9, "eng": 0.9, "buyer": 0.9}
    causes = hardness_causes(expert_run(d))
    assert causes[0].startswith("a rival far ahead: 'oldco' starts +0.90")
    assert "with no rival starting ahead the expert wins" in causes[0]


def test_an_unreachable_decider_is_named_as_the_cause():
    d = data(difficulty="easy")
    d["members"][0]["gated_by"] = "assistant"
    d["members"].append({"id": "assistant", "name": "Ada Sist", "title": "Assistant", "roles": ["gatekeeper"],
                         "influence": 0.3, "stance": -0.9, "priorities": {"exact_delivery_date": 3}})
    for m in d["members"][1:3]:
        m["stance"] = -0.5                 # nobody warm enough to refer the player to the CFO
    d["stages"] = [{"id": s, "name": s, "actions": 4}      # 3 points per member: points are not the cause
                   for s in ("problem_identification", "evaluating_alternatives", "choosing_alternative")]
    causes = hardness_causes(expert_run(d))
    assert causes[0].startswith("an unreachable decider")      # the largest measured effect comes first
    assert "with the gatekeepers open to you the expert wins" in causes[0]
    assert any("an unreachable decider: the expert reached 'cfo'" in c and "behind 'assistant'" in c for c in causes)
    (w,) = difficulty_warnings(d)
    assert w.startswith("harder than its label 'easy'") and "unreachable decider" in w


class ExpertOnly:
    """A balance run reduced to what the label check reads: the label and the expert's measured rate."""
    def __init__(self, difficulty: str, rate: float, games: int):
        self.difficulty = difficulty
        self._s = {"expert": {"win_rate": rate, "games": games}}

    def summary(self):
        return self._s


def test_a_rate_within_the_noise_of_the_band_is_not_called_off_label():
    """0.86 on a 'normal' deal: 300 games cannot tell it from 0.85 (two standard errors are 0.04), 100,000 can."""
    from game.balance.checks import difficulty_warnings as label_check
    assert label_check(ExpertOnly("normal", 0.86, 300)) == []
    (w,) = label_check(ExpertOnly("normal", 0.86, 100_000))
    assert w.startswith("easier than its label 'normal'") and "mark it 'easy'" in w

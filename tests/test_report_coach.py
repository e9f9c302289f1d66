"""The coach flag on a session's results: the recorder keeps whether coach mode
was on; the class report's leaderboard and results.csv mark exactly the
coached games; a result without the flag (older files) still verifies."""
import csv
import io
import json
import re
from types import SimpleNamespace

from game.cli import main
from game.engine.strategies import play_single
from game.session import check_file, read_session, scenario_of
from game.session.record import Recorder
from game.session.report import class_report, render_html, results_csv
from pathlib import Path

TINY = Path(__file__).parent / "fixtures" / "tiny.yaml"
TINY_SESSION_SEED = 4


def tiny_session(folder):
    out = folder / "class.session.json"
    assert main(["session", "new", str(TINY), "--seed", str(TINY_SESSION_SEED), "--out", str(out)]) == 0
    return out


def app_with_coach(on: bool):
    return SimpleNamespace(flow=SimpleNamespace(coach=on), notify=lambda *a, **k: None)


def test_the_report_marks_exactly_the_coached_game(tmp_path):
    session_file = tiny_session(tmp_path)
    session = read_session(session_file)
    scenario = scenario_of(session.scenario, "s")
    results = tmp_path / "results"
    paths = []
    for player, strategy, coach in (("Coached Kim", "greedy", True), ("Plain Lee", "expert", False)):
        recorder = Recorder(session, scenario, player, None, results)
        game = play_single(scenario, strategy, TINY_SESSION_SEED)
        paths.append(recorder(app_with_coach(coach), game))
    kept = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    assert [k["practice"]["coach"] for k in kept] == [True, False]
    assert all(k["practice"]["mode"] == "session" for k in kept)

    # an older result without the practice block: verified, not marked
    old = dict(kept[1], player="Old Park")
    del old["practice"]
    old_path = results / "old.json"
    old_path.write_text(json.dumps(old), encoding="utf-8")
    checked = [check_file(str(p), session) for p in (*paths, old_path)]
    assert all(c.ok for c in checked), [c.line() for c in checked]

    for lang in ("en", "ko"):
        report = class_report(checked, session, lang)
        page = render_html(report)
        board = page[page.index('id="leaderboard"'):page.index("</table>")]
        rows = [r for r in re.findall(r"<tr[^>]*>(.*?)</tr>", board, re.S) if "player-name" in r]
        heads = [h for h in re.findall(r"<th[^>]*>(.*?)</th>", board) if h]
        assert len(heads) == len(set(heads)), heads              # no two columns with the same title
        marked = {re.search(r'class="player-name">(.*?)</span>', r).group(1): 'class="coach"' in r for r in rows}
        assert marked == {"Coached Kim": True, "Plain Lee": False, "Old Park": False}
        assert 'id="coach-note"' in page and report["t"]["coach_help"] in page
        table = list(csv.DictReader(io.StringIO(results_csv(report))))
        assert {r["player"]: r["coach"] for r in table} == {"Coached Kim": "yes", "Plain Lee": "no", "Old Park": "no"}


def test_a_report_without_coached_games_shows_no_mark(tmp_path):
    session_file = tiny_session(tmp_path)
    session = read_session(session_file)
    scenario = scenario_of(session.scenario, "s")
    recorder = Recorder(session, scenario, "Plain Lee", None, tmp_path / "r")
    game = play_single(scenario, "expert", TINY_SESSION_SEED)
    path = recorder(app_with_coach(False), game)
    out = tmp_path / "out"
    assert main(["report", str(path), "--session", str(session_file), "--out", str(out)]) == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert 'class="coach"' not in page and 'id="coach-note"' not in page
    assert main(["verify", str(path), "--session", str(session_file)]) == 0

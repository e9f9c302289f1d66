"""Training sessions: session files, result files, `session new` and `verify`
(including hand-edited, truncated and foreign results)."""
import json
from pathlib import Path

import pytest

from game import __version__
from game.cli import main
from game.engine.strategies import play_single
from game.session import (
    SessionFileError, check_file, read_result, read_session, result_from_game, scenario_of, sniff, write_result,
)

from test_ui_unseen import UNSEEN

TINY = Path(__file__).parent / "fixtures" / "tiny.yaml"


@pytest.fixture(scope="module")
def scenario_12(tmp_path_factory):
    """A 12-member scenario no bundled content shares (where actions really move the score)."""
    path = tmp_path_factory.mktemp("scenario") / "korean_12.yaml"
    path.write_text(UNSEEN["korean_12"], encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def session_file(tmp_path_factory, scenario_12):
    out = tmp_path_factory.mktemp("session") / "class.session.json"
    assert main(["session", "new", str(scenario_12), "--seed", "11", "--title", "Monday class",
                 "--out", str(out)]) == 0
    return out


def a_result(session_file, folder, strategy="greedy", player="Kim Min-ji", team="Blue"):
    session = read_session(session_file)
    game = play_single(scenario_of(session.scenario, str(session_file)), strategy, session.seed)
    return write_result(folder, result_from_game(session, game, player=player, team=team))


def test_session_new_writes_the_scenario_seed_id_and_par(session_file, scenario_12):
    data = json.loads(session_file.read_text(encoding="utf-8"))
    assert data["b2bsim_session"] == 1 and data["seed"] == 11 and data["title"] == "Monday class"
    assert data["scenario"]["yaml"] == scenario_12.read_text(encoding="utf-8")
    assert len(data["session_id"]) == 36 and data["program_version"] == __version__
    assert set(data["par"]) == {"expert", "oracle"}
    assert data["options"] == {"show_matrix": True}
    assert sniff(session_file) == "session"
    session = read_session(session_file)
    expert = play_single(scenario_of(session.scenario, "x"), "expert", 11).debrief()
    assert data["par"]["expert"]["score"] == expert.score.total


def test_session_new_prints_the_par(tmp_path, capsys):
    out = tmp_path / "s.json"
    assert main(["session", "new", str(TINY), "--seed", "3", "--out", str(out)]) == 0
    text = capsys.readouterr().out
    par = json.loads(out.read_text())["par"]
    assert f"expert {par['expert']['score']}" in text and f"oracle {par['oracle']['score']}" in text
    assert main(["session", "new", str(TINY), "--seed", "3", "--out", str(out)]) == 1      # no overwrite
    assert "already exists" in capsys.readouterr().err


@pytest.mark.parametrize("argv, words", [
    (["session", "new", "no-such-scenario"], "neither a file nor a bundled scenario"),
    (["session", "new", str(TINY), "--seed", "-1"], "--seed -1"),
    (["session", "new", str(TINY), "--out", "/no/such/folder/s.json"], "does not exist"),
])
def test_session_new_bad_input_is_one_clear_line(argv, words, capsys):
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_verify_ok_for_honest_results(session_file, tmp_path, capsys):
    paths = [a_result(session_file, tmp_path, s, player=s) for s in ("random", "greedy", "expert")]
    assert main(["verify", *map(str, paths), "--session", str(session_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"{p}: ok" for p in paths]


def tamper(path, change):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    change(data)
    Path(path).write_text(json.dumps(data), encoding="utf-8")


def _drop_first_round_actions(d):
    d["rounds"][0] = []


def _add_round(d):
    d["rounds"].append([{"kind": "ask", "member": "cfo"}])


@pytest.mark.parametrize("change, field", [
    (lambda d: d["score"].update(total=min(1000, d["score"]["total"] + 50)), "score"),
    (lambda d: d.update(outcome="won" if d["outcome"] != "won" else "lost"), "outcome"),
    (lambda d: d["score"]["parts"].update(alignment=1.0 - d["score"]["parts"]["alignment"] / 2), "parts"),
    (_drop_first_round_actions, "actions"),
    (_add_round, "actions"),
    (lambda d: d.update(seed=d["seed"] + 1), "seed"),
    (lambda d: d.update(session_id="00000000-0000-4000-8000-000000000000"), "session"),
    (lambda d: d.update(program_version="0.0.1"), "version"),
    (lambda d: d.update(scenario_sha256="0" * 64), "scenario"),
])
def test_verify_catches_a_tampered_result(session_file, tmp_path, capsys, change, field):
    path = a_result(session_file, tmp_path, "expert")
    honest = a_result(session_file, tmp_path / "h", "greedy")
    tamper(path, change)
    assert main(["verify", str(honest), str(path), "--session", str(session_file)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{honest}: ok"
    assert lines[1].startswith(f"{path}: ") and f" {field}: " in lines[1] + " ", lines[1]


def test_a_changed_action_list_no_longer_replays_to_the_claimed_score(session_file, tmp_path, capsys):
    path = a_result(session_file, tmp_path, "expert")
    data = json.loads(path.read_text())
    first_pitch = next(a for acts in data["rounds"] for a in acts if a["kind"] == "pitch")
    first_pitch.pop("benefit")
    first_pitch["kind"] = "ask"             # the same point spent on asking instead
    path.write_text(json.dumps(data))
    assert main(["verify", str(path), "--session", str(session_file)]) == 1
    line = capsys.readouterr().out.strip()
    assert any(f" {f}: " in line for f in ("score", "parts", "actions", "outcome")), line


@pytest.mark.parametrize("content, words", [
    (b"", "empty"),
    (b'{"b2bsim_result": 1, "session_id": "x", ', "cut off"),
    (b"\xff\xfe{}", "not UTF-8"),
    (b"[1, 2]", "expected a JSON object"),
    (b'{"b2bsim_session": 1}', "pass it with --session"),
    (b'{"b2bsim_result": 7}', "not supported"),
    (b'{"b2bsim_result": 1, "player": "x"}', "missing"),
])
def test_verify_reports_damaged_files_in_one_line(tmp_path, capsys, content, words):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    assert main(["verify", str(bad)]) == 1
    out = capsys.readouterr()
    assert out.out.count("\n") == 1 and words in out.out and "Traceback" not in out.out + out.err


def test_verify_with_a_damaged_session_file_says_so(tmp_path, capsys):
    bad = tmp_path / "s.json"
    bad.write_text('{"b2bsim_session": 1, "seed": "x"}')
    assert main(["verify", str(bad), "--session", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "s.json" in err


def test_an_edited_scenario_text_inside_the_session_is_caught(session_file, tmp_path):
    copy = tmp_path / "s.json"
    data = json.loads(session_file.read_text())
    data["scenario"]["yaml"] = data["scenario"]["yaml"].replace("difficulty: hard", "difficulty: easy")
    assert data["scenario"]["yaml"] != json.loads(session_file.read_text())["scenario"]["yaml"]
    copy.write_text(json.dumps(data))
    with pytest.raises(SessionFileError, match="sha256"):
        read_session(copy)


def test_result_files_round_trip_and_are_complete(session_file, tmp_path):
    path = a_result(session_file, tmp_path, "expert", player="Park", team=None)
    result = read_result(path)
    session = read_session(session_file)
    assert result.session_id == session.session_id and result.seed == session.seed
    assert result.scenario_sha256 == session.scenario.sha256 and result.program_version == __version__
    assert result.player == "Park" and result.team is None and result.rounds and result.created
    assert set(result.score.parts) == {"outcome", "alignment", "coverage", "efficiency", "relationship"}
    assert check_file(str(path), session).ok
    assert not list(tmp_path.glob(".*.tmp"))       # atomic write leaves no temporary file

"""`b2bsim xapi`: xAPI 1.0.3 statements for verified games, written to a file
or posted to a real LRS (ralph, started here; skipped with the reason when
ralph is not installed — .ci/run installs it in .ci/ralph-venv)."""
import base64
import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from game.cli import main
from game.engine.strategies import play_single
from game.session import read_result, read_session, result_from_game, scenario_of, write_result
from game.session.xapi import statements_for, validate_statement

ROOT = Path(__file__).resolve().parent.parent
TINY = Path(__file__).parent / "fixtures" / "tiny.yaml"


@pytest.fixture(scope="module")
def games(tmp_path_factory):
    root = tmp_path_factory.mktemp("xapi")
    session_file = root / "s.json"
    assert main(["session", "new", str(TINY), "--seed", "2", "--title", "Pilot class", "--out",
                 str(session_file)]) == 0
    session = read_session(session_file)
    scenario = scenario_of(session.scenario, "s")
    paths = [write_result(root / "results", result_from_game(session, play_single(scenario, s, 2),
                                                             player=p, team=t))
             for s, p, t in (("random", "Ahn", "Red"), ("expert", "박서준", None))]
    return session_file, paths


def test_statements_are_valid_xapi_and_say_who_did_what(games):
    session_file, paths = games
    session = read_session(session_file)
    for path in paths:
        result = read_result(path)
        statements = statements_for(result, session.title)
        assert [s["verb"]["display"]["en-US"] for s in statements] == \
            ["completed", "passed" if result.outcome == "won" else "failed"]
        for st in statements:
            assert validate_statement(st) == []
            assert st["actor"]["name"] == result.player
            assert st["context"]["registration"] == session.session_id
            assert st["result"]["score"]["raw"] == result.score.total
            assert st["result"]["score"]["scaled"] == pytest.approx(result.score.total / 1000)
            assert st["result"]["success"] is (result.outcome == "won")
            assert "tiny" in st["object"]["id"]
        assert statements_for(result)[0]["id"] == statements[0]["id"]       # ids derive from the result
    a, b = (statements_for(read_result(p))[0]["id"] for p in paths)
    assert a != b


@pytest.mark.parametrize("change, words", [
    (lambda s: s.update(id="not-a-uuid"), "id"),
    (lambda s: s["result"]["score"].update(scaled=1.5), "scaled"),
    (lambda s: s["actor"].pop("account"), "inverse functional identifier"),
    (lambda s: s.update(timestamp="yesterday"), "timestamp"),
    (lambda s: s["context"].update(registration="abc"), "registration"),
])
def test_the_structure_check_catches_broken_statements(games, change, words):
    st = json.loads(json.dumps(statements_for(read_result(games[1][0]))[0]))
    change(st)
    assert any(words in p for p in validate_statement(st))


def test_xapi_out_writes_the_statements_and_skips_unverified_games(games, tmp_path, capsys):
    session_file, paths = games
    out = tmp_path / "statements.json"
    assert main(["xapi", *map(str, paths), "--session", str(session_file), "--out", str(out)]) == 0
    statements = json.loads(out.read_text(encoding="utf-8"))
    assert len(statements) == 4 and all(validate_statement(s) == [] for s in statements)
    bad = tmp_path / "bad.json"
    data = json.loads(paths[0].read_text(encoding="utf-8"))
    data["score"]["total"] += 1
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert main(["xapi", str(bad), str(paths[1]), "--out", str(tmp_path / "two.json")]) == 1
    assert "skipped (not verified)" in capsys.readouterr().err
    assert len(json.loads((tmp_path / "two.json").read_text())) == 2


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("extra, words", [
    (["--lrs", "http://127.0.0.1:{port}/xAPI/", "--auth", "a:b"], "cannot reach the LRS"),
    (["--lrs", "ftp://example.org/xAPI/", "--auth", "a:b"], "http(s) URL"),
    (["--lrs", "http://127.0.0.1:{port}/xAPI/"], "--auth"),
    (["--lrs", "http://127.0.0.1:{port}/xAPI/", "--auth", "nocolon"], "USER:PASS"),
])
def test_lrs_problems_are_one_line(games, capsys, extra, words):
    port = free_port()
    assert main(["xapi", str(games[1][0]), *[e.format(port=port) for e in extra]]) == 1
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1


# ---------------------------------------------------------------- a real LRS
def ralph_python() -> Path | None:
    for candidate in (os.environ.get("B2BSIM_RALPH_PYTHON"), ROOT / ".ci" / "ralph-venv" / "bin" / "python"):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def lrs_get(url: str, auth: str) -> dict:
    request = urllib.request.Request(url, headers={
        "X-Experience-API-Version": "1.0.3", "Authorization": "Basic " + base64.b64encode(auth.encode()).decode()})
    with urllib.request.urlopen(request, timeout=20) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def live_lrs(tmp_path_factory):
    """(endpoint, "user:pass") of a ralph LRS on 127.0.0.1, stopped after the module."""
    python = ralph_python()
    if python is None:
        pytest.skip("ralph-malph is not installed: .ci/run installs it in .ci/ralph-venv "
                    "(or set B2BSIM_RALPH_PYTHON to a Python that has ralph-malph[backend-fs,cli,lrs])")
    root = tmp_path_factory.mktemp("lrs")
    env = dict(os.environ, RALPH_AUTH_FILE=str(root / "auth.json"), RALPH_RUNSERVER_BACKEND="fs",
               RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH=str(root))
    made = subprocess.run([str(python.parent / "ralph"), "auth", "-u", "trainer", "-p", "s3cret", "-s", "all",
                           "-M", "mailto:trainer@example.org", "-w"], env=env, capture_output=True, timeout=120)
    if made.returncode != 0:
        pytest.skip(f"ralph could not make LRS credentials: {made.stderr.decode(errors='replace')[-300:]}")
    port = free_port()
    server = subprocess.Popen([str(python), str(ROOT / ".ci" / "ralph_lrs.py"), "127.0.0.1", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=open(root / "server.log", "wb"),
                              start_new_session=True)
    endpoint, auth = f"http://127.0.0.1:{port}/xAPI/", "trainer:s3cret"
    try:
        for _ in range(240):
            if server.poll() is not None:
                pytest.skip(f"ralph's LRS did not start: {(root / 'server.log').read_text()[-300:]}")
            try:
                lrs_get(endpoint + "statements", auth)
                break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.skip("ralph's LRS did not answer within 60 s")
        yield endpoint, auth
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def stored(endpoint: str, auth: str, statement_id: str) -> list[dict]:
    found = lrs_get(f"{endpoint}statements?statementId={statement_id}", auth)
    return found.get("statements", [found]) if "statements" in found else [found]


def test_posting_to_a_real_lrs_is_accepted_read_back_and_idempotent(games, live_lrs, capsys):
    endpoint, auth = live_lrs
    session_file, paths = games
    argv = ["xapi", *map(str, paths), "--session", str(session_file), "--lrs", endpoint, "--auth", auth]
    assert main(argv) == 0
    assert main(argv) == 0                                   # twice: nothing new is stored
    assert "accepted 4 statements" in capsys.readouterr().out
    everything = lrs_get(endpoint + "statements?limit=100", auth)["statements"]
    expected = [s for p in paths for s in statements_for(read_result(p), read_session(session_file).title)]
    ids = [s["id"] for s in everything]
    assert sorted(ids) == sorted(s["id"] for s in expected)
    for st in expected:
        back = stored(endpoint, auth, st["id"])
        assert len(back) == 1
        assert back[0]["actor"]["name"] == st["actor"]["name"]
        assert back[0]["result"]["score"]["raw"] == st["result"]["score"]["raw"]
        assert back[0]["context"]["registration"] == st["context"]["registration"]


def test_wrong_lrs_credentials_are_one_line(games, live_lrs, capsys):
    endpoint, _ = live_lrs
    assert main(["xapi", str(games[1][0]), "--lrs", endpoint, "--auth", "trainer:wrong"]) == 1
    err = capsys.readouterr().err
    assert "HTTP 401" in err and "--auth" in err and err.count("\n") == 1

"""A whole training session, as a trainer runs it: `session new` on an unseen
12-member scenario, three games autoplayed through the game window by
different players and strategies, `verify`, a tampered result caught,
`report`, and the statements posted to a live LRS."""
import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from test_ui_unseen import UNSEEN
from test_xapi import live_lrs, lrs_get  # noqa: F401  (the LRS fixture)

ROOT = Path(__file__).resolve().parent.parent
CLASS = [("random", "Seo Ji-ho", "A"), ("greedy", "이하늘", "B"), ("expert", "Maria Santos", "A")]


def b2bsim(*argv, cwd):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "game", *argv], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=600)


@pytest.fixture(scope="module")
def played(tmp_path_factory):
    room = tmp_path_factory.mktemp("room")
    (room / "warehouse.yaml").write_text(UNSEEN["korean_12"], encoding="utf-8")
    made = b2bsim("session", "new", "warehouse.yaml", "--seed", "21", "--title", "Friday workshop",
                  "--out", "friday.session.json", cwd=room)
    assert made.returncode == 0, made.stderr
    assert "par on this deal: expert" in made.stdout
    for strategy, player, team in CLASS:
        run = b2bsim("play", "friday.session.json", "--player", player, "--team", team, "--results", "results",
                     "--autoplay", strategy, "--exit-at-end", cwd=room)
        assert run.returncode == 0, run.stderr
    results = sorted((room / "results").glob("*.json"))
    assert len(results) == 3
    return room, results


def test_the_class_verifies_and_a_tampered_result_is_named(played):
    room, results = played
    ok = b2bsim("verify", *map(str, results), "--session", "friday.session.json", cwd=room)
    assert ok.returncode == 0 and ok.stdout.count(": ok\n") == 3, ok.stdout + ok.stderr
    forged = room / "forged.json"
    data = json.loads(results[0].read_text(encoding="utf-8"))
    data["outcome"] = "won" if data["outcome"] != "won" else "lost"
    forged.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    bad = b2bsim("verify", *map(str, results), str(forged), "--session", "friday.session.json", cwd=room)
    assert bad.returncode == 1
    assert bad.stdout.splitlines()[-1].startswith(f"{forged}: outcome: ")


def test_the_report_holds_every_player_and_the_par(played):
    room, results = played
    run = b2bsim("report", *map(str, results), "--session", "friday.session.json", "--out", "report", cwd=room)
    assert run.returncode == 0, run.stderr
    page = (room / "report" / "index.html").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO((room / "report" / "results.csv").read_text(encoding="utf-8"))))
    par = json.loads((room / "friday.session.json").read_text(encoding="utf-8"))["par"]
    assert sorted(r["player"] for r in rows) == sorted(p for _, p, _ in CLASS)
    assert all(r["verified"] == "yes" and r["par_expert"] == str(par["expert"]["score"]) for r in rows)
    for _, player, _ in CLASS:
        assert player in page
    assert f"{par['expert']['score']}" in page and f"{par['oracle']['score']}" in page


def test_the_class_goes_to_the_lrs(played, live_lrs):
    room, results = played
    endpoint, auth = live_lrs
    run = b2bsim("xapi", *map(str, results), "--session", "friday.session.json", "--lrs", endpoint,
                 "--auth", auth, cwd=room)
    assert run.returncode == 0, run.stderr
    session_id = json.loads((room / "friday.session.json").read_text())["session_id"]
    stored = [s for s in lrs_get(endpoint + "statements?limit=100", auth)["statements"]
              if s["context"]["registration"] == session_id]
    assert sorted({s["actor"]["name"] for s in stored}) == sorted(p for _, p, _ in CLASS)
    assert len(stored) == 6

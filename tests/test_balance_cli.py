"""``b2bsim balance``: table, JSON shape, determinism across processes, no pygame, clear errors."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from game.cli import main
from game.scenario import bundled_scenarios

STRATS = ["random", "price_only", "greedy", "novice", "memorizer", "expert", "oracle"]
KEYS = {"win_rate", "loss_rate", "no_decision_rate", "mean_score", "action_use", "actions_per_game", "account_types"}
KINDS = {"ask", "pitch", "reference", "demo", "pilot", "discount", "refer", "deliver", "support", "train", "review"}
SCEN = str(bundled_scenarios()[0])


def run_cli(*args: str) -> subprocess.CompletedProcess:
    code = ("import sys; from game.cli import main; rc = main(sys.argv[1:]); "
            "assert 'pygame' not in sys.modules, 'balance imported pygame'; sys.exit(rc)")
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300)


def test_json_is_one_object_keyed_by_strategy_and_identical_across_processes():
    a = run_cli("balance", SCEN, "--games", "150", "--seed", "4", "--json")
    b = run_cli("balance", SCEN, "--games", "150", "--seed", "4", "--json")
    assert a.returncode == 0, a.stderr
    assert a.stdout == b.stdout
    data = json.loads(a.stdout)
    assert list(data) == STRATS
    for name, row in data.items():
        assert KEYS <= set(row), name
        assert abs(row["win_rate"] + row["loss_rate"] + row["no_decision_rate"] - 1) < 1e-3
        assert 0 <= row["mean_score"] <= 1000
        assert row["score_p10"] <= row["score_p50"] <= row["score_p90"]
        assert set(row["action_use"]) == set(row["actions_per_game"]) == KINDS
        assert all(0 <= v <= 1 for v in row["action_use"].values())
        assert set(row["account_types"]) == {"key_account", "strategic_partner", "nomad", "zombie"}
        if row["win_rate"] > 0:
            assert abs(sum(row["account_types"].values()) - 1) < 1e-3, name
    # what each strategy does shows in its action mix
    assert data["greedy"]["action_use"]["ask"] == 0 and data["greedy"]["actions_per_game"]["pitch"] > 5
    assert data["price_only"]["action_use"]["discount"] == 1
    assert data["novice"]["action_use"]["ask"] == 1 and data["novice"]["action_use"]["discount"] == 0
    assert data["memorizer"]["action_use"]["ask"] == 0
    # a different seed plays different games
    c = run_cli("balance", SCEN, "--games", "150", "--seed", "5", "--json")
    assert c.stdout != a.stdout


def test_table_names_every_strategy(capsys):
    assert main(["balance", SCEN, "--games", "60"]) == 0
    out = capsys.readouterr().out
    for name in STRATS:
        assert name in out
    assert "no dec." in out and "%" in out
    assert "actions per game" in out and "pitch" in out


@pytest.mark.parametrize("games", ["0", "-5"])
def test_games_must_be_positive(games, capsys):
    assert main(["balance", SCEN, "--games", games]) == 1
    err = capsys.readouterr().err
    assert "--games must be a positive" in err and "Traceback" not in err


def test_a_broken_scenario_gets_the_loaders_message(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: x\ntitle: X\nmembers: []\n", encoding="utf-8")
    assert main(["balance", str(bad), "--games", "10"]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml:" in err and "Traceback" not in err
    assert main(["balance", str(tmp_path / "missing.yaml")]) == 1
    assert "missing.yaml" in capsys.readouterr().err


def test_warnings_go_to_stderr_not_into_the_json(tmp_path):
    """A deal that a single friendly member decides is too easy: the warning is on stderr, stdout stays JSON."""
    easy = tmp_path / "easy.yaml"
    easy.write_text(
        "format: 1\nid: too-easy\ntitle: Too easy\ndifficulty: hard\ncustomer: {name: C}\ndeal: {value: 1}\n"
        "members:\n  - {id: boss, name: Boss, title: CEO, roles: [decider], influence: 0.9, stance: 0.9,\n"
        "     priorities: {cost_saving: 5}}\n"
        "vendor: {name: Us, capabilities: {cost_saving: 0.9}}\n", encoding="utf-8")
    r = run_cli("balance", str(easy), "--games", "200", "--json")
    assert r.returncode == 0, r.stderr
    assert list(json.loads(r.stdout)) == STRATS
    assert "warning: too easy" in r.stderr

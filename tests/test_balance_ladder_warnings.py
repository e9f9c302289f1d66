"""`b2bsim balance` tells an author when the ladder's weak rungs do not fit the deal (issue 12): a seller who
never asks or a beginner winning too often (the deal does not reward what the game teaches), or a beginner
who never wins (a cliff), naming what in the file lets them through — and says nothing within the noise."""
from __future__ import annotations

from pathlib import Path

import pytest

from game.balance import run_balance
from game.balance.checks import ladder_warnings
from game.engine import compile_tables
from game.scenario import bundled_scenarios, load_scenario, scenario_from_data

GAMES = 400
ROBOT = next(p for p in bundled_scenarios() if p.stem == "robot_cell_japanese")
CALIBRATION = Path(__file__).parent / "fixtures" / "calibration"


def robot_as_it_was():
    """The robot cell before issue 12's last change: the line leader at influence 0.35 (her worry cannot stop
    the deal), 29 action points, nobody leaves."""
    d = load_scenario(ROBOT).model_dump(mode="json", exclude_none=True)
    next(m for m in d["members"] if m["id"] == "line_leader")["influence"] = 0.35
    for stage, points in {"information_gathering": 3, "situation_analysis": 3, "developing_options": 4,
                          "evaluating_alternatives": 6, "choosing_alternative": 4}.items():
        next(s for s in d["stages"] if s["id"] == stage)["actions"] = points
    d["events"] = [e for e in d["events"] if e["type"] != "member_leaves"]
    return scenario_from_data(d)


def warnings(sc) -> list[str]:
    return ladder_warnings(run_balance(sc, GAMES, seed=3, strategies=("greedy", "novice")))


@pytest.mark.parametrize("make, expected", [
    (robot_as_it_was, ["asking barely pays", "'president' and 'plant_manager' alone hold",
                       "'line_leader' may turn against the deal but weighs too little", "a beginner wins too often"]),
    (lambda: load_scenario(ROBOT), []),
    (lambda: load_scenario(CALIBRATION / "jit_rival_coo_stress.yaml"), ["a cliff for beginners"]),
], ids=["robot as it was", "robot now", "jit stress fixture"])
def test_the_balance_tool_names_a_ladder_out_of_shape(make, expected):
    text = " | ".join(warnings(make()))
    for phrase in expected:
        assert phrase in text, (phrase, text)
    if not expected:
        assert text == ""


class Summary:
    def __init__(self, tables, greedy: float, novice: float, games: int):
        self.tables = tables
        self._s = {"greedy": {"win_rate": greedy, "games": games}, "novice": {"win_rate": novice, "games": games}}

    def summary(self):
        return self._s


def test_a_rate_just_outside_the_band_is_named_only_when_the_games_can_tell():
    tb = compile_tables(load_scenario(ROBOT))
    assert ladder_warnings(Summary(tb, 0.17, 0.47, 300)) == []           # two standard errors cover it
    named = " | ".join(ladder_warnings(Summary(tb, 0.17, 0.47, 100_000)))
    assert "never asks (greedy) wins 17%" in named and "the novice" in named and "wins 47%" in named
    assert "a cliff" in " | ".join(ladder_warnings(Summary(tb, 0.05, 0.05, 2000)))

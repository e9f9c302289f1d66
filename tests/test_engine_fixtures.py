"""Small scenarios built in Python for the engine tests (imported by the other test_engine_* files)."""
from __future__ import annotations

import copy

import pytest

from game.engine import Action, Game, Params
from game.scenario import scenario_from_data

CALM = Params().with_(rival_moves=0, decision_noise=0.0, unheard_stall=0.0,    # no rivals acting, no decision noise
                      # the ladder from nothing: no head start or debt from the sale, the ladder's older rung cost
                      # (the account's opening is tested in test_account.py)
                      sale_loyalty=0.0, promise_debt=0.0, price_loyalty=0.0, climb_cost=0.6)

BASE: dict = {
    "format": 1,
    "id": "engine-test",
    "title": "Engine test deal",
    "variation": "none",          # rule tests check exact values: every game meets the file's customer
    "customer": {"name": "Testco"},
    "deal": {"value": 100000},
    "members": [
        {"id": "cfo", "name": "Cora Fin", "title": "CFO", "roles": ["decider"], "influence": 0.9,
         "priorities": {"cost_saving": 5, "affordable_price": 3, "exact_delivery_date": 1}},
        {"id": "eng", "name": "Eli Eng", "title": "Engineer", "roles": ["influencer", "user"], "influence": 0.6,
         "priorities": {"advanced_technology": 5, "support_24_7": 4, "best_quality_control": 2,
                        "digital_ordering_delivery": 1}},
        {"id": "buyer", "name": "Bea Buy", "title": "Purchasing", "roles": ["buyer"], "influence": 0.5,
         "priorities": {"affordable_price": 5, "exact_delivery_date": 2}},
    ],
    "vendor": {"name": "Us", "capabilities": {
        "cost_saving": 0.8, "affordable_price": 0.4, "advanced_technology": 0.9, "support_24_7": 0.8,
        "best_quality_control": 0.7, "exact_delivery_date": 0.6, "digital_ordering_delivery": 0.5}},
    "competitors": [
        {"id": "oldco", "name": "OldCo", "style": "price", "capabilities": {"affordable_price": 0.9, "cost_saving": 0.5}},
    ],
}


def data(**changes) -> dict:
    d = copy.deepcopy(BASE)
    d.update(copy.deepcopy(changes))
    return d


def scenario(**changes):
    return scenario_from_data(data(**changes))


def with_gate() -> dict:
    d = data()
    d["members"][0]["gated_by"] = "assistant"
    d["members"].append({"id": "assistant", "name": "Ada Sist", "title": "Assistant", "roles": ["gatekeeper"],
                         "influence": 0.3, "priorities": {"exact_delivery_date": 3, "support_24_7": 1}})
    return d


def group(n: int) -> dict:
    """A buying center of n similar members (for group-size effects)."""
    d = data()
    roles = [["decider"], ["influencer"], ["buyer"], ["user"], ["influencer", "user"], ["initiator"]]
    topics = ("cost_saving", "advanced_technology", "affordable_price", "support_24_7", "best_quality_control",
              "exact_delivery_date")
    d["members"] = [
        {"id": f"m{i}", "name": f"Member {i}", "title": f"Title {i}", "roles": roles[i % 6],
         "influence": 0.8 if i == 0 else 0.5,
         "priorities": {topics[i % 6]: 5, topics[(i + 1) % 6]: 2}}
        for i in range(n)
    ]
    return d


def started(sc=None, params: Params | None = CALM, seed: int = 1) -> Game:
    game = Game(sc or scenario(), params)
    game.reset(seed=seed)
    return game


def stance(game: Game, member: str) -> float:
    return game.observation.member(member).stance


def play_round(game: Game, *actions: Action):
    return game.step(list(actions))


@pytest.mark.parametrize("builder", [data, with_gate, lambda: group(1), lambda: group(6)])
def test_fixture_scenarios_are_valid(builder):
    sc = scenario_from_data(builder())
    game = Game(sc)
    obs = game.reset(seed=0)
    assert obs.members and obs.points > 0

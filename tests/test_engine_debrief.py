"""The debrief explains the game: matrix, stance curves, turning points, three pieces of advice."""
from __future__ import annotations

import pytest

from game.engine import Action, Game
from game.scenario import scenario_from_data
from test_engine_fixtures import CALM, data, scenario, with_gate


def play(sc, per_round, params=CALM, seed=1):
    game = Game(sc, params)
    game.reset(seed=seed)
    while not game.done:
        game.step(per_round(game) if game.observation.phase == "pre_sale" else [])
    return game, game.debrief()


def cold_gate() -> dict:
    """The gated CFO leans to the rival: a player stuck outside the gate loses."""
    d = with_gate()
    d["competitors"][0]["stance"] = {"cfo": 0.4}
    return d


def keys(debrief):
    return [a.key for a in debrief.advice]


@pytest.mark.parametrize("sc, per_round, advice, member", [
    (scenario(), lambda g: [Action("pitch", "eng", "advanced_technology")], "advice.ask_first", "eng"),
    (scenario(), lambda g: [Action("ask", "eng")], "advice.missed_veto", "cfo"),     # a decider who can veto
    (scenario(), lambda g: [Action("ask", "cfo"), Action("pitch", "cfo", "support_24_7")],
     "advice.irrelevant_pitch", "cfo"),
    (scenario_from_data(cold_gate()), lambda g: [Action("ask", "eng")], "advice.gatekeeper", "cfo"),
    (scenario(), lambda g: ([Action("ask", "buyer")] if g.observation.round == 0 else [])
     + ([Action("discount")] if g.observation.round < 3 else []), "advice.discount_heavy", None),
    (scenario(), lambda g: [Action("discount")] if g.observation.round < 3 else [], "advice.discount_unasked", "cfo"),
])
def test_advice_points_at_what_went_wrong(sc, per_round, advice, member):
    _, d = play(sc, per_round)
    assert 1 <= len(d.advice) <= 3 and len(set(keys(d))) == len(d.advice)
    assert advice in keys(d)
    assert not {"advice.keep_listening", "advice.map_the_center", "advice.try_harder"} & set(keys(d))   # no filler
    if member:
        assert dict(d.advice[keys(d).index(advice)].params)["member"] == member


def test_matrix_shows_what_was_pitched_beside_what_mattered():
    _, d = play(scenario(), lambda g: [Action("pitch", "cfo", "cost_saving")])
    cfo, cost = d.members.index("cfo"), d.benefits.index("cost_saving")
    assert d.pitched[cfo][cost] == 6 and sum(map(sum, d.pitched)) == 6
    assert d.mattered[cfo][cost] == 1.0 and d.mattered[cfo][d.benefits.index("advanced_technology")] == 0.0


def test_stance_curves_and_support():
    game, d = play(scenario(), lambda g: [Action("ask", "cfo"), Action("pitch", "cfo", "cost_saving")])
    cfo = d.members.index("cfo")
    assert d.stance_history[cfo][0] == 0.0 and d.stance_history[cfo][-1] > 0.3
    assert len(d.stance_history[cfo]) == len(game.history) + 1 == len(d.rival_history[cfo])
    assert {m for m, _ in d.support} == {"cfo", "eng", "buyer"}
    assert all(v in ("player", "oldco", "status_quo") for _, v in d.support)


def test_turning_points_include_events_and_the_decision():
    sc = scenario_from_data(data(events=[{"id": "cut", "stage": "situation_analysis", "type": "budget_cut"}]))
    _, d = play(sc, lambda g: [])
    tp = [(t.round, t.message.key) for t in d.turning_points]
    assert (2, "event.budget_cut") in tp
    assert any(r == 5 and k in ("news.no_decision", "news.decision_won", "news.decision_lost") for r, k in tp)
    assert [r for r, _ in tp] == sorted(r for r, _ in tp)


def test_the_debrief_marks_pitches_the_member_did_not_care_about():
    """The matrix shows wasted pitches as the engine judged them, not by a UI threshold."""
    from game.engine import Action, Game
    from game.scenario import bundled_scenarios, load_scenario

    sc = load_scenario(next(p for p in bundled_scenarios() if p.name == "robot_cell_japanese.yaml"))
    game = Game(sc)
    obs = game.reset(seed=0)
    member = next(m for m in obs.members if not m.locked)
    cares = dict(sc.member(member.id).priorities)
    top = max(cares, key=cares.get)
    ignored = next(b for b in sc.benefit_ids if cares.get(b, 0) == 0)
    game.step([Action("pitch", member.id, top), Action("pitch", member.id, ignored)])
    while not game.done:
        game.step([])
    d = game.debrief()
    i = d.members.index(member.id)
    assert d.pitched[i][d.benefits.index(top)] == 1 and d.wasted[i][d.benefits.index(top)] == 0
    assert d.pitched[i][d.benefits.index(ignored)] == 1 and d.wasted[i][d.benefits.index(ignored)] == 1

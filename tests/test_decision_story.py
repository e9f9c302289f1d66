"""The decision explained (issue 12): who backed whom and why, as engine messages the debrief carries."""
from __future__ import annotations

from game.engine import Action, Game
from game.engine.messages import MESSAGE_PARAMS
from game.scenario import scenario_from_data
from test_engine_fixtures import CALM, data, scenario


def finish(sc, plan, params=CALM, seed=1):
    game = Game(sc, params)
    game.reset(seed=seed)
    while not game.done:
        game.step(plan(game) if game.observation.phase == "pre_sale" else [])
    return game.debrief()


def test_a_won_deal_says_the_share_and_who_backed_you():
    d = data()
    for m in d["members"]:
        m["stance"] = 0.8
    deb = finish(scenario_from_data(d), lambda g: [Action("ask", "cfo")])
    assert deb.outcome == "won"
    head, *members = deb.decision
    assert head.key == "why.won" and head.param("needed") == CALM.consensus and head.param("share") >= 0.5
    assert [m.param("member") for m in members] == ["cfo", "eng", "buyer"]          # heaviest first
    assert all(m.key == "why.backed_you" for m in members)
    assert abs(sum(m.param("share") for m in members) - 1.0) < 0.01


def test_no_decision_names_the_rule_and_the_unheard_members():
    deb = finish(scenario(), lambda g: [], params=CALM.with_(unheard_stall=1.0))   # every unasked member stalls
    assert deb.outcome == "no_decision"
    head, *members = deb.decision
    assert head.key in ("why.short", "why.stalled")
    assert {m.param("member"): m.key for m in members} == {"cfo": "why.unheard", "eng": "why.unheard",
                                                          "buyer": "why.unheard"}


def test_a_stall_is_explained_with_its_weight_and_limit():
    d = data()
    for m in d["members"]:
        m["stance"] = -0.9                        # everyone would rather do nothing (status_quo -0.6)...
    d["competitors"][0]["stance"] = {m["id"]: -0.95 for m in d["members"]}    # ...than buy from anyone
    deb = finish(scenario_from_data(d), lambda g: [Action("ask", "cfo"), Action("ask", "eng")],
                 params=CALM.with_(consensus=0.0, veto_influence=1.5))
    head = deb.decision[0]
    assert head.key == "why.stalled" and head.param("limit") == CALM.stall_weight and head.param("weight") > 1
    keys = {m.param("member"): m.key for m in deb.decision[1:]}
    assert keys["cfo"] == "why.stall_alone" and keys["buyer"] == "why.unheard"


def test_every_message_uses_a_documented_key():
    deb = finish(scenario(), lambda g: [Action("ask", "cfo")])
    for m in deb.decision:
        assert m.key in MESSAGE_PARAMS and tuple(n for n, _ in m.params) == MESSAGE_PARAMS[m.key]

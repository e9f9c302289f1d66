"""Tests written against the mutants that survived the engine tests (docs/testing.md, "Mutation testing").

Each test names the behaviour a player or a library user would notice; the
mutants it kills are listed in docs/testing.md.
"""
from __future__ import annotations

import numpy as np
import pytest

from game.engine import (ACTION_INDEX, Action, IllegalAction, Params, compile_tables, new_batch, scoring,
                         slot_legal)
from game.scenario import scenario_from_data
from test_engine_fixtures import CALM, data, play_round, started, with_gate
from test_engine_outcomes import event_game, to_round


# ------------------------------------------------------------------ refusals, as a player reads them
def test_a_refused_ask_is_named_ask_in_the_refusal():
    game = started()
    points = game.observation.points
    plan = [Action("ask", "cfo")] * (points + 1)
    r = game.refusal(plan)
    assert r.key == "refusal.points" and r.action == points
    assert r.param("kind") == "ask"
    assert game.check(plan) == (f"action {points + 1} (ask): these actions cost {points + 1} points "
                                f"but this round has only {points}")


def test_an_unknown_kind_without_a_close_match_suggests_nothing():
    game = started()
    assert game.check([Action("zzzq")]) == "action 1: unknown action kind 'zzzq'"
    assert game.check([Action("ask", "cfo"), Action("pich", "cfo", "cost_saving")]) == \
        "action 2: unknown action kind 'pich' (did you mean 'pitch'?)"


def test_a_pilot_refused_too_early_names_the_test_stage_by_its_name():
    game = started()
    r = game.refusal([Action("pilot")])
    assert r.key == "refusal.pilot_stage" and r.param("stage") == "developing_options"
    text = "action 1 (pilot): a pilot fits only the test stages (Developing options)"
    assert game.check([Action("pilot")]) == text
    with pytest.raises(IllegalAction, match=r"test stages \(Developing options\)"):
        game.step([Action("pilot")])


def test_a_shielded_decider_names_the_blocker():
    game = event_game({"type": "member_turns_blocker", "member": "eng"})
    play_round(game)
    r = game.refusal([Action("ask", "cfo")])
    assert r.key == "refusal.shielded"
    assert r.param("member") == "cfo" and r.param("blocker") == "eng"
    assert "shielded by Eli Eng (Engineer)" in game.check([Action("ask", "cfo")])


# ------------------------------------------------------------------ post-sale ladder
def on_side():
    """The fixture deal with everyone already on the player's side: it is won at the decision."""
    d = data()
    for m in d["members"]:
        m["stance"] = 0.8
    return scenario_from_data(d)


def won_at(params, *first_round):
    game = started(on_side(), params)
    play_round(game, *first_round)
    to_round(game, 6)
    assert game.observation.outcome == "won" and game.observation.loyalty == 3     # a customer
    return game


def test_a_delivery_climbs_by_the_delivery_capability_times_its_gain():
    d = data()
    tb = compile_tables(scenario_from_data(d), CALM)
    gain = CALM.deliver_gain * tb.delivery_quality
    assert 0 < tb.delivery_quality < 0.9
    # climbing costs a little less than one delivery: exactly one rung, however the capability is used
    game = won_at(CALM.with_(climb_cost=gain * 0.9, neglect_level=0.0))
    play_round(game, Action("deliver"))
    assert game.observation.loyalty == 4
    game = won_at(CALM.with_(climb_cost=gain * 1.1, neglect_level=0.0))
    play_round(game, Action("deliver"))
    assert game.observation.loyalty == 3


@pytest.mark.parametrize("first, second", [
    (Action("deliver"), Action("support")), (Action("support"), Action("deliver")),
    (Action("support"), Action("train", "eng")), (Action("train", "eng"), Action("support")),
])
def test_different_services_in_one_round_do_not_wear_each_other_out(first, second):
    tb = compile_tables(scenario_from_data(data()), CALM)
    gain = {"deliver": CALM.deliver_gain * tb.delivery_quality, "support": CALM.support_gain * tb.support_quality,
            "train": CALM.train_gain}                                    # eng is a user: full training gain
    both = gain[first.kind] + gain[second.kind]
    game = won_at(CALM.with_(climb_cost=both * 0.99, neglect_level=0.0))
    play_round(game, first, second)
    assert game.observation.loyalty == 4          # one rung: each service counted in full


def test_a_pilot_in_a_deal_with_no_room_for_one_is_refused_in_plain_words():
    game = started(scenario_from_data(data(stages=[{"id": "pitch_day", "name": "Pitch day", "decision": True}])))
    r = game.refusal([Action("pilot")])
    assert r.key == "refusal.pilot_stage" and r.param("stage") is None
    assert game.check([Action("pilot")]).startswith("action 1 (pilot): a pilot fits only the test stages")


# ------------------------------------------------------------------ the score
def finish(game, *actions):
    to_round(game, 99, *actions)
    assert game.done
    return dict(game.debrief().score.parts)


def test_a_won_deal_scores_the_relationship_by_its_loyalty_rung():
    game = won_at(CALM)
    play_round(game, Action("deliver"), Action("support"), Action("train", "eng"))
    parts = finish(game, Action("deliver"), Action("support"), Action("train", "eng"))
    assert game.observation.loyalty >= 4
    potential = game.tables.potential                   # each rung above "customer" is worth the potential
    assert parts["relationship"] == pytest.approx((3 + (game.observation.loyalty - 3) * potential) / 7, abs=1e-4)


def test_coverage_counts_only_the_members_still_in_the_buying_center():
    d = data(events=[{"id": "ev", "stage": "information_gathering", "probability": 1.0,
                      "type": "member_leaves", "member": "eng"}])      # eng (influence 0.6) leaves in round 1
    for m in d["members"]:
        m["stance"] = 0.8
    game = started(scenario_from_data(d))
    play_round(game, Action("ask", "cfo"), Action("ask", "buyer"))
    assert "eng" not in [m.id for m in game.observation.members]
    parts = finish(game)
    assert game.observation.outcome == "won" and parts["coverage"] == pytest.approx(1.0, abs=1e-4)


def test_a_wasted_pitch_costs_efficiency():
    def efficiency(benefit):
        game = started(on_side())
        play_round(game, Action("ask", "cfo"), Action("pitch", "cfo", benefit))
        return finish(game)["efficiency"]
    assert efficiency("advanced_technology") < efficiency("cost_saving")    # the cfo does not care / cares most


def test_doing_nothing_earns_no_efficiency():
    assert finish(started())["efficiency"] == 0.0


def test_post_sale_work_dilutes_earlier_waste():
    def efficiency(*service):
        game = won_at(CALM, Action("ask", "cfo"), Action("pitch", "cfo", "advanced_technology"))
        return finish(game, *service)["efficiency"]
    assert efficiency(Action("deliver"), Action("support")) > efficiency() > 0


def test_the_total_is_a_thousand_times_the_weighted_parts():
    tb = compile_tables(scenario_from_data(data()), CALM)
    parts = np.full((3, 5), 0.6)
    parts[1], parts[2] = 1.0, 0.0
    assert scoring.totals(parts, tb).tolist() == [600, 1000, 0]


# ------------------------------------------------------------------ bad input from a library user
def test_a_member_given_as_a_list_is_refused_not_a_crash():
    game = started()
    assert game.check([Action("ask", ["cfo"])]) == \
        "action 1 (ask): no member '['cfo']' in this buying center (did you mean 'cfo'?)"


def test_a_second_delivery_in_one_round_counts_half():
    tb = compile_tables(scenario_from_data(data()), CALM)
    gain = CALM.deliver_gain * tb.delivery_quality
    game = won_at(CALM.with_(climb_cost=gain * (1 + CALM.post_decay) * 0.99, neglect_level=0.0))
    play_round(game, Action("deliver"), Action("deliver"))
    assert game.observation.loyalty == 4          # one rung: the second delivery adds post_decay of the first


def test_a_slip_loses_the_progress_towards_the_next_rung():
    tb = compile_tables(scenario_from_data(data()), CALM)
    gain = CALM.deliver_gain * tb.delivery_quality
    game = won_at(CALM.with_(climb_cost=gain * 1.1, neglect_level=gain / 2, slip_probability=1.0))
    play_round(game)                               # a neglected round: the customer slips a rung
    assert game.observation.loyalty == 2
    play_round(game, Action("deliver"))            # not neglected, but not enough to climb from nothing
    assert game.observation.loyalty == 2


def test_the_decision_news_reports_the_share_of_the_vote_won():
    game = started(on_side())
    while game.observation.outcome is None:
        play_round(game)
    news = [m for m in game.observation.news if m.key == "news.decision_won"]
    assert len(news) == 1
    assert CALM.consensus <= news[0].param("share") <= 1.0


def test_exactly_the_consensus_share_is_enough_to_win():
    d = data()
    d["members"] = [
        {"id": "ann", "name": "Ann", "title": "Planner", "roles": ["decider"], "influence": 0.5, "stance": 0.8,
         "priorities": {"cost_saving": 5}},
        {"id": "bob", "name": "Bob", "title": "Operator", "roles": ["decider"], "influence": 0.5, "stance": 0.0,
         "priorities": {"affordable_price": 5}},
    ]
    d["competitors"][0]["stance"] = {"bob": 0.5}
    # no noise, no rival moves; two equal deciders (below veto influence) split one-one: a tie at consensus
    game = started(scenario_from_data(d))
    while game.observation.outcome is None:
        play_round(game)
    news = [m for m in game.observation.news if m.key == "news.decision_won"]
    assert game.observation.outcome == "won" and news[0].param("share") == CALM.consensus == 0.5


# ------------------------------------------------------------------ rivals
def test_a_deal_without_competitors_plays_to_the_end():
    game = started(scenario_from_data(data(competitors=[])), Params())
    play_round(game, Action("ask", "cfo"))
    while not game.done:
        play_round(game)
    assert game.observation.rivals == () and game.observation.outcome in ("won", "no_decision")
    assert all(m.rival_stance == 0.0 and m.leading_rival is None for m in game.observation.members)


def test_a_rival_with_nothing_to_offer_moves_nobody():
    d = data()
    d["competitors"] = [{"id": "nullco", "name": "NullCo", "style": "price", "capabilities": {}}]
    game = started(scenario_from_data(d), CALM.with_(rival_moves=2))
    before = [m.rival_stance for m in game.observation.members]
    play_round(game)
    after = [m.rival_stance for m in game.observation.members]
    assert all(np.isfinite(after)) and after == before


# ------------------------------------------------------------------ blockers and vetoes
def test_a_blocker_back_on_side_stops_blocking():
    game = event_game({"type": "member_turns_blocker", "member": "eng"}, params=CALM.with_(unlock_threshold=-0.95))
    play_round(game)                               # eng turns blocker as round 1 begins ...
    assert game.observation.member("eng").blocker
    play_round(game)                               # ... and, above the (lowered) threshold, is won back at its end
    assert not game.observation.member("eng").blocker
    assert any(m.key == "news.blocker_won_back" and m.param("member") == "eng" for m in game.observation.news)


def test_a_won_deal_reports_no_veto():
    game = started(on_side())
    while not game.done:
        play_round(game)
    assert game.observation.outcome == "won"
    assert not any(m.key == "advice.veto" for m in game.debrief().advice)


def test_the_batch_refuses_a_member_index_one_past_the_last():
    tb = compile_tables(scenario_from_data(data()), CALM)
    st = new_batch(tb, 0, 3)
    ask = ACTION_INDEX["ask"]
    legal = slot_legal(st, tb, np.full(3, ask), np.array([tb.M - 1, tb.M, -1]), np.full(3, -1))
    assert legal.tolist() == [True, False, False]


def test_the_batch_refuses_a_pitch_of_a_benefit_index_out_of_range():
    tb = compile_tables(scenario_from_data(data()), CALM)
    st = new_batch(tb, 0, 3)
    pitch = ACTION_INDEX["pitch"]
    cfo = tb.row("cfo")
    legal = slot_legal(st, tb, np.full(3, pitch), np.full(3, cfo), np.array([tb.B - 1, tb.B, -1]))
    assert legal.tolist() == [True, False, False]


def test_asking_the_only_member_of_a_small_buying_center_is_full_coverage():
    d = data()
    d["members"] = [dict(d["members"][0], influence=0.2, stance=0.8)]
    d["members"][0].pop("gated_by", None)
    d["events"] = []
    for c in d.get("competitors", []):
        c["stance"] = {}
    game = started(scenario_from_data(d))
    only = game.observation.members[0].id
    play_round(game, Action("ask", only))
    assert finish(game)["coverage"] == pytest.approx(1.0, abs=1e-4)


def test_one_well_aimed_pitch_is_fully_aligned():
    game = started(on_side())
    play_round(game, Action("ask", "cfo"), Action("pitch", "cfo", "cost_saving"))
    assert finish(game)["alignment"] == pytest.approx(1.0, abs=1e-4)

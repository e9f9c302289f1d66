"""Score parts that measure skill (issue 12): what the player could have known and done."""
from __future__ import annotations

import pytest

from game.engine import Action, Game, compile_tables, scoring
from game.engine.strategies import play_batch
from test_engine_fixtures import CALM, scenario


def play(plans, params=CALM, sc=None, seed=1) -> Game:
    game = Game(sc or scenario(), params)
    game.reset(seed=seed)
    for plan in plans:
        if game.done or game.observation.phase != "pre_sale":
            break
        game.step(plan)
    while not game.done:
        game.step([])
    return game


def parts(game: Game) -> dict:
    return dict(game.debrief().score.parts)


def test_switching_to_a_second_priority_once_the_first_wore_out_costs_nothing():
    ask = [[Action("ask", "cfo")], [Action("ask", "cfo")]]          # top one, then the top three
    again = play(ask + [[Action("pitch", "cfo", "cost_saving")]] * 4)
    switch = play(ask + [[Action("pitch", "cfo", "cost_saving")]] * 3
                  + [[Action("pitch", "cfo", "affordable_price")]])
    assert parts(switch)["alignment"] == 1.0
    assert parts(again)["alignment"] < 0.95          # the fourth pitch of a worn-out priority was the weaker choice


def test_a_pitch_to_someone_never_asked_is_judged_against_what_one_ask_shows():
    blind = play([[Action("pitch", "cfo", "cost_saving")]])
    asked = play([[Action("ask", "cfo"), Action("pitch", "cfo", "cost_saving")]])
    wasted = play([[Action("ask", "cfo"), Action("pitch", "cfo", "support_24_7")]])
    assert parts(asked)["alignment"] == 1.0
    assert parts(blind)["alignment"] == pytest.approx(CALM.blind_factor, abs=1e-4)
    assert parts(wasted)["alignment"] == 0.0


def test_coverage_weighs_who_could_stall_or_veto():
    tb = compile_tables(scenario(), CALM)
    c = scoring.coverage_weight(tb)
    cfo, eng, buyer = (tb.row(m) for m in ("cfo", "eng", "buyer"))
    assert c[cfo] == pytest.approx(3 * tb.weight[cfo])       # stalls alone and vetoes
    assert c[eng] == pytest.approx(2 * tb.weight[eng])       # stalls alone
    only_cfo = parts(play([[Action("ask", "cfo")]], params=CALM.with_(consensus=2.0)))
    only_buyer = parts(play([[Action("ask", "buyer")]], params=CALM.with_(consensus=2.0)))
    # (consensus 2: nobody can win, so both parts count at the same closeness share of 1 - see below)
    ratio = only_cfo["coverage"] / only_buyer["coverage"]
    assert ratio == pytest.approx(c[cfo] / c[buyer], rel=1e-3)


def test_efficiency_counts_idle_points():
    busy = play([[Action("ask", m) for m in ("cfo", "eng", "buyer")] + [Action("pitch", "cfo", "cost_saving")]]
                + [[Action("pitch", "cfo", "cost_saving"), Action("pitch", "eng", "advanced_technology"),
                    Action("pitch", "buyer", "affordable_price"), Action("reference", "cfo")][:3]] * 7)
    idle = play([[Action("ask", "cfo")]])
    assert parts(idle)["efficiency"] < parts(busy)["efficiency"]


def test_a_deal_not_won_earns_for_how_close_the_vote_came():
    tb = compile_tables(scenario(), CALM)
    bg = play_batch(tb, "greedy", 3, 400)
    st = bg.state
    p = scoring.score_parts(st, tb)
    lost = st.outcome != 0
    near = scoring.closeness(st, tb)
    assert (p[lost, 0] == pytest.approx(CALM.no_decision_score * near[lost]))
    assert (p[lost, 1:4] <= near[lost, None] + 1e-12).all()


@pytest.mark.parametrize("name", ["random", "greedy", "novice", "expert"])
def test_parts_stay_within_bounds(name):
    tb = compile_tables(scenario())
    p = scoring.score_parts(play_batch(tb, name, 2, 300).state, tb)
    assert (p >= 0).all() and (p <= 1).all()

"""Rule tests for the player's actions (ask, pitch, reference, demo, pilot, discount, access)."""
from __future__ import annotations

import numpy as np
import pytest

from game.engine import Action, IllegalAction, Params, effects
from test_engine_fixtures import CALM, data, play_round, stance, started, with_gate
from game.scenario import scenario_from_data


def gain_of(*actions: Action, member: str, sc=None, params=CALM, seed=1) -> float:
    game = started(sc, params, seed)
    before = stance(game, member)
    play_round(game, *actions)
    return stance(game, member) - before


# ------------------------------------------------------------------ nudge keeps stances bounded
@pytest.mark.parametrize("s, d", [(0.0, 0.3), (0.9, 0.9), (-0.9, -0.9), (1.0, 0.5), (-1.0, -0.5), (0.5, -1.0)])
def test_nudge_stays_in_bounds_and_moves_the_right_way(s, d):
    out = float(effects.nudge(np.array(s), np.array(d)))
    assert -1.0 <= out <= 1.0
    assert (out - s) * d >= 0


# ------------------------------------------------------------------ pitch
@pytest.mark.parametrize("benefit, more_than", [
    ("cost_saving", "affordable_price"),        # cfo cares 5 vs 3: caring more moves more
    ("affordable_price", "exact_delivery_date"),
])
def test_pitch_effect_grows_with_care(benefit, more_than):
    informed = (Action("ask", "cfo"),)
    big = gain_of(*informed, Action("pitch", "cfo", benefit), member="cfo")
    small = gain_of(*informed, Action("pitch", "cfo", more_than), member="cfo")
    assert big > small


def test_pitch_effect_grows_with_capability():
    weak = data()
    weak["vendor"]["capabilities"]["cost_saving"] = 0.3
    strong = gain_of(Action("ask", "cfo"), Action("pitch", "cfo", "cost_saving"), member="cfo")
    poor = gain_of(Action("ask", "cfo"), Action("pitch", "cfo", "cost_saving"), member="cfo",
                   sc=scenario_from_data(weak))
    assert strong > poor > 0


def test_pitch_effect_grows_with_stage_activity():
    # stage 0 (problem identification) focuses initiators and users: the engineer is active, the buyer is not
    d = data()
    d["members"][2]["priorities"] = {"advanced_technology": 5}
    sc = scenario_from_data(d)
    eng = gain_of(Action("ask", "eng"), Action("pitch", "eng", "advanced_technology"), member="eng", sc=sc)
    buyer = gain_of(Action("ask", "buyer"), Action("pitch", "buyer", "advanced_technology"), member="buyer", sc=sc)
    assert eng > 2 * buyer > 0


def test_irrelevant_pitch_wastes_time_and_costs_goodwill():
    loss = gain_of(Action("ask", "cfo"), Action("pitch", "cfo", "advanced_technology"), member="cfo")
    only_ask = gain_of(Action("ask", "cfo"), member="cfo")
    assert loss < only_ask
    game = started()
    result = play_round(game, Action("pitch", "cfo", "advanced_technology"))
    assert any(m.key == "news.wasted_pitch" for m in result.observation.news)


def test_repeated_pitch_gives_diminishing_returns():
    game = started()
    play_round(game, Action("ask", "cfo"))
    gains = []
    for _ in range(3):
        before = stance(game, "cfo")
        play_round(game, Action("pitch", "cfo", "cost_saving"))
        gains.append(stance(game, "cfo") - before)
    assert gains[0] > gains[1] > gains[2] > 0


def test_listening_first_makes_a_pitch_land_better():
    blind = gain_of(Action("pitch", "cfo", "cost_saving"), member="cfo")
    game = started()
    play_round(game, Action("ask", "cfo"))
    before = stance(game, "cfo")
    play_round(game, Action("pitch", "cfo", "cost_saving"))
    assert stance(game, "cfo") - before > blind


# ------------------------------------------------------------------ ask
@pytest.mark.parametrize("asks, known", [(0, 0), (1, 1), (2, 3), (3, 3)])
def test_ask_reveals_priorities_step_by_step(asks, known):
    game = started()
    for _ in range(asks):
        play_round(game, Action("ask", "cfo"))
    view = game.observation.member("cfo")
    assert len(view.known_priorities) == known      # the CFO has three priorities
    assert view.revealed == asks
    if known:
        assert view.known_priorities[0] == ("cost_saving", 1.0)


def test_asking_twice_in_one_round_gives_nothing_more():
    game = started()
    play_round(game, Action("ask", "cfo"), Action("ask", "cfo"))
    assert game.observation.member("cfo").revealed == 1
    once = gain_of(Action("ask", "cfo"), member="cfo")
    twice = gain_of(Action("ask", "cfo"), Action("ask", "cfo"), member="cfo")
    assert once == pytest.approx(twice) and once > 0


# ------------------------------------------------------------------ reference, demo
@pytest.mark.parametrize("kind, strong, weak", [
    ("reference", "cfo", "eng"),     # references convince deciders
    ("demo", "eng", "cfo"),          # demos convince users and influencers
])
def test_reference_and_demo_audiences(kind, strong, weak):
    # scale by activity so the comparison is about the audience, not the stage focus
    game = started()
    act = {m.id: m.activity for m in game.observation.members}
    g_strong = gain_of(Action(kind, strong), member=strong) / act[strong]
    g_weak = gain_of(Action(kind, weak), member=weak) / act[weak]
    assert g_strong > 2 * g_weak > 0


# ------------------------------------------------------------------ pilot
def to_round(game, r):
    while game.observation.round < r:
        play_round(game)


@pytest.mark.parametrize("quality, expect_success_rate", [(1.0, 1.0), (0.0, 0.15)])
def test_pilot_success_depends_on_quality(quality, expect_success_rate):
    d = data()
    d["vendor"]["capabilities"]["best_quality_control"] = quality
    sc = scenario_from_data(d)
    wins = 0
    for seed in range(40):
        game = started(sc, seed=seed)
        to_round(game, 3)                               # developing options: a test stage
        result = play_round(game, Action("pilot"))
        wins += any(m.key == "news.pilot_success" for m in result.observation.news)
    assert abs(wins / 40 - expect_success_rate) <= 0.15


def test_pilot_success_pleases_users_and_failure_hurts():
    good, bad = data(), data()
    good["vendor"]["capabilities"]["best_quality_control"] = 1.0
    bad["events"] = [{"id": "boom", "stage": "developing_options", "type": "pilot_failure"}]
    for d, sign in ((good, 1), (bad, -1)):
        game = started(scenario_from_data(d))
        to_round(game, 3)
        before = stance(game, "eng")
        play_round(game, Action("pilot"))
        assert (stance(game, "eng") - before) * sign > 0


@pytest.mark.parametrize("round_", [0, 1, 2, 5])
def test_pilot_only_in_test_stages(round_):
    game = started()
    to_round(game, round_)
    assert Action("pilot") not in game.observation.legal_actions
    with pytest.raises(IllegalAction, match="pilot"):
        play_round(game, Action("pilot"))


def test_only_one_pilot_per_deal():
    game = started()
    to_round(game, 3)
    play_round(game, Action("pilot"))
    assert "one pilot" in game.check([Action("pilot")])


# ------------------------------------------------------------------ discount
def test_discount_pleases_buyers_costs_margin_and_is_capped():
    game = started()
    play_round(game, Action("ask", "buyer"), Action("ask", "cfo"), Action("ask", "eng"))   # traded, not given
    before = {m.id: m.stance for m in game.observation.members}
    play_round(game, Action("discount"), Action("discount"), Action("discount"))
    after = {m.id: m.stance for m in game.observation.members}
    assert after["buyer"] - before["buyer"] > after["eng"] - before["eng"]
    assert after["buyer"] > before["buyer"] and after["cfo"] > before["cfo"]
    assert game.observation.discount == pytest.approx(3 * Params().discount_step)
    assert Action("discount") not in game.observation.legal_actions
    assert "at most" in game.check([Action("discount")])


def test_a_discount_before_anyone_asked_for_it_is_pocketed_and_the_news_says_so():
    game = started()
    result = play_round(game, Action("discount"))
    pocketed = [m for m in result.observation.news if m.key == "news.discount_pocketed"]
    assert len(pocketed) == 1
    assert game.observation.discount == pytest.approx(Params().discount_step)      # the margin is gone
    result = play_round(game, Action("ask", "buyer"), Action("discount"))        # told first: a trade
    assert not any(m.key == "news.discount_pocketed" for m in result.observation.news)


# ------------------------------------------------------------------ access: gatekeeper, referral
def test_member_behind_gatekeeper_is_locked_until_the_gatekeeper_is_on_side():
    game = started(scenario_from_data(with_gate()))
    cfo = game.observation.member("cfo")
    assert cfo.locked and cfo.gated_by == "assistant"
    assert all(a.member != "cfo" or a.kind == "refer" for a in game.observation.legal_actions)
    reason = game.check([Action("pitch", "cfo", "cost_saving")])
    assert "through" in reason and "Assistant" in reason
    for _ in range(3):
        if not game.observation.member("cfo").locked:
            break
        play_round(game, Action("ask", "assistant"), Action("pitch", "assistant", "exact_delivery_date"),
                   Action("pitch", "assistant", "support_24_7"))
    assert game.observation.member("assistant").stance >= Params().unlock_threshold
    assert not game.observation.member("cfo").locked
    assert game.check([Action("pitch", "cfo", "cost_saving")]) is None


def test_referral_opens_a_locked_member_for_the_rest_of_the_game():
    d = with_gate()
    d["members"][1]["stance"] = 0.5                 # the engineer backs us and can introduce us
    game = started(scenario_from_data(d))
    assert Action("refer", "cfo") in game.observation.legal_actions
    result = play_round(game, Action("refer", "cfo"))
    assert any(m.key == "news.referred" for m in result.observation.news)
    assert not game.observation.member("cfo").locked
    assert "not needed" in game.check([Action("refer", "cfo")])


def test_refer_needs_someone_on_your_side():
    game = started(scenario_from_data(with_gate()))
    assert Action("refer", "cfo") not in game.observation.legal_actions
    assert "introduce" in game.check([Action("refer", "cfo")])


def test_stage_focus_shifts_who_is_active():
    game = started()
    first = {m.id: m.activity for m in game.observation.members}
    to_round(game, 5)                                # the decision stage: deciders and buyers
    last = {m.id: m.activity for m in game.observation.members}
    assert first["eng"] > first["buyer"]
    assert last["buyer"] > last["eng"]
    assert last["cfo"] == 1.0 and first["cfo"] >= Params().act_decider


def test_a_member_can_be_referred_only_once():
    """A second referral of the same locked member in one round is refused (it could do nothing)."""
    from game.engine import Action, Game
    from game.scenario import load_scenario, bundled_scenarios

    sc = load_scenario(next(p for p in bundled_scenarios() if p.name == "data_platform_hanbit.yaml"))
    game = Game(sc)
    obs = game.reset(seed=1)
    refers = [a for a in obs.legal_actions if a.kind == "refer"]
    if not refers:
        pytest.skip("no referral possible at the start of this scenario")
    target = refers[0]
    assert game.check([target]) is None
    reason = game.check([target, target])
    assert reason is not None and "already been referred" in reason

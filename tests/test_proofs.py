"""Proofs and discounts (issue 11 items 1-2): each proof answers its own doubt, a scenario can expect one,
a discount moves only the price-minded, and the strategies use each move where it pays.

The rule tests play single actions on a small buying center; the strategy figures run a few hundred
seeded games per scenario (benchmarks/calibration.py prints the same figures on 2,000 games).
"""
from __future__ import annotations

import numpy as np
import pytest

from game.engine import compile_tables, proofs
from game.engine.batch import BatchGame
from game.engine.state import NO_DECISION
from game.engine.strategies import play_batch
from game.engine.strategies.base import ASK, DEMO, DISCOUNT, PILOT, REFERENCE
from game.engine.strategies.discount_first import DiscountFirstStrategy
from game.engine.strategies.expert import expert_variant
from game.scenario import bundled_scenarios, load_scenario, scenario_from_data

BUNDLED = {p.stem: p for p in bundled_scenarios()}
GAMES = 400


def small(**extra) -> dict:
    """A four-member deal: a decider, an influencer, a user, a buyer who cares about price; no rivals."""
    members = [
        {"id": "ceo", "name": "A", "title": "CEO", "roles": ["decider"], "influence": 0.9,
         "priorities": {"best_quality_control": 5, "cost_saving": 2}},
        {"id": "cto", "name": "B", "title": "CTO", "roles": ["influencer"], "influence": 0.6,
         "priorities": {"advanced_technology": 4, "best_quality_control": 1}},
        {"id": "plant", "name": "C", "title": "Plant manager", "roles": ["user"], "influence": 0.5,
         "priorities": {"support_24_7": 3, "exact_delivery_date": 2}},
        {"id": "buyer", "name": "D", "title": "Purchasing", "roles": ["buyer"], "influence": 0.5,
         "priorities": {"affordable_price": 5, "cost_saving": 2}},
    ]
    data = {"format": 1, "id": "proofs", "title": "Proofs", "variation": "none",
            "stages": [{"id": "evaluating_alternatives", "name": "Evaluate", "actions": 10, "focus": ["buyer"]},
                       {"id": "choosing_alternative", "name": "Choose", "actions": 3, "focus": ["decider"]}],
            "customer": {"name": "C", "industry": "x"}, "deal": {"value": 1000},
            "members": members,
            "vendor": {"name": "V", "capabilities": {"cost_saving": 0.6, "best_quality_control": 0.9,
                                                      "advanced_technology": 0.8, "support_24_7": 0.7,
                                                      "exact_delivery_date": 0.6, "affordable_price": 0.4}}}
    for key, value in extra.items():
        if key in ("ceo", "cto", "plant", "buyer"):
            next(m for m in members if m["id"] == key).update(value)
        else:
            data[key] = value
    return data


def fresh(data: dict, games: int = 1):
    tb = compile_tables(scenario_from_data(data))
    return tb, BatchGame(tb, 3, games)


def play(bg, tb, kind: int, member: str | None = None) -> None:
    row = tb.member_ids.index(member) if member else -1
    applied = bg.apply(np.full(bg.state.G, kind), np.full(bg.state.G, row), np.full(bg.state.G, -1))
    assert applied.all()


def test_each_proof_answers_its_own_doubt_and_no_other():
    tb, bg = fresh(small())
    p = tb.params
    bg.state.revealed[:] = 2                            # everyone heard: a follow-up told what worries them
    row = {m: tb.member_ids.index(m) for m in ("ceo", "cto", "plant", "buyer")}
    before = proofs.doubt(bg.state, tb)[0]
    assert before[row["ceo"]] == pytest.approx(p.doubt_risk) and before[row["cto"]] == pytest.approx(p.doubt_fit)
    assert before[row["plant"]] == pytest.approx(p.doubt_use) and before[row["buyer"]] == 0.0
    play(bg, tb, REFERENCE, "plant")                   # a reference to a user: a waste, their doubt stays
    play(bg, tb, DEMO, "ceo")                          # a demo to a decider: the same
    after = proofs.doubt(bg.state, tb)[0]
    assert np.array_equal(after, before)
    play(bg, tb, REFERENCE, "ceo")
    play(bg, tb, DEMO, "cto")
    after = proofs.doubt(bg.state, tb)[0]
    assert after[row["ceo"]] == 0.0 and after[row["cto"]] == 0.0 and after[row["plant"]] == pytest.approx(p.doubt_use)


def test_a_successful_pilot_answers_every_user_and_a_failed_one_hurts():
    stages = [{"id": "developing_options", "name": "Options", "actions": 6, "focus": ["user"]},
              {"id": "choosing_alternative", "name": "Choose", "actions": 3, "focus": ["decider"]}]
    tb, bg = fresh(small(stages=stages), games=400)
    plant = tb.member_ids.index("plant")
    start = bg.state.stance.copy()
    play(bg, tb, PILOT)
    st = bg.state
    ok = st.pilot_result == 1
    assert 0 < ok.sum() < len(ok)                       # quality 0.9: most succeed, a few fail
    doubt = proofs.doubt(st, tb)[:, plant]
    assert (doubt[ok] == 0.0).all() and np.allclose(doubt[~ok], tb.params.doubt_use)
    assert (st.stance[~ok, plant] < start[~ok, plant]).all()
    assert (st.stance[ok, plant] > start[ok, plant]).all()


def test_an_expected_proof_left_unmet_stalls_more_deals():
    """A scenario's ``expects_proof``: every decider expects it; unmet, more deals end in no decision."""
    plain = small()
    expecting = small(expects_proof="reference")
    tb0 = compile_tables(scenario_from_data(plain))
    tb1 = compile_tables(scenario_from_data(expecting))
    ceo = tb1.member_ids.index("ceo")
    assert tb1.proof_need[ceo, proofs.REFERENCE] == pytest.approx(tb0.proof_need[ceo, proofs.REFERENCE]
                                                                   + tb1.params.doubt_expected)
    member = compile_tables(scenario_from_data(small(plant={"expects_proof": "demo"})))
    assert member.proof_need[member.member_ids.index("plant"), proofs.DEMO] == pytest.approx(member.params.doubt_expected)
    never_prove = expert_variant("no_reference", drop="reference")
    nd = [float((play_batch(tb, never_prove, 5, GAMES).state.outcome == NO_DECISION).mean()) for tb in (tb0, tb1)]
    assert nd[1] > nd[0] + 0.05


def test_a_discount_is_traded_not_given_it_moves_only_members_who_told_you_what_they_need():
    tb, bg = fresh(small())
    buyer = tb.member_ids.index("buyer")
    start = bg.state.stance[0].copy()
    play(bg, tb, DISCOUNT)                              # nobody asked yet: the buyer pockets it
    assert (bg.state.stance[0] == start).all()
    assert bg.state.discount_steps[0] == 1 and bg.state.wasted[0] == 1    # margin gone, point wasted
    play(bg, tb, ASK, "buyer")
    asked = bg.state.stance[0].copy()
    play(bg, tb, DISCOUNT)                              # now it answers what the buyer told you
    assert bg.state.stance[0, buyer] > asked[buyer] and bg.state.wasted[0] == 1


def test_a_discount_moves_only_the_price_minded_and_lands_by_activity():
    tb, bg = fresh(small())
    bg.state.revealed[:] = 1                            # everyone asked: each told what they need
    start = bg.state.stance[0].copy()
    play(bg, tb, DISCOUNT)
    moved = bg.state.stance[0] - start
    buyer, cto, ceo = (tb.member_ids.index(m) for m in ("buyer", "cto", "ceo"))
    assert moved[buyer] > 0.0
    assert moved[cto] == 0.0                            # no price care: a discount means nothing to them
    assert moved[ceo] == 0.0                            # cost matters to the CEO, but less than half their top
    quiet = small(stages=[{"id": "problem_identification", "name": "P", "actions": 3, "focus": ["user"]},
                          {"id": "choosing_alternative", "name": "C", "actions": 3, "focus": ["buyer"]}])
    tbq, bgq = fresh(quiet)
    bgq.state.revealed[:] = 1
    s0 = bgq.state.stance[0].copy()
    play(bgq, tbq, DISCOUNT)
    early = bgq.state.stance[0, buyer] - s0[buyer]
    assert 0.0 < early < moved[buyer]                  # offered before purchasing negotiates: lands weakly


def usage(bg) -> dict:
    st = bg.state
    return {"reference": float(st.proved[..., proofs.REFERENCE].any(axis=1).mean()),
            "demo": float(st.proved[..., proofs.DEMO].any(axis=1).mean()),
            "pilot": float(st.pilot_used.mean())}


def win(bg) -> float:
    return float((bg.state.outcome == 0).mean())


def test_the_expert_uses_every_proof_on_most_bundled_deals():
    counts = {"reference": 0, "demo": 0, "pilot": 0}
    for path in BUNDLED.values():
        use = usage(play_batch(compile_tables(load_scenario(path)), "expert", 11, GAMES))
        for k, v in use.items():
            counts[k] += v >= 0.25
    # the target: >= 4 of 5 for each (benchmarks/calibration.py --only-proofs prints the 2,000-game figure)
    assert counts["reference"] >= 4 and counts["demo"] >= 4 and counts["pilot"] >= 4, counts


@pytest.mark.parametrize("name, drop", [("data_platform_hanbit", "reference"), ("electronics_support", "reference"),
                                        ("data_platform_hanbit", "demo"), ("data_platform_hanbit", "pilot"),
                                        ("electronics_support", "pilot")])
def test_dropping_a_proof_costs_the_expert_wins(name, drop):
    """Controlled comparison: the expert with one move removed, nothing else changed, same seeded games.
    References pay where deciders weigh most, demos where influencers can stall the deal (the robot cell's
    engineers), the pilot where several users must be won at once and quality is high.  Measured on 400
    games: 4-8 points; asserted with a margin for sampling noise."""
    tb = compile_tables(load_scenario(BUNDLED[name]))
    full = win(play_batch(tb, "expert", 11, GAMES))
    without = win(play_batch(tb, expert_variant(f"no_{drop}", drop=drop), 11, GAMES))
    assert full - without >= 0.02


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_leading_with_price_wins_less_than_selling(name):
    tb = compile_tables(load_scenario(BUNDLED[name]))
    expert = play_batch(tb, "expert", 11, GAMES)
    first = play_batch(tb, DiscountFirstStrategy(), 11, GAMES)
    assert (first.state.discount_steps == tb.params.discount_max).all()
    # a discount given before anyone asked for one is pocketed (traded, not given): 400 games of seed 11
    # measured 7-20 points below the expert (the 2,000-game figure: benchmarks/calibration.py)
    assert win(first) <= win(expert) - 0.03
    assert first.scores().mean() < expert.scores().mean() - 30          # the margin given away shows


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_the_oracle_gives_at_most_one_discount_a_deal(name):
    tb = compile_tables(load_scenario(BUNDLED[name]))
    assert play_batch(tb, "oracle", 11, GAMES).state.discount_steps.mean() <= 1.0

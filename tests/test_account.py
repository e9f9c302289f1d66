"""The account after the sale (issue 11, item 4): the sale opens the account with a head start or a debt
(backing at the vote, over-promised capabilities, discounts), service effort costs margin, loyalty is worth
the account's potential, and every account type can occur under some built-in post-sale policy."""
import numpy as np
import pytest

from game.engine import BatchGame, compile_tables, postsale, scoring
from game.engine.debrief import account_story
from game.engine.state import WON
from game.engine.strategies import play_batch
from game.engine.strategies.registry import post_policy_variant
from game.engine.types import ACCOUNT_TYPES
from game.scenario import bundled_scenarios, load_scenario


def _tables(name):
    return compile_tables(load_scenario(next(p for p in bundled_scenarios() if name in str(p))))


def _opened(tb, **changes):
    st = BatchGame(tb, 2, 1).state
    st.stance[:] = 0.5
    for name, value in changes.items():
        getattr(st, name)[...] = value
    postsale.open_account(st, tb, np.ones(1, bool))
    return st


def test_over_promising_and_discounts_open_the_account_in_debt():
    tb = _tables("warehouse")
    weak = int(np.argmin(tb.cap))
    assert tb.cap[weak] < tb.params.promise_level
    strong = int(np.argmax(tb.cap))
    honest = _opened(tb)
    pitched_strong = np.zeros_like(honest.pitch_count)
    pitched_strong[0, 0, strong] = 3
    pitched_weak = np.zeros_like(honest.pitch_count)
    pitched_weak[0, 0, weak] = 3
    assert _opened(tb, pitch_count=pitched_strong).progress[0] == honest.progress[0]
    assert _opened(tb, pitch_count=pitched_weak).progress[0] < honest.progress[0]
    assert _opened(tb, discount_steps=2).progress[0] < honest.progress[0]
    assert honest.rung[0] == postsale.CUSTOMER_RUNG


def test_service_effort_costs_margin_and_loyalty_is_worth_the_potential():
    tb = _tables("jit")
    st = BatchGame(tb, 2, 2).state
    st.outcome[:] = WON
    st.rung[:] = 6
    st.post_spent[:] = [0, 6]
    parts = scoring.score_parts(st, tb)
    assert parts[1, 0] < parts[0, 0]                          # the same win, less margin kept
    low = _tables("warehouse")
    assert tb.potential > low.potential
    assert scoring.account_value(st, tb)[0] > scoring.account_value(st, low)[0]


@pytest.fixture(scope="module")
def runs():
    out = {}
    for name in ("jit", "warehouse", "robot"):
        tb = _tables(name)
        for policy in ("invest", "balanced", "minimal"):
            st = play_batch(tb, post_policy_variant(policy), seed=5, games=600).state
            out[name, policy] = (tb, st)
    return out


def test_every_account_type_occurs_under_some_built_in_policy(runs):
    seen = np.zeros(4)
    for tb, st in runs.values():
        won = st.outcome == WON
        shares = np.bincount(postsale.account_type(st, tb)[won], minlength=4) / max(won.sum(), 1)
        seen = np.maximum(seen, shares)
    assert (seen >= 0.08).all(), dict(zip(ACCOUNT_TYPES, seen.round(3)))


def test_the_best_post_sale_policy_depends_on_the_account_potential(runs):
    def mean_score(name, policy):
        tb, st = runs[name, policy]
        return scoring.totals(scoring.score_parts(st, tb), tb).mean()
    assert mean_score("jit", "invest") > mean_score("jit", "minimal") + 1          # high potential: invest
    assert mean_score("jit", "invest") > mean_score("jit", "balanced") + 1
    assert mean_score("warehouse", "minimal") > mean_score("warehouse", "invest")   # low potential: spend little


def test_the_debrief_explains_the_account():
    tb = _tables("jit")
    st = play_batch(tb, post_policy_variant("invest"), seed=5, games=1).state
    for seed in range(6, 40):
        if st.outcome[0] == WON:
            break
        st = play_batch(tb, post_policy_variant("invest"), seed=seed, games=1).state
    assert st.outcome[0] == WON
    keys = [m.key for m in account_story(st, tb)]
    assert keys[0] == f"why.account_{ACCOUNT_TYPES[int(postsale.account_type(st, tb)[0])]}"
    assert "why.account_potential_high" in keys and "why.account_effort" in keys

"""After a won decision: service actions move the customer along the loyalty ladder.

The account opens (``open_account``) at the customer rung with a head start or a debt of ladder
progress from how the sale went (DOMAIN.md § 5, docs/model.md § 8):

    sale_loyalty x (the decision-weighted mean stance of the members present at the vote - backing_neutral)
    - promise_debt x sum over the player's pitches of max(0, promise_level - capability) / promise_level
      (a promise the product cannot keep: pitching a weak capability disappoints after the sale)
    - price_loyalty x discounts given (a deal won on price buys on price: it leans toward a nomad)

Each post-sale action adds ladder progress (diminishing when the same kind is
repeated in a round); at the end of the round every ``climb_cost`` of progress
climbs one rung (a debt is paid back first), and a neglected round (progress < neglect_level)
may slip one rung.  Effort (share of post-sale points spent) x loyalty gives the account type;
effort costs margin and loyalty is worth the account's potential (scoring.py).
"""
from __future__ import annotations

import numpy as np

from game.engine import effects
from game.engine.tables import Tables
from game.engine.types import ACCOUNT_TYPES

CUSTOMER_RUNG = 3
TOP_RUNG = 7


def _progress(st, tb: Tables, idx, use: int, gain) -> None:
    st.round_progress[idx] += gain * np.power(tb.params.post_decay, st.kind_uses[idx, use])
    st.kind_uses[idx, use] += 1


def _rapport(st, tb: Tables, idx, m) -> None:
    if np.ndim(m) == 0:
        if m < 0:
            return
    else:
        idx, m = idx[m >= 0], m[m >= 0]
        if len(idx) == 0:
            return
    new, others = effects.gain_with(st.stance[idx, m], st.rival[idx, :, m], tb.params.service_rapport + 0.0 * m,
                                    tb.params)
    st.stance[idx, m] = new
    st.rival[idx, :, m] = others
    st.engaged[idx, m] += 1


def deliver(st, tb: Tables, idx, m, b) -> None:
    _progress(st, tb, idx, 0, tb.params.deliver_gain * tb.delivery_quality)


def support(st, tb: Tables, idx, m, b) -> None:
    _progress(st, tb, idx, 1, tb.params.support_gain * tb.support_quality)
    _rapport(st, tb, idx, m)


def train(st, tb: Tables, idx, m, b) -> None:
    p = tb.params
    _progress(st, tb, idx, 2, p.train_gain * np.where(tb.roles[m, 1], 1.0, 0.5))   # ROLES[1] == "user"
    _rapport(st, tb, idx, m)


def review(st, tb: Tables, idx, m, b) -> None:
    p = tb.params
    _progress(st, tb, idx, 3, p.review_gain * np.where(tb.decider[m], 1.0, 0.5))
    _rapport(st, tb, idx, m)


def promise_gap(st, tb: Tables) -> np.ndarray:
    """(G,) over-promising: the player's pitches weighted by how far the pitched capability falls short."""
    p = tb.params
    short = np.maximum(p.promise_level - tb.cap, 0.0) / max(p.promise_level, 1e-9)       # (B,)
    return st.pitch_count.sum(axis=1) @ short


def open_account(st, tb: Tables, won: np.ndarray) -> None:
    """The (G,) mask ``won`` becomes customers: rung 3 and the sale's head start (or debt) of progress."""
    p = tb.params
    w = tb.weight * st.present
    backing = (w * st.stance).sum(axis=1) / np.maximum(w.sum(axis=1), 1e-9)
    start = p.sale_loyalty * (backing - p.backing_neutral) - p.promise_debt * promise_gap(st, tb) - p.price_loyalty * st.discount_steps
    st.rung = np.where(won, CUSTOMER_RUNG, st.rung).astype(np.int8)
    st.progress = np.where(won, start, st.progress)


def end_post_round(st, tb: Tables, games: np.ndarray) -> np.ndarray:
    """Climb / slip for the (G,) mask ``games``; returns the rung change (G,)."""
    p = tb.params
    before = st.rung.copy()
    total = st.progress + st.round_progress
    climbs = np.maximum(np.floor(total / p.climb_cost), 0.0)
    rung = np.minimum(TOP_RUNG, st.rung + climbs)
    slip = (st.round_progress < p.neglect_level) & (st.u[:, -1] < p.slip_probability)
    rung = np.where(slip, np.maximum(0, rung - 1), rung)
    st.rung = np.where(games, rung, st.rung).astype(np.int8)
    st.progress = np.where(games, np.where(slip, np.minimum(total, 0.0), total - climbs * p.climb_cost), st.progress)
    return (st.rung - before).astype(np.int64)


def account_type(st, tb: Tables) -> np.ndarray:
    """(G,) index into ACCOUNT_TYPES for won games, -1 otherwise."""
    p = tb.params
    loyal = st.rung >= p.loyal_rung
    effort = np.divide(st.post_spent, st.post_points, out=np.zeros(st.G), where=st.post_points > 0)
    high = effort > p.effort_high
    code = np.where(loyal, np.where(high, 1, 0), np.where(high, 3, 2))
    return np.where(st.rung >= 0, code, -1)


assert ACCOUNT_TYPES == ("key_account", "strategic_partner", "nomad", "zombie")

"""``pusher``: pitches its strongest benefits to the most influential members; never asks, never looks.

It knows its own product and the org chart but not what anyone cares
about, and it does not watch how a pitch lands, so each slot it makes the pitch with the largest
influence x stage activity x capability x diminishing return, over the
members it can reach.  Because it only ever pitches, the k-th pitch to a
member is always the same benefit: the sequence is precomputed once per
capability table, so a slot costs a few (G,M) operations.

It was the ladder's ``greedy`` rung until issue 12 asked for a never-asker that can sometimes win
(``greedy`` now watches which pitches land and gets past the door); the pusher stays as the fixed,
fastest workload of ``benchmarks/engine_bench.py`` and the baseline seller of the stakeholder curve and
the no-decision share (benchmarks/calibration.py), whose anchors were calibrated with it.
"""
from __future__ import annotations

import numpy as np

from game.engine.strategies.base import NOOP, PITCH, Strategy, first_argmax_T, reachable

_SEQ: dict = {}


def pitch_sequence(cap: np.ndarray, decay: float, length: int) -> tuple[np.ndarray, np.ndarray]:
    """The benefits of the 1st, 2nd, ... pitch to one member and each pitch's capability x decay value."""
    key = (cap.tobytes(), decay, length)
    hit = _SEQ.get(key)
    if hit is None:
        count = np.zeros(len(cap))
        seq, val = [], []
        for _ in range(length):
            v = cap * np.power(decay, count)
            b = int(np.argmax(v))
            seq.append(b)
            val.append(float(v[b]))
            count[b] += 1
        hit = _SEQ[key] = (np.array(seq + [seq[-1]], np.int64), np.array(val + [0.0]))
    return hit


class _Round:
    """The pusher's context for one pre-sale round: every member's pitch value, kept up to date cell by cell.

    ``value`` is stored transposed, (M,G), so that the per-slot argmax runs as
    contiguous reductions (``first_argmax_T``).  Within a round only the pusher's
    own pitches change ``engaged`` (presence and locks are judged at the start
    of the round), so each slot only the cells chosen in the previous slot are
    recomputed; every value equals what a full recomputation would give.
    """

    __slots__ = ("seq", "val", "weight", "reach", "value", "last")

    def __init__(self, st, tb, seq, val, weight):
        self.seq, self.val, self.weight = seq, val, weight
        self.reach = reachable(st)                                    # (G,M), fixed for the round
        self.value = None
        if st.G > 1:                                   # (one game recomputes each slot: _plain_slot)
            n = np.minimum(st.engaged, len(seq) - 1)   # the pusher only pitches: engaged == pitches made
            self.value = np.ascontiguousarray(np.where(self.reach, weight * val[n], 0.0).T)
        self.last = None                                              # (M,G) flat cells chosen last slot

    def refresh(self, st, cells_gm, members, cells_mg):
        n = np.minimum(st.engaged.reshape(-1).take(cells_gm), len(self.seq) - 1)
        v = np.where(self.reach.reshape(-1).take(cells_gm), self.weight.take(members) * self.val.take(n), 0.0)
        self.value.reshape(-1)[cells_mg] = v


class PusherStrategy(Strategy):
    name = "pusher"
    description = "pitches its strongest benefits to the most influential members, never asks, never looks"
    # a pitch (cost 1) to a member reachable since the round began (its pitches open or close no one),
    # in an active game with points left; else NOOP
    proposes_legal = True
    splits_games = True            # never draws from its rng; every choice reads its own game only

    def start_round(self, st, tb, rng):
        if st.round > tb.decision:
            return super().start_round(st, tb, rng)
        length = int(tb.points.sum()) + 1
        seq, val = pitch_sequence(tb.cap, tb.params.pitch_decay, length)
        return _Round(st, tb, seq, val, tb.influence * tb.activity[st.round])

    def choose(self, st, tb, rng, ctx):
        if not isinstance(ctx, _Round):          # called without this round's context: build it
            ctx = self.start_round(st, tb, rng)
        G, M = st.G, tb.M
        if G == 1:                               # one game: the plain formula is cheaper than bookkeeping
            return _plain_slot(st, ctx)
        g = np.arange(G)
        if ctx.last is not None:
            ctx.refresh(st, *ctx.last)
        m, best = first_argmax_T(ctx.value)
        gm = g * M + m
        ok = st.active & (st.points > 0) & (best > 0)
        ctx.last = (gm, m, m * G + g)
        n = np.minimum(st.engaged.reshape(-1).take(gm), len(ctx.seq) - 1)
        kind = np.where(ok, PITCH, NOOP)
        return kind, np.where(ok, m, -1), np.where(ok, ctx.seq.take(n), -1)


def _plain_slot(st, ctx: _Round):
    """The same choice recomputed from scratch (what ``_Round`` keeps up to date incrementally)."""
    n = np.minimum(st.engaged, len(ctx.seq) - 1)
    value = np.where(ctx.reach, ctx.weight * ctx.val[n], 0.0)
    m = value.argmax(axis=1)
    g = np.arange(st.G)
    ok = st.active & (st.points > 0) & (value[g, m] > 0)
    return np.where(ok, PITCH, NOOP), np.where(ok, m, -1), np.where(ok, ctx.seq[n[g, m]], -1)

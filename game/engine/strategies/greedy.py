"""``greedy``: pitches its strongest benefits to the most influential members, and never asks.

It knows its own product and the org chart but not what anyone cares
about, so each slot it makes the pitch with the largest
influence x stage activity x capability x diminishing return, over the
members it can reach.  Because it only ever pitches, the k-th pitch to a
member is always the same benefit: the sequence is precomputed once per
capability table, so a slot costs a few (G,M) operations.
"""
from __future__ import annotations

import numpy as np

from game.engine.strategies.base import NOOP, PITCH, Strategy, reachable

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


class GreedyStrategy(Strategy):
    name = "greedy"
    description = "pitches its strongest benefits to the most influential members, never asks"

    def start_round(self, st, tb, rng):
        length = int(tb.points.sum()) + 1
        seq, val = pitch_sequence(tb.cap, tb.params.pitch_decay, length)
        return seq, val, tb.influence * tb.activity[st.round]

    def choose(self, st, tb, rng, ctx):
        seq, val, weight = ctx
        n = np.minimum(st.engaged, len(seq) - 1)          # greedy only pitches: engaged == pitches made
        value = np.where(reachable(st), weight * val[n], 0.0)
        m = value.argmax(axis=1)
        g = np.arange(st.G)
        ok = st.active & (st.points > 0) & (value[g, m] > 0)
        kind = np.where(ok, PITCH, NOOP)
        return kind, np.where(ok, m, -1), np.where(ok, seq[n[g, m]], -1)

"""Built-in post-sale policies: how much service effort a seller spends after the win.

    invest    every post-sale point (high effort: a strategic partner when loyal, a zombie when not)
    balanced  half of the post-sale points: two in the first post-sale round, then one a round (low effort)
    minimal   one point per post-sale round (low effort: a key account when the sale left loyalty, else a nomad)
    fit       by the account's public potential: invest when high, minimal when low, balanced otherwise

Each spends its points on the service action with the largest ladder progress (base.service_slot).
``registry.post_policy_variant(policy)`` is the expert with a policy (benchmarks/calibration.py, tests).
"""
from __future__ import annotations

import numpy as np

from game.engine.strategies.base import NOOP, service_slot

POLICIES = ("invest", "balanced", "minimal", "fit")


def fitting(tb) -> str:
    """The policy that fits the account's potential (scenario ``potential``, public)."""
    return {"high": "invest", "low": "minimal"}.get(tb.scenario.potential, "balanced")


def budget(st, tb, policy: str) -> np.ndarray:
    """(G,) post-sale points the policy allows up to the end of the current round."""
    if policy == "fit":
        policy = fitting(tb)
    d = tb.decision
    rounds_in = st.round - d                                        # 1 in the first post-sale round
    if policy == "invest":
        return st.post_points
    if policy == "minimal":
        return np.full(st.G, rounds_in)
    total = int(tb.points[d + 1:].sum())
    return np.full(st.G, min(int(np.ceil(total / 2)), rounds_in + 1))


def policy_slot(st, tb, ctx, policy: str):
    kind, member, benefit = service_slot(st, tb, ctx)
    over = st.post_spent >= budget(st, tb, policy)
    return np.where(over, NOOP, kind), np.where(over, -1, member), benefit

"""Pure formulas over priority arrays: care, ranks, credibility and the rivals' menus.

No state and no tables: ``tables`` precomputes them for every customer variant and stage regime
(``customer.py``), and the state recomputes them for games whose priorities an event moved.
"""
from __future__ import annotations

import numpy as np

from game.engine import effects
from game.engine.params import Params

NEVER = 1 << 30   # rank of a benefit the member does not care about at all


def credibility(care: np.ndarray, cap: np.ndarray) -> np.ndarray:
    """Care-weighted capability: how credible a vendor is to a member (0..1)."""
    total = care.sum(axis=-1)
    return np.divide(care @ cap, total, out=np.zeros_like(total), where=total > 0)


def care_of(prio: np.ndarray) -> np.ndarray:
    top = prio.max(axis=-1, keepdims=True)
    return np.divide(prio, top, out=np.zeros_like(prio), where=top > 0)


def priority_rank(prio: np.ndarray) -> np.ndarray:
    """(…,B) rank of each benefit in its member's priorities, 0 = most important (ties: benefit order).

    Only the top three are told apart (0, 1, 2); every other benefit gets 3, which is all the reveal
    levels need (top one, top three, all) and three argmax passes instead of two sorts.  Benefits with
    weight 0 get rank NEVER, so that no reveal level ever lists them.
    """
    B = prio.shape[-1]
    flat = np.ascontiguousarray(prio).reshape(-1, B)
    work = flat.copy()
    out = np.full(flat.size, 3, np.int32)         # (int32: NEVER fits, half the memory traffic of gathers)
    base = np.arange(len(flat)) * B
    cells = work.reshape(-1)
    for r in range(min(3, B)):
        cell = base + work.argmax(axis=1)          # the first largest left: stable order on ties
        out[cell] = r
        cells[cell] = -1.0
    out[flat.reshape(-1) <= 0] = NEVER
    return out.reshape(prio.shape)


def top_benefit(rank: np.ndarray) -> np.ndarray:
    """(…,) the benefit at rank 0 of each member (first argmin of ``rank``: benefit 0 when nothing is cared about).

    int16 (a benefit index): a game's row of them is a few bytes, cheap to gather while pitching."""
    return rank.argmin(axis=-1).astype(np.int16)


def rival_menu(care: np.ndarray, rcred: np.ndarray, rcap: np.ndarray, style_benefit: np.ndarray,
               decider: np.ndarray, p: Params) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each rival's best pitch per member and its gains before activity and decay.

    ``care`` (n,M,B), ``rcred`` (n,K,M) -> best benefit, pitch gain, reference gain, each (n,K,M): the
    benefit maximising care x the rival's capability x its style preference among benefits cared about
    at least ``care_threshold``; gains by the player's formulas (``effects``) times ``rival_power``.
    """
    K = len(rcap)
    ok = care >= p.care_threshold
    flat_care = np.ascontiguousarray(care).reshape(-1)
    cells = (np.arange(care.shape[0] * care.shape[1]) * care.shape[2]).reshape(care.shape[:2])
    best_b = np.empty((care.shape[0], K, care.shape[1]), np.int64)
    best_care = np.empty(best_b.shape)
    for k in range(K):        # one rival at a time: (n,M,B) passes instead of an (n,K,M,B) block
        value = care * rcap[k]
        value *= ok                                                           # (x 1.0 or 0.0)
        value *= style_benefit[k]
        b = value.argmax(axis=-1)
        best_b[:, k] = b
        best_care[:, k] = flat_care.take(cells + b)
    best_cap = rcap[np.arange(K)[None, :, None], best_b]
    pitch = p.rival_power * effects.pitch_delta(best_care, best_cap, 1.0, 0, True, p)
    ref = p.rival_power * effects.reference_delta(decider, rcred, 1.0, 0, p)
    return best_b, pitch, ref

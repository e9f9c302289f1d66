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


def _best_pitch(care: np.ndarray, rcap: np.ndarray, style_benefit: np.ndarray,
                p: Params) -> tuple[np.ndarray, np.ndarray]:
    """(n,M,B) care -> each rival's best benefit and its care, each (n,K,M): the benefit maximising
    care x the rival's capability x its style preference among benefits cared about >= ``care_threshold``."""
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
    return best_b, best_care


def rival_pitch(care_of_b: np.ndarray, best_b: np.ndarray, rcap: np.ndarray, p: Params) -> np.ndarray:
    """(n,K,M) gain of each rival's pitch of ``best_b`` to a member who cares ``care_of_b`` about it
    (the player's formula, ``effects.pitch_delta``, times ``rival_power``; a wasted pitch is negative)."""
    best_cap = rcap[np.arange(len(rcap))[None, :, None], best_b]
    return p.rival_power * effects.pitch_delta(care_of_b, best_cap, 1.0, 0, True, p)


def rival_menu(care: np.ndarray, rcred: np.ndarray, rcap: np.ndarray, style_benefit: np.ndarray,
               decider: np.ndarray, p: Params) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each rival's best pitch per member and its gains before activity and decay, for a rival that KNOWS
    the member's priorities.

    ``care`` (n,M,B), ``rcred`` (n,K,M) -> best benefit, pitch gain, reference gain, each (n,K,M): the
    benefit maximising care x the rival's capability x its style preference among benefits cared about
    at least ``care_threshold``; gains by the player's formulas (``effects``) times ``rival_power``.
    """
    best_b, best_care = _best_pitch(care, rcap, style_benefit, p)
    pitch = rival_pitch(best_care, best_b, rcap, p)
    ref = p.rival_power * effects.reference_delta(decider, rcred, 1.0, 0, p)
    return best_b, pitch, ref


def rival_guess(care: np.ndarray, guess: np.ndarray, rcap: np.ndarray, style_benefit: np.ndarray,
                p: Params) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pitch of a rival that has not learned the member yet and believes the care ``guess`` (n,M,B)
    (the file's written priorities under the stage's emphasis) while the member really cares ``care``.

    -> best benefit by the guess, the gain the rival expects (from the guess: it chooses its moves by it)
    and ``fix`` = real gain / expected gain (the real gain reads the member's real care of that benefit;
    a benefit the member barely cares about is a wasted pitch), each (n,K,M).
    """
    best_b, guess_care = _best_pitch(guess, rcap, style_benefit, p)
    believed = rival_pitch(guess_care, best_b, rcap, p)
    return best_b, believed, guess_fix(care, best_b, believed, rcap, p)


def guess_fix(care: np.ndarray, best_b: np.ndarray, believed: np.ndarray, rcap: np.ndarray,
              p: Params) -> np.ndarray:
    """(n,K,M) real gain / expected gain of each rival's pitch of ``best_b`` to members who care ``care``
    (n,M,B) (1 where the rival expects nothing: it makes no such pitch)."""
    real_care = np.take_along_axis(care[:, None], best_b[..., None], axis=-1)[..., 0]   # (n,K,M)
    real = rival_pitch(real_care, best_b, rcap, p)
    return np.divide(real, believed, out=np.ones_like(real), where=believed > 0)

"""Stance formulas shared by the player's actions, the rivals and the events.

Every function works on numpy arrays of any matching shape, so the same
formula serves one game or a whole batch, the player or a rival.
"""
from __future__ import annotations

import numpy as np

from game.engine.params import Params


def _decay(decay: float, count, table: np.ndarray | None):
    """decay**count; from ``table`` (decay**n precomputed by np.power, so bit-identical) when given."""
    if table is None:
        return np.power(decay, count)
    return table.take(count) if isinstance(count, np.ndarray) else table[count]


def nudge(stance: np.ndarray, delta: np.ndarray) -> np.ndarray:
    """Move a stance by ``delta`` scaled by the room left toward the bound it moves to.

    s + d * (1 - s) for a gain, s + d * (1 + s) for a loss: a convinced member
    is hard to convince further, a hostile one hard to push lower.  The
    result always stays inside [-1, 1].
    """
    moved = stance + delta - np.abs(delta) * stance        # == s + d*(1-s) for d >= 0, s + d*(1+s) for d < 0
    if isinstance(moved, np.ndarray) and moved.ndim:      # clip in place: same values, no temporaries
        np.maximum(moved, -1.0, out=moved)
        return np.minimum(moved, 1.0, out=moved)
    return np.minimum(np.maximum(moved, -1.0), 1.0)


def nudge_into(stance: np.ndarray, delta: np.ndarray) -> np.ndarray:
    """``nudge(stance, delta)`` written into ``delta`` (a float array of the result's shape, overwritten
    and returned): the same operations in the same order, without nudge's three temporaries."""
    room = np.abs(delta)
    room *= stance                                          # |d| * s
    delta += stance                                         # s + d  (the same sum as stance + delta)
    delta -= room
    np.maximum(delta, -1.0, out=delta)
    return np.minimum(delta, 1.0, out=delta)


def pitch_delta(care: np.ndarray, cap: np.ndarray, act: np.ndarray, count: np.ndarray,
                informed: np.ndarray | bool, p: Params, decay_pow: np.ndarray | None = None) -> np.ndarray:
    """Stance change of a pitch.

    care >= care_threshold: pitch_gain * care * capability * activity * pitch_decay**count,
    times blind_factor when the member was never asked; otherwise a wasted
    pitch: -waste_penalty * activity.  ``decay_pow`` (optional, ``tables.pitch_pow``)
    is the same decay as a lookup table, faster than np.power on big arrays.
    """
    gain = p.pitch_gain * care * cap * act * _decay(p.pitch_decay, count, decay_pow)
    gain = gain * np.where(informed, 1.0, p.blind_factor)
    return np.where(care >= p.care_threshold, gain, -p.waste_penalty * act)


def reference_delta(decider: np.ndarray, cred: np.ndarray, act: np.ndarray, shown: np.ndarray,
                    p: Params, decay_pow: np.ndarray | None = None) -> np.ndarray:
    """Reference case: strong with deciders, weak with others; times credibility, activity, decay."""
    base = np.where(decider, p.reference_decider, p.reference_other)
    return base * cred * act * _decay(p.show_decay, shown, decay_pow)


def demo_delta(user_like: np.ndarray, cred: np.ndarray, act: np.ndarray, shown: np.ndarray,
               p: Params, decay_pow: np.ndarray | None = None) -> np.ndarray:
    """Demo: strong with users and influencers, weak with others; times credibility, activity, decay."""
    base = np.where(user_like, p.demo_user, p.demo_other)
    return base * cred * act * _decay(p.show_decay, shown, decay_pow)


def pilot_delta(success: np.ndarray, user_like: np.ndarray, cred: np.ndarray, p: Params) -> np.ndarray:
    """Pilot outcome for every member: success wins users/influencers over, failure hurts them most.

    ``success`` has shape (n, 1) against (n, M) credibility.
    """
    good = np.where(user_like, p.pilot_success, p.pilot_success_other) * cred
    bad = -np.where(user_like, p.pilot_fail, p.pilot_fail_other)
    return np.where(success, good, bad)


def discount_delta(buyer: np.ndarray, price_care: np.ndarray, steps: np.ndarray, p: Params,
                   act: np.ndarray | float = 1.0, heard: np.ndarray | bool = True) -> np.ndarray:
    """Discount: moves only members whose care for price or cost is at least discount_care (a buyer who
    cares most); nobody else warms to it.  A concession is traded, not given (DOMAIN §8): it moves only a
    member who has told the seller what they need (``heard``: asked at least once, or told through a
    colleague); offered to someone who never raised price, it is pocketed without thanks.  Like a pitch it
    lands by the member's activity in the stage (a price offered before purchasing negotiates lands weakly),
    and each further discount pleases less."""
    cares = (price_care >= p.discount_care) & heard
    gain = (p.discount_buyer * buyer + p.discount_price * price_care) * cares * act
    return gain * np.power(p.discount_decay, steps)


def pilot_success_chance(quality: float, p: Params) -> float:
    """Probability that a pilot succeeds, from the vendor's quality capability."""
    return min(1.0, p.pilot_base + p.pilot_slope * quality)


def gain_with(stance, others, delta, p: Params, whole_row: bool = False):
    """Apply ``delta`` to one vendor's stance; a gain lowers the other vendors' stances by cross_effect.

    Per member (``whole_row=False``): ``stance`` is a scalar or (n,) and
    ``others`` (K,) or (n,K).  Whole rows (``whole_row=True``): ``stance`` is
    (M,) or (n,M) and ``others`` (K,M) or (n,K,M).
    """
    new = nudge(stance, delta)
    loss = -p.cross_effect * np.maximum(delta, 0.0)
    loss = loss[..., None, :] if whole_row else np.asarray(loss)[..., None]
    return new, nudge(others, loss)

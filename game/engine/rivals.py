"""Rivals: every competitor makes ``rival_moves`` moves per pre-sale round, by its style.

A rival knows the members' priorities (it has been around).  For each member
it considers its best pitch (the benefit maximising care x its capability x
style preference) and a reference; it makes the ``rival_moves`` distinct
moves with the largest expected gain x room left x member decision weight x
style preference, on the SAME formulas as the player's pitch and reference
(``effects``), scaled by ``rival_power``, all chosen from the situation after
the player's actions.  Styles: price favours buyers/deciders and price benefits,
technology favours influencers/users and technical benefits, relationship
favours deciders/gatekeepers and references, balanced has no preference.
"""
from __future__ import annotations

import numpy as np

from game.engine import effects
from game.engine.tables import Tables

PITCH, REFERENCE = 0, 1


def refresh_menu(st, tb: Tables, idx=slice(None), first_round: bool = False) -> None:
    """Each rival's best pitch per member and its gains before activity and decay (games idx).

    Recomputed only when priorities change (start of the game, budget cut).
    At the start every game has the same priorities: computed once, broadcast.
    """
    p = tb.params
    if first_round:
        idx = slice(0, 1)
    care = st.care[idx]
    value = care[:, None, :, :] * tb.rcap[None, :, None, :]                 # (n,K,M,B)
    value = np.where(care[:, None] >= p.care_threshold, value, 0.0)
    best_b = np.argmax(value * tb.style_benefit[None, :, None, :], axis=-1)  # (n,K,M)
    best_care = np.take_along_axis(care[:, None], best_b[..., None], axis=-1)[..., 0]
    best_cap = tb.rcap[np.arange(tb.K)[None, :, None], best_b]
    st.rival_best[idx] = best_b
    st.rival_pitch_base[idx] = p.rival_power * effects.pitch_delta(best_care, best_cap, 1.0, 0, True, p)
    st.rival_ref_base[idx] = p.rival_power * effects.reference_delta(tb.decider, st.rcred[idx], 1.0, 0, p)
    if first_round:
        st.rival_best[:] = st.rival_best[:1]
        st.rival_pitch_base[:] = st.rival_pitch_base[:1]
        st.rival_ref_base[:] = st.rival_ref_base[:1]


def rival_turn(st, tb: Tables) -> np.ndarray:
    """Play every rival's moves for the current round; returns moves (G,K,n,3): kind, member, benefit.

    kind is -1 where a rival did nothing (game over, nobody reachable).
    """
    p = tb.params
    G, K, M = st.G, tb.K, tb.M
    moves = np.full((G, K, p.rival_moves, 3), -1, np.int64)
    if K == 0 or p.rival_moves <= 0:
        return moves
    n, M2 = G * K, 2 * M
    act = tb.activity[st.round]
    # value of a move = gain x room left x member weight x style preference, 0 out of reach
    common = (1.0 - st.rival) * (tb.weight * tb.style_member)                           # (G,K,M)
    common *= st.present[:, None, :] & ~st.rival_locked
    common *= st.active[:, None, None]
    # the same formulas as the player's pitch and reference (effects) times rival_power (see refresh_menu),
    # with the same decay per member: a (G,K,2,M) block of gains, pitches then references
    uses = st.rival_uses                                                               # (G,K,2,M)
    pow_p, pow_r = _powers(p.pitch_decay), _powers(p.show_decay)
    gain = np.empty((G, K, 2, M))
    np.multiply(st.rival_pitch_base, pow_p.take(np.minimum(uses[:, :, 0], _MAX_USES - 1)), out=gain[:, :, 0])
    np.multiply(st.rival_ref_base, pow_r.take(np.minimum(uses[:, :, 1], _MAX_USES - 1)), out=gain[:, :, 1])
    gain *= act
    if p.rival_alone != 1.0:   # a member the player has never engaged hears the rival alone
        gain *= np.where(st.engaged > 0, 1.0, p.rival_alone)[:, None, None, :]
    value = np.empty((G, K, 2, M))
    np.multiply(gain[:, :, 0], common, out=value[:, :, 0])
    value[:, :, 0] *= st.rival_pitch_base > 0
    np.multiply(gain[:, :, 1], common, out=value[:, :, 1])
    value[:, :, 1] *= tb.style_reference[:, None]
    value = value.reshape(n, M2)
    gain = gain.reshape(n, M2)
    # each rival makes its rival_moves best *distinct* moves (R is tiny: repeated argmax, no sort)
    R = min(p.rival_moves, M2)
    rows = np.arange(n)
    top = np.empty((n, R), np.int64)
    does = np.empty((n, R), bool)
    for r in range(R):
        c = value.argmax(axis=1)
        top[:, r] = c
        does[:, r] = value[rows, c] > 0
        value[rows, c] = -1.0
    rows2 = rows[:, None]
    delta = gain[rows2, top] * does
    uses.reshape(n, M2)[rows2, top] += does
    m = top % M
    onehot = np.bincount((rows2 * M + m).ravel(), weights=delta.ravel(), minlength=n * M).reshape(G, K, M)
    if K > 1:
        total = onehot.sum(axis=1)
        st.rival = effects.nudge(st.rival, (1 + p.cross_effect) * onehot - p.cross_effect * total[:, None])
    else:
        total = onehot[:, 0]
        st.rival = effects.nudge(st.rival, onehot)
    st.stance = effects.nudge(st.stance, -p.cross_effect * total)
    is_ref = top >= M
    b = st.rival_best.reshape(n * M)[(rows2 * M + m)]
    moves[:, :, :R, 0] = np.where(does, is_ref, -1).reshape(G, K, R)
    moves[:, :, :R, 1] = np.where(does, m, -1).reshape(G, K, R)
    moves[:, :, :R, 2] = np.where(does & ~is_ref, b, -1).reshape(G, K, R)
    return moves


_MAX_USES = 64
_POWERS: dict = {}


def _powers(decay: float) -> np.ndarray:
    """decay ** (0, 1, ..., _MAX_USES - 1): a lookup instead of np.power on every cell."""
    hit = _POWERS.get(decay)
    if hit is None:
        hit = _POWERS[decay] = np.power(decay, np.arange(_MAX_USES, dtype=float))
    return hit

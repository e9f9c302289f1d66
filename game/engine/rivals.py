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

Layout (speed): the rivals' own arrays are stored games LAST, (M,K,G) for
``rival_best`` / ``rival_pitch_base`` / ``rival_ref_base`` and (2,M,K,G) for
``rival_uses``, so every pass of ``rival_turn`` runs over long contiguous rows
(short strided rows of M or 2M cells cost numpy ~10x more per cell).  A move
is a cell c = kind * M + member of a (2M, K*G) block whose column is k * G + game.
"""
from __future__ import annotations

import numpy as np

from game.engine import effects
from game.engine.fastops import first_argmax_T
from game.engine.priorities import rival_menu
from game.engine.tables import Tables

PITCH, REFERENCE = 0, 1


def refresh_menu(st, tb: Tables, idx=slice(None)) -> None:
    """Each rival's best pitch per member and its gains before activity and decay (games idx).

    Recomputed from ``st.care`` when an event moved a game's priorities (a budget cut); otherwise the
    state gathers them from the tables (``state.load_regime``), computed by the same ``rival_menu``.
    """
    best_b, pitch, ref = rival_menu(st.care[idx], st.rcred[idx], tb.rcap, tb.style_benefit, tb.decider, tb.params)
    # stored games last: (n,K,M) -> (M,K,n)
    for name, v in (("rival_best", best_b), ("rival_pitch_base", pitch), ("rival_ref_base", ref)):
        getattr(st, name)[:, :, idx] = v.transpose(2, 1, 0)


def rival_turn(st, tb: Tables) -> np.ndarray:
    """Play every rival's moves for the current round; returns moves (G,K,n,3): kind, member, benefit.

    kind is -1 where a rival did nothing (game over, nobody reachable).  Games are independent here, so a
    big batch is played in blocks of games (``block_size``) whose arrays stay in the CPU caches: the same
    values as one pass over every game.
    """
    p = tb.params
    G, K, M = st.G, tb.K, tb.M
    moves = np.full((G, K, p.rival_moves, 3), -1, np.int64)
    if K == 0 or p.rival_moves <= 0:
        return moves
    size = block_size(K, M)
    if G <= size:
        _turn(st, tb, slice(None), G, moves)
    else:
        for g0 in range(0, G, size):
            _turn(st, tb, slice(g0, min(G, g0 + size)), min(G, g0 + size) - g0, moves)
    return moves


def block_size(K: int, M: int) -> int:
    """Games per block of ``rival_turn``: about _BLOCK_CELLS (member, rival) cells per (M,K,games) array."""
    return max(_MIN_BLOCK, _BLOCK_CELLS // max(1, K * M))


def _turn(st, tb: Tables, sel, G: int, moves: np.ndarray) -> None:
    """The rivals' moves in games ``sel`` (a slice of G games): updates their stances and use counts."""
    p = tb.params
    K, M = tb.K, tb.M
    n, M2 = K * G, 2 * M
    act = tb.activity[st.round]
    rival_t = np.ascontiguousarray(st.rival[sel].transpose(2, 1, 0))                  # (M,K,G)
    # value of a move = gain x room left x member weight x style preference, 0 out of reach
    common = np.subtract(1.0, rival_t)
    common *= (tb.weight * tb.style_member).T[:, :, None]
    reach = ~st.rival_locked[sel].transpose(2, 1, 0)
    reach &= st.present[sel].T[:, None, :]
    reach &= st.active[sel]
    common *= reach                  # (x 1.0 or 0.0: what the former two 0/1 factors gave)
    # the same formulas as the player's pitch and reference (effects) times rival_power (see refresh_menu),
    # with the same decay per member: a (2,M,K,G) block of gains, pitches then references
    uses = np.ascontiguousarray(st.rival_uses[..., sel])                               # (2,M,K,G)
    pitch_base = st.rival_pitch_base[..., sel]
    gain = np.empty((2, M, K, G))
    # (mode="clip" == np.minimum(uses, _MAX_USES - 1) on these non-negative counts)
    np.multiply(pitch_base, _powers(p.pitch_decay).take(uses[0], mode="clip"), out=gain[0])
    np.multiply(st.rival_ref_base[..., sel], _powers(p.show_decay).take(uses[1], mode="clip"), out=gain[1])
    gain *= act[:, None, None]
    if p.rival_alone != 1.0:   # a member the player has never engaged hears the rival alone
        gain *= np.where(st.engaged[sel].T > 0, 1.0, p.rival_alone)[:, None, :]
    value = gain * common
    value[0] *= pitch_base > 0
    value[1] *= tb.style_reference[:, None]
    value = value.reshape(M2, n)
    gain = gain.reshape(-1)
    flat_value = value.reshape(-1)
    flat_uses = uses.reshape(-1)
    # each rival makes its rival_moves best *distinct* moves (R is tiny: repeated argmax, no sort);
    # the column-wise first_argmax_T picks the same cell as argmax over each (g,k)'s 2M values
    R = min(p.rival_moves, M2)
    cols = np.arange(n)
    onehot = np.zeros(M * n)       # (M,K,G) gains per member: the former bincount, added in the same order
    chosen = np.empty((R, n), np.int64)
    did = np.empty((R, n), bool)
    for r in range(R):
        if n > _FEW:
            c, best = first_argmax_T(value)
            cell = c * n + cols
        else:                        # a few games (the single game): plain argmax, fewer calls
            c = value.argmax(axis=0)
            cell = c * n + cols
            best = flat_value.take(cell)
        does = best > 0
        flat_value[cell] = -1.0
        delta = gain.take(cell) * does
        flat_uses[cell] = flat_uses.take(cell) + does          # distinct cells: no double counting
        mcell = (c % M) * n + cols
        onehot[mcell] = onehot.take(mcell) + delta
        chosen[r], did[r] = c, does
    st.rival_uses[..., sel] = uses
    # the moves (R,n) -> (G,K,R,3): kind (0 pitch, 1 reference), member, benefit
    m = chosen % M
    is_ref = chosen >= M
    b = np.ascontiguousarray(st.rival_best[..., sel]).reshape(-1).take(m * n + cols)
    out = np.stack([np.where(did, is_ref, -1), np.where(did, m, -1), np.where(did & ~is_ref, b, -1)], axis=-1)
    moves[sel, :, :R] = out.reshape(R, K, G, 3).transpose(2, 1, 0, 3)
    onehot = onehot.reshape(M, K, G)
    if K > 1:
        total = onehot.sum(axis=1)                                                     # (M,G)
        rival_t = effects.nudge(rival_t, (1 + p.cross_effect) * onehot - p.cross_effect * total[:, None])
    else:
        total = onehot[:, 0]
        rival_t = effects.nudge(rival_t, onehot)
    st.rival[sel] = rival_t.transpose(2, 1, 0)
    st.stance[sel] = effects.nudge(st.stance[sel], -p.cross_effect * np.ascontiguousarray(total.T))


_FEW = 64          # up to this many (game, rival) columns rival_turn uses argmax (fewer numpy calls)
_MAX_USES = 64
_BLOCK_CELLS = 1 << 15   # rival_turn's block: (member, rival, game) cells per array (fits the L2 cache)
_MIN_BLOCK = 256
_POWERS: dict = {}


def _powers(decay: float) -> np.ndarray:
    """decay ** (0, 1, ..., _MAX_USES - 1): a lookup instead of np.power on every cell."""
    hit = _POWERS.get(decay)
    if hit is None:
        hit = _POWERS[decay] = np.power(decay, np.arange(_MAX_USES, dtype=float))
    return hit

"""Rivals: every competitor makes ``rival_moves`` moves per pre-sale round, by its style.

A rival learns the customer as the player does, by working with the members:
until it has made ``rival_learn`` moves (pitches + references) with a member
it believes the member values what the scenario file writes (under the
stage's emphasis and the budget cuts everyone heard of), so it may pitch the
wrong benefit (a wasted pitch moves the member away from it) or miss what
this game's member really wants; from then on it knows the member's real
priorities (``rival_known``), in every later stage.  For each member it
considers its best pitch by what it believes (the benefit maximising care x
its capability x style preference) and a reference; it makes the ``rival_moves`` distinct
moves with the largest expected gain x room left x member decision weight x
style preference, on the SAME formulas as the player's pitch and reference
(``effects``), scaled by ``rival_power``, all chosen from the situation after
the player's actions.  A move is chosen by the gain the rival expects; its
effect is the real gain (``rival_pitch_fix`` = real / expected).  Styles: price favours buyers/deciders and price benefits,
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
from game.engine.priorities import guess_fix, rival_menu
from game.engine.tables import Tables

PITCH, REFERENCE = 0, 1


def believed_menu(real: np.ndarray, guess: np.ndarray, cells: np.ndarray, known: np.ndarray):
    """What each rival pitches in games whose member rows are ``cells`` (n,M), from the tables' menus of
    one regime, ``real`` (3,V*M,K) and ``guess`` (4,V*M,K: the guess's best, expected gain and fix, and
    the reference gain): (best, expected pitch gain, fix, reference gain), each (M,K,n); ``known`` (M,K,n)
    where the rival has learned the member (the real menu) or not (the guess)."""
    c = np.ascontiguousarray
    g = guess.take(cells, axis=1).transpose(0, 2, 3, 1)                               # (4,M,K,n)
    if not known.any():          # the usual case at the start of a game: nobody learned yet
        return c(g[0], dtype=np.int64), c(g[1]), c(g[2]), c(g[3])
    r = real[:2].take(cells, axis=1).transpose(0, 2, 3, 1)                            # (2,M,K,n)
    return (c(np.where(known, r[0], g[0]), dtype=np.int64), c(np.where(known, r[1], g[1])),
            c(np.where(known, 1.0, g[2])), c(g[3]))


def refresh_menu(st, tb: Tables, idx: np.ndarray) -> None:
    """The rivals' menus of games ``idx`` whose priorities an event moved off the tables' variants.

    The real menu is computed from ``st.care`` by ``rival_menu``; a rival that has not learned a member
    still believes the tables' guess of the game's last variant row (the file's row), and its pitch's real
    gain reads ``st.care``.
    """
    care = st.care[idx]
    best, pitch, ref = rival_menu(care, st.rcred[idx], tb.rcap, tb.style_benefit, tb.decider, tb.params)
    q = int(tb.regime[min(st.round, tb.n_rounds - 1)])
    guess = tb.v_guess[q].take(st.variant[idx], axis=1).transpose(0, 1, 3, 2)        # (4,n,K,M)
    g_best = guess[0].astype(np.int64)
    fix = guess_fix(care, g_best, guess[1], tb.rcap, tb.params)
    known = st.rival_known[..., idx].transpose(2, 1, 0)                              # (n,K,M)
    # stored games last: (n,K,M) -> (M,K,n)
    for name, v in (("rival_best", np.where(known, best, g_best)), ("rival_pitch_base", np.where(known, pitch, guess[1])),
                    ("rival_pitch_fix", np.where(known, 1.0, fix)), ("rival_ref_base", ref)):
        getattr(st, name)[:, :, idx] = v.transpose(2, 1, 0)


def learn(st, tb: Tables, cells: np.ndarray, m: np.ndarray, k: np.ndarray, g: np.ndarray) -> None:
    """Rival k learns member m in game g: ``cells`` their flat cells of the (M,K,G) arrays (repeats
    allowed); from now on it pitches by the member's real priorities (the real menu of the game's variant
    row, or recomputed for games an event moved)."""
    st.rival_known.reshape(-1)[cells] = True
    off = None
    if st.moved.any():                     # rare: more budget cuts than the tables hold
        moved = st.moved.take(g)
        cells, m, k, g, off = cells[~moved], m[~moved], k[~moved], g[~moved], g[moved]
    q = int(tb.regime[min(st.round, tb.n_rounds - 1)])
    row = st.variant.reshape(-1).take(g * tb.M + m)
    real = tb.v_menu[q].reshape(3, -1).take(row * tb.K + k, axis=1)                  # (3,n)
    st.rival_best.reshape(-1)[cells] = real[0]
    st.rival_pitch_base.reshape(-1)[cells] = real[1]
    st.rival_pitch_fix.reshape(-1)[cells] = 1.0
    if off is not None and len(off):
        refresh_menu(st, tb, np.unique(off))


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
    for name in ("rival_uses", "rival_best", "rival_pitch_fix"):   # written / read through flat cells below
        if not getattr(st, name).flags.c_contiguous:
            setattr(st, name, np.ascontiguousarray(getattr(st, name)))
    size = block_size(K, M)
    learned: list = []
    for g0 in range(0, G, size):
        _turn(st, tb, g0, min(G, g0 + size), moves, learned)
    if learned:          # after every block's moves (games are independent): one call, fewer numpy calls
        parts = learned[0] if len(learned) == 1 else [np.concatenate(x) for x in zip(*learned)]
        learn(st, tb, *parts)
    return moves


def block_size(K: int, M: int) -> int:
    """Games per block of ``rival_turn``: about _BLOCK_CELLS (member, rival) cells per (M,K,games) array."""
    return max(_MIN_BLOCK, _BLOCK_CELLS // max(1, K * M))


def _turn(st, tb: Tables, g0: int, g1: int, moves: np.ndarray, learned: list) -> None:
    """The rivals' moves in games g0 .. g1 - 1: updates their stances and use counts, fills ``moves``;
    appends the (cells, member, rival, game) a rival learned now to ``learned`` (see ``learn``)."""
    p = tb.params
    K, M = tb.K, tb.M
    sel, G = slice(g0, g1), g1 - g0
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
    uses = st.rival_uses                                                               # (2,M,K,all games)
    pitch_base = st.rival_pitch_base[..., sel]
    gain = np.empty((2, M, K, G))
    # (mode="clip" == np.minimum(uses, _MAX_USES - 1) on these non-negative counts)
    # (decay ** uses gathered straight into the block, then times the base: the same products)
    _powers(p.pitch_decay).take(uses[0, ..., sel], mode="clip", out=gain[0])
    gain[0] *= pitch_base
    _powers(p.show_decay).take(uses[1, ..., sel], mode="clip", out=gain[1])
    gain[1] *= st.rival_ref_base[..., sel]
    gain *= act[:, None, None]
    if p.rival_alone != 1.0:   # a member the player has never engaged hears the rival alone
        alone = np.ascontiguousarray(np.where(st.engaged[sel] > 0, 1.0, p.rival_alone).T)       # (M,G)
        gain *= alone[:, None, :]
    value = gain * common
    # (a pitch with no positive gain, pitch_base <= 0, has value <= 0 here: never a move, as if masked out)
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
    # column j = k * G + i of the block is rival k in game g0 + i: its (k, game) cell of the whole arrays, and
    # its moves' column of ``block_moves``
    home = (np.arange(K)[:, None] * st.G + np.arange(g0, g1)).reshape(-1)   # rival * all games + game
    every = K * st.G                        # cells per member row of the (…,M,K,all games) arrays
    flat_uses, flat_best = uses.reshape(-1), st.rival_best.reshape(-1)
    block_moves = moves[sel].transpose(1, 2, 3, 0)          # (K, rival_moves, 3, G) view: column k * G + i
    fix = st.rival_pitch_fix.reshape(-1)                    # real / expected gain of each rival's pitch
    for r in range(R):
        if n > _FEW:
            c, best = first_argmax_T(value)
            cell = c * n + cols
        else:                        # a few games (the single game): plain argmax, fewer calls
            c = value.argmax(axis=0)
            cell = c * n + cols
            best = flat_value.take(cell)
        does = best > 0
        if r + 1 < R:                # (the last move's value is never read again)
            flat_value[cell] = -1.0
        m = c % M
        is_ref = c >= M
        here = m * every + home                                # (member, rival, game) of the (M,K,G) arrays
        # the real gain: a pitch chosen by a guess may land on a benefit the member barely cares about
        delta = gain.take(cell) * np.where(is_ref, 1.0, fix.take(here)) * does
        ucell = c * every + home                               # the move's cell of the whole (2M,K,G) counts
        used = flat_uses.take(ucell) + does
        flat_uses[ucell] = used                                # distinct cells: no double counting
        mcell = m * n + cols
        onehot[mcell] = onehot.take(mcell) + delta
        b = flat_best.take(here)
        # a rival learns a member when its moves with them (pitches + references) reach rival_learn
        other = np.where(is_ref, here, here + M * every)       # the other kind's count of that member
        hit = does & (used + flat_uses.take(other) == p.rival_learn)
        if hit.any():
            col = np.flatnonzero(hit)
            learned.append((here[hit], m[hit], col // G, g0 + col % G))
        move = block_moves[:, r]                             # (K, 3, G) view of this move, all -1 so far
        np.copyto(move[:, 0], is_ref.reshape(K, G), where=does.reshape(K, G))   # (= where(does, is_ref, -1))
        np.copyto(move[:, 1], m.reshape(K, G), where=does.reshape(K, G))
        np.copyto(move[:, 2], b.reshape(K, G), where=(does & ~is_ref).reshape(K, G))
    onehot = onehot.reshape(M, K, G)
    if K > 1:
        total = onehot.sum(axis=1)                                                     # (M,G)
        # (1 + cross) * onehot - cross * total, in place (the same values), then nudged in place
        onehot *= 1 + p.cross_effect
        onehot -= (p.cross_effect * total)[:, None]
        rival_t = effects.nudge_into(rival_t, onehot)
    else:
        total = onehot[:, 0].copy()
        rival_t = effects.nudge_into(rival_t, onehot)
    st.rival[sel] = rival_t.transpose(2, 1, 0)
    loss = np.empty((G, M))
    np.multiply(total.T, -p.cross_effect, out=loss)
    st.stance[sel] = effects.nudge_into(st.stance[sel], loss)


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

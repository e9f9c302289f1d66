"""The customer of each game: the buying center the scenario writes is the centre of a seeded variation.

Every member's priorities in a game are one of ``V`` *variants* of the
file's row (a small fixed set per scenario, ``variant_rows``):

    the 2nd and 3rd priorities trade places            (chance vary_second x scale)
    then the top priority trades places with the 2nd   (chance vary_top x scale)
    the weights at the file's ranks 1..3 are each scaled by 1 + vary_weight x scale x L,
        L one of LEVELS (-1, 0, 1), equally likely

and the starting stance toward the player moves by vary_stance x scale x
(2u - 1) (kept in [-1, 1]).  A member carries a hidden concern with chance
concern_chance x scale (at most 1), addressed by one of a reference, a demo,
a pilot or the pitch of one of the member's top three benefits (equally
likely); a member's written ``concern`` is always carried.  ``scale`` comes from the scenario's
``variation`` (``VARIATION_SCALE``); ``none`` gives exactly the file's
values.  A member's ``pin`` keeps its priorities and / or stance as
written.  Ranks are the file's order (ties: benefit order); weights of 0
stay 0, so nobody starts caring about what the author left out.

Because the variants are a fixed set, everything the rules derive from
priorities (care, ranks, credibility, the rivals' menus) is computed once per
variant, stage regime and set of budget cuts in ``tables``, and a game only
gathers its rows.

Every game draws its own customer from its own stream, the child of the
game's seed with spawn key ``CUSTOMER_KEY`` (independent of the round
streams and of the number of stages), as one block of uniforms of shape
(G, M, WIDTH): row g is game g's numbers whatever G is, so a batch of one
with seed s and ``Game`` with seed s meet the same customer, in every
process.
"""
from __future__ import annotations

import numpy as np

from game.engine.fastops import uniform_rows

VARIATION_SCALE = {"none": 0.0, "low": 0.5, "normal": 1.0, "high": 1.6}
CUSTOMER_KEY = 1 << 20     # spawn key of the customer's stream (the rounds use 0 .. R-1)
WIDTH = 8                  # uniforms per member row
CURES = ("reference", "demo", "pilot")    # concern codes 0..2; code 3 + b: the pitch of benefit b
NO_CONCERN = -1
LEVELS = np.array([-1.0, 0.0, 1.0])
N_VARIANTS = 2 * 2 * len(LEVELS) ** 3
IDENTITY = 4 * (1 + 3 * 1 + 9 * 1)         # no swap, every weight at level 0: the file's row


def customer_stream(seed: int | np.random.SeedSequence) -> np.random.SeedSequence:
    """The customer's own SeedSequence, a fixed child of the game's seed."""
    ss = seed if isinstance(seed, np.random.SeedSequence) else np.random.SeedSequence(int(seed))
    return np.random.SeedSequence(ss.entropy, spawn_key=tuple(ss.spawn_key) + (CUSTOMER_KEY,),
                                  pool_size=ss.pool_size)


def top_three(prio0: np.ndarray) -> np.ndarray:
    """(M,3) benefit index at the file's ranks 0, 1, 2 (weight > 0), -1 where a member has fewer."""
    order = np.argsort(-prio0, axis=-1, kind="stable")[:, :3]
    have = np.take_along_axis(prio0, order, axis=-1) > 0
    out = np.where(have, order, -1)
    if out.shape[1] < 3:
        out = np.concatenate([out, np.full((len(out), 3 - out.shape[1]), -1)], axis=1)
    return out


def _parts(v: np.ndarray):
    """swap 2nd/3rd, swap top, and the three weight levels of variant numbers ``v``."""
    j = v >> 2
    return v & 1, (v >> 1) & 1, (j % 3, (j // 3) % 3, j // 9)


def variant_rows(prio0: np.ndarray, top: np.ndarray, pinned: np.ndarray, vary_weight: float,
                 scale: float) -> np.ndarray:
    """(V,M,B) priorities of every variant (V = 1 without variation); pinned members keep the file's row."""
    if scale <= 0:
        return prio0[None].copy()
    V, M = N_VARIANTS, len(prio0)
    out = np.broadcast_to(prio0, (V,) + prio0.shape).copy()
    s23, stop, levels = _parts(np.arange(V))
    rows = np.arange(M)
    for (a, b), flag in (((1, 2), s23), ((0, 1), stop)):
        ia, ib = np.maximum(top[:, a], 0), np.maximum(top[:, b], 0)
        do = (flag[:, None] == 1) & (top[:, b] >= 0)[None, :]
        va, vb = out[:, rows, ia], out[:, rows, ib]
        out[:, rows, ia] = np.where(do, vb, va)
        out[:, rows, ib] = np.where(do, va, vb)
    for r in range(3):
        ok = top[:, r] >= 0
        col = np.maximum(top[:, r], 0)
        factor = np.where(ok[None, :], 1.0 + vary_weight * scale * LEVELS[levels[r]][:, None], 1.0)
        out[:, rows, col] = out[:, rows, col] * factor
    out[:, pinned] = prio0[pinned]
    return out


def concern_code(cure: str | None, benefit_ids) -> int:
    """Concern code of a written ``concern``: reference 0, demo 1, pilot 2, the pitch of benefit b 3 + b."""
    if cure is None:
        return NO_CONCERN
    return CURES.index(cure) if cure in CURES else 3 + list(benefit_ids).index(cure)


def draw_concerns(tb, u: np.ndarray | None, G: int) -> np.ndarray:
    """(G,M) concern codes: written concerns always; others drawn from columns 6 and 7 of ``u``."""
    out = np.broadcast_to(tb.concern0, (G, tb.M)).copy()
    if u is None:
        return out
    free = (tb.concern0 < 0) & ~tb.pin_concern
    has = free & (u[..., 6] < min(1.0, tb.params.concern_chance * tb.variation))
    n_top = (tb.top3 >= 0).sum(axis=1)                                       # (M,)
    pick = np.minimum((u[..., 7] * (3 + n_top)).astype(np.int64), 2 + n_top)  # 0..2 a cure, 3.. a benefit
    benefit = tb.top3.reshape(-1).take(np.arange(tb.M) * 3 + np.clip(pick - 3, 0, 2))   # top3[m, pick - 3]
    return np.where(has, np.where(pick < 3, pick, 3 + benefit), out)


def draw_codes(tb, seed: int | np.random.SeedSequence, G: int,
               rows: tuple | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(variant (G,M) int, stance (G,M), concern (G,M) int): each member's variant, stance and concern.

    ``rows`` = (first, end): only those games of the G (what the whole batch draws for them)."""
    M = tb.M
    n = G if rows is None else rows[1] - rows[0]
    stance = np.broadcast_to(tb.stance0, (n, M)).copy()
    if tb.variation <= 0 or M == 0:
        return np.zeros((n, M), np.int64), stance, draw_concerns(tb, None, n)
    p, scale, top = tb.params, tb.variation, tb.top3
    u = uniform_rows(np.random.default_rng(customer_stream(seed)), G, M * WIDTH, rows).reshape(n, M, WIDTH)
    s23 = (u[..., 0] < p.vary_second * scale) & (top[:, 2] >= 0)
    stop = (u[..., 1] < p.vary_top * scale) & (top[:, 1] >= 0)
    lv = [np.minimum((u[..., j] * len(LEVELS)).astype(np.int64), len(LEVELS) - 1) for j in (2, 3, 4)]
    code = s23 + 2 * stop + 4 * (lv[0] + 3 * lv[1] + 9 * lv[2])
    code = np.where(tb.pin_priorities, IDENTITY, code)
    shift = np.where(tb.pin_stance, 0.0, p.vary_stance * scale * (2.0 * u[..., 5] - 1.0))
    return code, np.clip(stance + shift, -1.0, 1.0), draw_concerns(tb, u, n)


def with_cuts(prio_v: np.ndarray, cuts: list[tuple[float, np.ndarray]]) -> np.ndarray:
    """(2**n * V, M, B): the variants after every subset of the n budget cuts (bit j = cut j fired, in
    firing order), by the budget cut's own formula (``events``): price-kind weights rise by severity x top."""
    out = [prio_v]
    for severity, price_mask in cuts:
        cut = []
        for rows in out:
            top = rows.max(axis=-1, keepdims=True)
            cut.append(rows + np.where(price_mask, severity * top, 0.0))
        out = out + cut
    return np.concatenate(out, axis=0)


def draw_customer(tb, seed: int | np.random.SeedSequence, G: int) -> tuple[np.ndarray, np.ndarray]:
    """(prio (G,M,B), stance (G,M)): the priorities and starting stances of G games."""
    code, stance, _ = draw_codes(tb, seed, G)
    return tb.variants[code, np.arange(tb.M)], stance

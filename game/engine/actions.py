"""The player's actions as vectorised "slots": one handler per kind, for the batch and the single game.

A slot is three int arrays of shape (G,): ``kind`` (index into ACTION_KINDS,
NOOP = -1), ``member`` (row, -1 for none) and ``benefit`` (-1 for none).
``apply_slot`` applies one action per game; games whose action is illegal or
too expensive do nothing in that slot (the single-game ``Game`` rejects them
before with a clear reason instead).  Legality is ``legality.refusal_codes``;
a single game is a batch of one and runs the same handlers.
"""
from __future__ import annotations

import numpy as np

from game.engine import effects, inside_view, postsale, proofs, scoring
from game.engine.legality import COST, N_KINDS, refusal_codes
from game.engine.legality import MAY_TAKE_MEMBER, TAKES_BENEFIT, TAKES_MEMBER  # noqa: F401  (strategies read them)
from game.engine.state import BatchState
from game.engine.tables import Tables
from game.engine.types import ACTION_KINDS

NOOP = -1
KIND = {k: i for i, k in enumerate(ACTION_KINDS)}
ASK, PITCH, REFERENCE, DEMO, PILOT, DISCOUNT, REFER, DELIVER, SUPPORT, TRAIN, REVIEW = range(len(ACTION_KINDS))
COST_OF_CODE = np.concatenate([[0], COST])     # cost by "code" = kind + 1, code 0 = nothing applied


def is_post_round(st: BatchState, tb: Tables) -> bool:
    return st.round > tb.decision


def flat(st: BatchState, name: str) -> np.ndarray:
    """1-D view of the state array ``name``, indexed by flat cells (game * M + member ...).

    ``a.take(cells)`` and ``a[cells] = v`` on it are several times faster than
    multi-array fancy indexing (and ``a[cells] = v`` faster than ``a.put``).

    State arrays are C-contiguous; should an assignment ever leave one strided,
    it is made contiguous (and stored back) first, so writes through the view land.
    """
    a = getattr(st, name)
    if not a.flags.c_contiguous:
        a = np.ascontiguousarray(a)
        setattr(st, name, a)
    return a.reshape(-1)


def games_of(st: BatchState, idx):
    """Selector of games ``idx`` for (G,) arrays: a slice when idx is every game (sorted, unique)."""
    return slice(None) if isinstance(idx, np.ndarray) and len(idx) == st.G else idx


def slot_legal(st: BatchState, tb: Tables, kind: np.ndarray, member: np.ndarray,
               benefit: np.ndarray) -> np.ndarray:
    """(G,) bool: is this action legal now (with the points and counters left in the round)?"""
    return refusal_codes(st, tb, slice(None), kind, member, benefit) == 0


def apply_slot(st: BatchState, tb: Tables, kind: np.ndarray, member: np.ndarray,
               benefit: np.ndarray, trusted: bool = False) -> np.ndarray:
    """Apply one action per game (NOOP / illegal -> nothing).  Returns the (G,) mask of applied actions.

    ``trusted=True`` skips the legality mask: only for actions already checked
    (``Game`` validates the whole list with legality.check_actions first).
    """
    kind = np.asarray(kind, dtype=np.int64)
    member = np.asarray(member, dtype=np.int64)
    benefit = np.asarray(benefit, dtype=np.int64)
    ok = (kind >= 0) if trusted else slot_legal(st, tb, kind, member, benefit)
    code = np.where(ok, kind + 1, 0)                 # 0 = nothing, else kind + 1
    counts = np.bincount(code, minlength=N_KINDS + 1)
    for k in np.flatnonzero(counts[1:]).tolist():
        if counts[k + 1] == st.G:                     # every game plays this kind: no gathering needed
            HANDLERS[k](st, tb, np.arange(st.G), member, benefit)
        else:
            idx = np.flatnonzero(code == k + 1)
            HANDLERS[k](st, tb, idx, member.take(idx), benefit.take(idx))
    cost = COST_OF_CODE.take(code)
    st.points -= cost
    if is_post_round(st, tb):
        st.post_spent += cost
    else:
        st.spent += cost
    return ok


# ------------------------------------------------------------------ helpers
def _gain_all(st: BatchState, tb: Tables, idx, delta: np.ndarray) -> None:
    """Player gains ``delta`` (M,) or (n,M) with every present member of games idx."""
    delta = delta * st.present[idx]
    new, others = effects.gain_with(st.stance[idx], st.rival[idx], delta, tb.params, whole_row=True)
    st.stance[idx] = new
    st.rival[idx] = others


def _gain_p(st, tb, idx, gm, delta):
    """Player gains ``delta`` with member cells ``gm`` (= game * M + member) of games ``idx``.

    Same formulas as effects.gain_with, element by element, on flat views.
    """
    stance = flat(st, "stance")
    if tb.K:
        loss = -tb.params.cross_effect * np.maximum(delta, 0.0)
    moved = np.empty(gm.shape)
    moved[:] = delta                               # (nudge_into writes into its delta: a copy, any shape)
    stance[gm] = effects.nudge_into(stance.take(gm), moved)
    if tb.K:
        rival = flat(st, "rival")
        cell = gm + idx * ((tb.K - 1) * tb.M)        # (g, 0, m) of the (G,K,M) array: g*K*M + m
        # every rival's (g, k, m) cell at once: (K,n) cells, each row nudged by the same loss
        rk = cell + (np.arange(tb.K) * tb.M)[:, None] if tb.K > 1 else cell[None]
        losses = np.empty(rk.shape)
        losses[:] = loss
        rival[rk] = effects.nudge_into(rival.take(rk), losses)


def _bump(st, name: str, cells, by=1) -> None:
    """Add ``by`` to the cells of state array ``name`` (cells are distinct)."""
    a = flat(st, name)
    a[cells] = a.take(cells) + by


# ------------------------------------------------------------------ pre-sale handlers
# idx: (n,) game indices; m, b: (n,) member rows and benefits of those games.  Flat cells instead of
# fancy indexing: gm = game * M + member, gmb = gm * B + benefit.
def _ask(st, tb, idx, m, b):
    p = tb.params
    gm = idx * tb.M + m
    asked = flat(st, "asked_now")
    first = ~asked.take(gm)
    revealed = flat(st, "revealed")
    rev = revealed.take(gm)
    level = np.where(first, np.minimum(rev + 1, 3), rev)
    revealed[gm] = level
    flat(st, "known_level")[gm] = level
    asks = flat(st, "asks")
    n = asks.take(gm)
    delta = np.where(first, p.ask_rapport * tb.ask_pow.take(n), 0.0)      # ask_rapport * ask_decay**asks
    asks[gm] = n + first
    asked[gm] = True
    _bump(st, "engaged", gm)
    st.wasted[games_of(st, idx)] += ~first
    _gain_p(st, tb, idx, gm, delta)
    inside_view.relay(st, tb, gm, level)


def _pitch(st, tb, idx, m, b):
    p = tb.params
    gm = idx * tb.M + m
    gmb = gm * tb.B + b
    care = flat(st, "care").take(gmb)
    act = tb.activity[st.round].take(m)
    revealed = flat(st, "revealed").take(gm)
    informed = revealed > 0
    counts = flat(st, "pitch_count")
    count = counts.take(gmb)
    delta = effects.pitch_delta(care, tb.cap.take(b), act, count, informed, p, tb.pitch_pow)
    bad = care < p.care_threshold
    w = tb.influence.take(m) * act
    sel = games_of(st, idx)
    quality = scoring.pitch_quality(tb, flat(st, "care"), flat(st, "rank"), counts, revealed, gm, b, informed,
                                    flat(st, "top").take(gm), (care, count))
    st.align_num[sel] += w * quality
    st.align_den[sel] += w
    counts[gmb] = count + 1
    if bad.any():                      # (adding zeros changes nothing: only the cells that count)
        _bump(st, "wasted_pitch", gmb[bad])
        st.wasted[sel] += bad
    if not informed.any():             # nobody asked yet (the never-askers' case): every cell, no mask
        _bump(st, "blind", gm)
    elif not informed.all():
        _bump(st, "blind", gm[~informed])
    _address(st, gm, 3 + b, revealed)
    _bump(st, "engaged", gm)
    _gain_p(st, tb, idx, gm, delta)


def _address(st, gm, code, revealed=None) -> None:
    """A hidden concern surfaced by a follow-up (reveal level 2 and up) is addressed by its own cure
    (``code``: 0 reference, 1 demo, 2 pilot, 3 + b the pitch of benefit b); unsurfaced, nothing happens.
    ``revealed``: the reveal levels at ``gm`` when the caller has already read them."""
    if revealed is None:
        revealed = flat(st, "revealed").take(gm)
    surfaced = revealed >= 2
    if not surfaced.any():             # nobody asked a follow-up: nothing to address (no concern read)
        return
    hit = (flat(st, "concern").take(gm) == code) & surfaced
    if hit.any():
        flat(st, "addressed")[gm[hit]] = True


def _show(delta_of, audience: str, cure: int):
    """Handler for a reference or demo: same bookkeeping, its own gain formula, audience mask and cure;
    the member has seen that proof (proofs.py: it answers their risk or fit doubt)."""
    def handler(st, tb, idx, m, b):
        gm = idx * tb.M + m
        shown = flat(st, "shown")
        n = shown.take(gm)
        delta = delta_of(getattr(tb, audience).take(m), flat(st, "cred").take(gm),
                         tb.activity[st.round].take(m), n, tb.params, tb.show_pow)
        shown[gm] = n + 1
        flat(st, "proved")[gm * len(proofs.PROOFS) + cure] = True
        proofs.settle(st, tb, gm, cure)
        _address(st, gm, cure)
        _bump(st, "engaged", gm)
        _gain_p(st, tb, idx, gm, delta)
    return handler


_reference = _show(effects.reference_delta, "decider", 0)
_demo = _show(effects.demo_delta, "user_like", 1)


def _pilot(st, tb, idx, m, b):
    p = tb.params
    chance = effects.pilot_success_chance(tb.quality, p)
    success = (st.u[idx, -2] < chance) & ~st.pilot_doomed[idx]
    st.pilot_used[idx] = True
    st.pilot_doomed[idx] = False
    st.pilot_result[idx] = success
    won = np.asarray(idx)[np.asarray(success, dtype=bool)]
    if len(won):                   # a successful pilot addresses every surfaced "show me it works" concern
        _address(st, (won[:, None] * tb.M + np.arange(tb.M)).reshape(-1), 2)
        proofs.pilot_proves(st, tb, won)                  # ...and answers every member's doubt about the fit
    delta = effects.pilot_delta(np.asarray(success)[..., None], tb.user_like, st.cred[idx], p)
    _gain_all(st, tb, idx, delta)


def _discount(st, tb, idx, m, b):
    p = tb.params
    price_care = st.care[idx][..., tb.price_mask].max(axis=-1) if tb.price_mask.any() else np.zeros((1, tb.M))
    delta = effects.discount_delta(tb.buyer, price_care, np.asarray(st.discount_steps[idx])[..., None], p,
                                   tb.activity[st.round], st.revealed[idx] > 0) * st.present[idx]
    st.discount_steps[idx] += 1
    st.wasted[games_of(st, idx)] += ~(delta > 0).any(axis=-1)       # given where nobody had asked for it
    _gain_all(st, tb, idx, delta)


def _refer(st, tb, idx, m, b):
    gm = idx * tb.M + m
    flat(st, "referred")[gm] = True
    _bump(st, "engaged", gm)


HANDLERS = {
    ASK: _ask, PITCH: _pitch, REFERENCE: _reference, DEMO: _demo, PILOT: _pilot, DISCOUNT: _discount,
    REFER: _refer, DELIVER: postsale.deliver, SUPPORT: postsale.support, TRAIN: postsale.train,
    REVIEW: postsale.review,
}

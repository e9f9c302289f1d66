"""Proofs: the doubt each member holds until shown the proof that answers it (DOMAIN.md § 3).

Pitches tell; proofs show.  A member holds a *doubt* that no pitch removes: the
chance that, at the decision, they hold out and back doing nothing whatever
they think of the vendors (like an unspoken concern, docs/model.md § 6):

    risk    a decider's doubt whether buying is safe        doubt_risk     removed by a reference (to them)
    fit     an influencer's doubt whether it fits         doubt_fit      removed by a demo (to them)
    use     a user's doubt whether it works in their daily  doubt_use      removed by a successful pilot (every
            operation                                                      member at once)
    expected  a proof the scenario says a member expects     doubt_expected removed only by that proof
            (``expects_proof``: per member, or for every decider at scenario level)

So a reference is the move for a hesitant decider and a waste on a user; a
demo is the move for an influencer (who judges the technical fit) and a waste on a decider; a pilot
(test stages only, one per deal) answers every user's doubt about daily use at once (a
waste where nobody will use the product) but fails
with a chance that falls with the vendor's quality, and a failed pilot sets
everyone back (effects.pilot_delta).  The columns of ``Tables.proof_need`` are
the proofs in ``PROOFS`` order; ``BatchState.proved`` records what was shown,
``BatchState.settled`` which doubts it answered: with ``proof_heard`` (off by
default, see docs/model.md) a reference or demo answers a member's doubt only once a follow-up
question told what worries them (DOMAIN.md § 7: listen before proposing,
handle the objection you heard); shown to a member you have not listened to,
it still impresses (its stance gain) but the doubt it was not aimed at stays.
A successful pilot is seen by everyone and answers the doubts about daily use
of all members, heard or not.

A member's roles say which doubt they *probably* hold, not which they hold:
with ``doubt_vary`` > 0, in each game a member's worry moves, with chance
``doubt_vary`` x the scenario's variation scale, to another proof (each of
the other two equally likely: a decider who wants to see it run, a user who
wants to hear from a plant like theirs; ``BatchState.doubt_shift``,
``Tables.need_by_shift``).  The follow-up question ("what worries you
most?", DOMAIN.md § 7) tells which proof they wait for (news.worry_*,
``MemberView.awaits``).  A seller who listens shows the right proof; one who
asks once goes by the roles (``known_need``).  An expected proof never moves,
nor the worry of a member who pins their concern.  ``doubt_vary`` is 0 by
default (off): measured, it restores the listening gap on some scenarios but
takes value from the role-matched proofs (docs/model.md).
"""
from __future__ import annotations

import numpy as np

PROOFS: tuple[str, ...] = ("reference", "demo", "pilot")
REFERENCE, DEMO, PILOT = range(3)
DOUBT_KEY = (1 << 20) + 1  # spawn key of the worries' stream (customer.CUSTOMER_KEY + 1; the rounds use 0 .. R-1)


def need_table(scenario, rows, decider: np.ndarray, influencer: np.ndarray, user: np.ndarray, p) -> np.ndarray:
    """(M,3) doubt each member row holds until given each proof, as the file and the roles say (shift 0)."""
    return need_tables(scenario, rows, decider, influencer, user, p)[0]


def need_tables(scenario, rows, decider: np.ndarray, influencer: np.ndarray, user: np.ndarray, p) -> np.ndarray:
    """(3,M,3) doubt each member row holds until given each proof, by the game's shift of the member's worry:
    shift 0 as the roles say; shift s: the roles' doubts wait for the proof s places further in ``PROOFS``
    (reference -> demo -> pilot -> reference).  An expected proof (``expects_proof``) never moves."""
    role = np.zeros((len(rows), len(PROOFS)))
    role[:, REFERENCE] = p.doubt_risk * decider
    role[:, DEMO] = p.doubt_fit * influencer
    role[:, PILOT] = p.doubt_use * user
    expected = np.zeros_like(role)
    written = getattr(scenario, "expects_proof", None)
    for i, m in enumerate(rows):
        proof = getattr(m, "expects_proof", None) or (written if decider[i] else None)
        if proof:
            expected[i, PROOFS.index(proof)] += p.doubt_expected
    return np.stack([np.roll(role, s, axis=1) + expected for s in range(len(PROOFS))])


def shift_chance(tb) -> float:
    """Chance that a member's worry waits for another proof than their roles suggest (``doubt_vary`` x the
    variation scale)."""
    return min(1.0, tb.params.doubt_vary * tb.variation)


def prior_table(need_by_shift: np.ndarray, chance: float) -> np.ndarray:
    """(M,3) the doubt a seller can expect before a follow-up told them the member's worry: the roles' doubts
    with chance 1 - ``chance``, each other proof's with chance ``chance`` / 2."""
    return (1.0 - chance) * need_by_shift[0] + 0.5 * chance * (need_by_shift[1] + need_by_shift[2])


def draw_shifts(tb, seed, G: int) -> np.ndarray:
    """(G,M) int8 shift of each member's worry (0: as the roles say; 1, 2: see ``need_tables``), from the game's own stream (the child of
    its seed with spawn key ``DOUBT_KEY``: the customer's and the rounds' numbers are untouched)."""
    chance = shift_chance(tb)
    if chance <= 0 or tb.M == 0:
        return np.zeros((G, tb.M), np.int8)
    ss = seed if isinstance(seed, np.random.SeedSequence) else np.random.SeedSequence(int(seed))
    ss = np.random.SeedSequence(ss.entropy, spawn_key=tuple(ss.spawn_key) + (DOUBT_KEY,), pool_size=ss.pool_size)
    u = np.random.default_rng(ss).random((G, tb.M))
    moved = (u < chance) & ~tb.pin_concern
    return np.where(moved, 1 + (u < 0.5 * chance), 0).astype(np.int8)


def game_need(st, tb) -> np.ndarray:
    """(G,M,3) the doubt each member of each game really holds until given each proof."""
    if shift_chance(tb) <= 0:                          # no worry moves: the roles' table (a view, no copy)
        return np.broadcast_to(tb.proof_need, st.doubt_shift.shape + (len(PROOFS),))
    return tb.need_by_shift[st.doubt_shift, np.arange(tb.M)]


def known_need(st, tb, hidden: bool = False) -> np.ndarray:
    """(G,M,3) the doubt a seller can count on: a member's real worry once a follow-up (reveal level 2 and up)
    told it (or ``hidden``: a strategy reading the true state), before that the prior (``prior_table``)."""
    if hidden or shift_chance(tb) <= 0:
        return game_need(st, tb)
    return np.where((st.revealed >= 2)[..., None], game_need(st, tb), tb.need_prior)


def doubt(st, tb) -> np.ndarray:
    """(G,M) chance that each member holds out for doing nothing at the decision for a doubt no proof
    answered yet (independent doubts combine: 1 - the product of 1 - each)."""
    return doubt_after(game_need(st, tb), st.settled)


def doubt_after(need: np.ndarray, proved: np.ndarray) -> np.ndarray:
    """The doubt chance left given ``need`` (M,3) and ``proved`` (...,M,3) (for planners and previews)."""
    open_ = np.where(proved, 0.0, need)
    return 1.0 - (1.0 - open_[..., 0]) * (1.0 - open_[..., 1]) * (1.0 - open_[..., 2])


def unconvinced(stance: np.ndarray, p) -> np.ndarray:
    """Share of a doubt that still counts at this stance: all of it up to 0, none from ``doubt_convinced`` up."""
    return 1.0 - np.clip(stance / p.doubt_convinced, 0.0, 1.0)


def hold_out(doubt_chance: np.ndarray, unheard: np.ndarray, unheard_stall: float) -> np.ndarray:
    """(G,M) chance that a member backs doing nothing whatever they think: a member nobody asked holds an
    unspoken concern (``unheard_stall``), or their doubt where it is stronger (the doubt is there whether
    or not anyone asked); once asked, what is left is the doubt no proof answered yet.  So asking never
    raises a member's hold-out chance (before 2026-12, an unheard member held out with ``unheard_stall``
    *instead of* their doubt, and asking a decider who expects a proof raised it from 0.19 to up to 0.34)."""
    return np.where(unheard, np.maximum(unheard_stall, doubt_chance), doubt_chance)


def heard(st, tb) -> np.ndarray:
    """(G,M) bool: a reference or demo shown now would answer the member's doubt: always, or with
    ``proof_heard`` only once a follow-up told what worries them (a generic proof impresses, but the doubt
    it was not aimed at stays)."""
    if tb.params.proof_heard <= 0:
        return np.ones(st.revealed.shape, bool)
    return st.revealed >= 2


def settle(st, tb, gm: np.ndarray, proof: int) -> None:
    """A reference or demo shown to the flat member cells ``gm``: answers their doubt where ``heard``."""
    cells = gm if tb.params.proof_heard <= 0 else gm[st.revealed.reshape(-1).take(gm) >= 2]
    st.settled.reshape(-1)[cells * len(PROOFS) + proof] = True


def pilot_proves(st, tb, games: np.ndarray) -> None:
    """A successful pilot in ``games``: every member's doubt about daily use (and an expected pilot) is answered:
    they all saw it run in their own operation, heard or not."""
    if len(games):
        st.proved[games, :, PILOT] = True
        st.settled[games, :, PILOT] = True

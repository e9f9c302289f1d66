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
the proofs in ``PROOFS`` order; ``BatchState.proved`` records what was shown.
"""
from __future__ import annotations

import numpy as np

PROOFS: tuple[str, ...] = ("reference", "demo", "pilot")
REFERENCE, DEMO, PILOT = range(3)


def need_table(scenario, rows, decider: np.ndarray, influencer: np.ndarray, user: np.ndarray, p) -> np.ndarray:
    """(M,3) doubt each member row holds until given each proof (see the module docstring)."""
    need = np.zeros((len(rows), len(PROOFS)))
    need[:, REFERENCE] = p.doubt_risk * decider
    need[:, DEMO] = p.doubt_fit * influencer
    need[:, PILOT] = p.doubt_use * user
    expected = getattr(scenario, "expects_proof", None)
    for i, m in enumerate(rows):
        proof = getattr(m, "expects_proof", None) or (expected if decider[i] else None)
        if proof:
            need[i, PROOFS.index(proof)] += p.doubt_expected
    return need


def doubt(st, tb) -> np.ndarray:
    """(G,M) chance that each member holds out for doing nothing at the decision for a doubt no proof
    answered yet (independent doubts combine: 1 - the product of 1 - each)."""
    return doubt_after(tb.proof_need, st.proved)


def doubt_after(need: np.ndarray, proved: np.ndarray) -> np.ndarray:
    """The doubt chance left given ``need`` (M,3) and ``proved`` (...,M,3) (for planners and previews)."""
    open_ = np.where(proved, 0.0, need)
    return 1.0 - (1.0 - open_[..., 0]) * (1.0 - open_[..., 1]) * (1.0 - open_[..., 2])


def unconvinced(stance: np.ndarray, p) -> np.ndarray:
    """Share of a doubt that still counts at this stance: all of it up to 0, none from ``doubt_convinced`` up."""
    return 1.0 - np.clip(stance / p.doubt_convinced, 0.0, 1.0)


def hold_out(doubt_chance: np.ndarray, unheard: np.ndarray, unheard_stall: float) -> np.ndarray:
    """(G,M) chance that a member backs doing nothing whatever they think: a member nobody asked holds an
    unspoken concern (``unheard_stall``); once asked, what is left is the doubt no proof answered yet."""
    return np.where(unheard, unheard_stall, doubt_chance)


def pilot_proves(st, tb, games: np.ndarray) -> None:
    """A successful pilot in ``games``: every member's doubt about daily use (and an expected pilot) is answered."""
    if len(games):
        st.proved[games, :, PILOT] = True

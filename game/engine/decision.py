"""The buying center decides: every member weighs each vendor and doing nothing.

Utility of member m for
    the player       stance[m]                + noise
    rival k          rival[k, m]              + noise
    doing nothing    status_quo + status_quo_group * ln(members present)
                     + status_quo_blocker if m is a blocker   + noise
noise = decision_noise x a standard Gumbel draw per member and option, so
the choice is a multinomial logit (a classic random-utility model).
Each member backs the option with the highest utility, with weight
influence x role weight.  The vendor with the largest backing share (the
leading vendor) wins if
  * its share >= consensus,
  * no decider with influence >= veto_influence feels <= veto_stance about it (veto), and
  * the members who would rather do nothing than buy from it (an objection:
    their status-quo utility beats their utility for the leading vendor, whoever
    they back) weigh less than stall_weight in total (a stall: a member of at
    least that decision weight can stall the deal alone, lighter ones together);
otherwise nobody wins: "no decision".  A member the player never asked holds an
unspoken concern: with probability unheard_stall (or their unanswered doubt, below, where it is
larger) they back doing nothing whatever they think of the vendors.  A member with a hidden concern about the player's
offer (customer.py) values buying from the player concern_pull less until the concern is
surfaced by a follow-up question and addressed by its own cure (actions._address): they
lean to doing nothing (or to a rival) instead.  Every member can derail the
deal, so each stakeholder added makes any purchase less likely.  A member's doubt that no proof
has answered yet (proofs.py: a decider's risk, a user's fit or daily use, a proof the scenario
says they expect) is a further chance that they hold out for doing nothing.
"""
from __future__ import annotations

import numpy as np

from game.engine import proofs
from game.engine.fastops import first_argmax_T
from game.engine.state import ABSENT, LOST, NO_DECISION, WON
from game.engine.tables import Tables


def tally(base: np.ndarray, util: np.ndarray, present: np.ndarray, tb: Tables):
    """The decision rule on given utilities (used by ``decide`` and by the
    forecast in ``game.engine.forecast``): ``base`` and ``util`` are
    (G,2+K,M) (index 0 doing nothing, 1 the player, 1+k rival k), ``present``
    (G,M).  Returns (choice (G,M) 0 = doing nothing, share (G,2+K), best (G,)
    0 player / k rival, vetoers (G,M), objects (G,M) members who would rather
    do nothing than buy from the leader, wins (G,))."""
    p = tb.params
    G, n_opt = base.shape[0], 2 + tb.K
    rows = np.arange(G)
    # (G,M) 0 = status quo: np.argmax(util, axis=1), as column-wise first maxima of an option-major copy
    choice = first_argmax_T(util.transpose(1, 0, 2).reshape(n_opt, -1))[0].reshape(G, tb.M)
    w = tb.weight * present
    total = w.sum(axis=1)
    norm = np.where(total > 0, total, 1.0)
    # each option's backing weight, summed per game over the members (as one (G,2+K,M) one-hot sum would)
    share = np.stack([(w * (choice == o)).sum(axis=1) for o in range(n_opt)], axis=1) / norm[:, None]
    best = np.argmax(share[:, 1:], axis=1)                                      # 0 player, 1+k rival
    best_share = share[rows, 1 + best]
    feeling = base[rows, 1 + best]                                              # (G,M) stance toward best
    vetoers = present & tb.decider & (tb.influence >= p.veto_influence) & (feeling <= p.veto_stance)
    lead = util.reshape(-1).take((rows * (2 + tb.K) + 1 + best)[:, None] * tb.M + np.arange(tb.M))   # util[g, 1+best]
    objects = present & (util[:, 0] > lead)                                     # rather nothing than the leader
    stalled = (w * objects).sum(axis=1) >= p.stall_weight
    wins = (best_share >= p.consensus) & ~vetoers.any(axis=1) & ~stalled
    return choice, share, best, vetoers, objects, wins


def status_quo_utility(present: np.ndarray, blocker: np.ndarray, params) -> np.ndarray:
    """(G,M) utility of doing nothing before noise: grows with the group's size and for a blocker."""
    n = present.sum(axis=1)
    sq = params.status_quo + params.status_quo_group * np.log(np.maximum(n, 1))
    return sq[:, None] + params.status_quo_blocker * blocker


def decide(st, tb: Tables, games: np.ndarray) -> None:
    """Decide the (G,) mask ``games``; fills outcome, winner, backing, share, vetoed_by, rung."""
    p = tb.params
    present = st.present
    worried = p.concern_pull * ((st.concern >= 0) & ~st.addressed)           # a hidden concern not addressed
    base = np.concatenate([status_quo_utility(present, st.blocker, p)[:, None, :],
                           (st.stance - worried)[:, None, :], st.rival], axis=1)   # (G,2+K,M)
    util = base + p.decision_noise * st.z
    # a member holds out for doing nothing, whatever they think of the vendors, when the status-quo draw is in
    # its top q quantile (a Gumbel draw z exceeds -ln(-ln(1 - q)) with probability q): q = the doubt no proof
    # answered yet, at least unheard_stall for a member nobody asked (an unspoken concern; proofs.hold_out)
    q = proofs.hold_out(proofs.doubt(st, tb) * proofs.unconvinced(st.stance, p), st.revealed == 0, p.unheard_stall)
    if (q > 0).any():
        with np.errstate(divide="ignore"):                 # q = 1: the threshold is -inf, every draw exceeds it
            threshold = -np.log(-np.log(1.0 - q))
        held = st.z[:, 0] > threshold
        np.copyto(util[:, 0], np.inf, where=held)         # (in place: util[:, 0] = where(held, inf, ...))
    choice, share, best, vetoers, objects, wins = tally(base, util, present, tb)
    vetoed = vetoers.any(axis=1)
    outcome = np.where(wins, np.where(best == 0, WON, LOST), NO_DECISION)
    st.outcome = np.where(games, outcome, st.outcome).astype(np.int8)
    st.winner = np.where(games, np.where(wins, best, -1), st.winner).astype(np.int8)
    st.backing = np.where(games[:, None], np.where(present, choice - 1, ABSENT), st.backing).astype(np.int8)
    st.share = np.where(games[:, None], share[:, 1:], st.share)
    st.vetoed_by = np.where(games & vetoed & ~wins, np.argmax(vetoers, axis=1), st.vetoed_by)
    st.rung = np.where(games & (outcome == WON), 3, st.rung).astype(np.int8)


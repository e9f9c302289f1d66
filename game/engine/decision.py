"""The buying center decides: every member weighs each vendor and doing nothing.

Utility of member m for
    the player       stance[m]                + noise
    rival k          rival[k, m]              + noise
    doing nothing    status_quo + status_quo_group * ln(members present)
                     + status_quo_blocker if m is a blocker   + noise
noise = decision_noise x a standard Gumbel draw per member and option, so
the choice is a multinomial logit (a classic random-utility model).
Each member backs the option with the highest utility, with weight
influence x role weight.  The vendor with the largest backing share wins if
its share >= consensus and no decider with influence >= veto_influence feels
<= veto_stance about it (veto); otherwise nobody wins: "no decision".
"""
from __future__ import annotations

import numpy as np

from game.engine.state import ABSENT, LOST, NO_DECISION, WON
from game.engine.tables import Tables


def decide(st, tb: Tables, games: np.ndarray) -> None:
    """Decide the (G,) mask ``games``; fills outcome, winner, backing, share, vetoed_by, rung."""
    p = tb.params
    present = st.present
    n = present.sum(axis=1)
    sq = p.status_quo + p.status_quo_group * np.log(np.maximum(n, 1))
    base = np.concatenate([(sq[:, None] + p.status_quo_blocker * st.blocker)[:, None, :],
                           st.stance[:, None, :], st.rival], axis=1)            # (G,2+K,M)
    util = base + p.decision_noise * st.z
    choice = np.argmax(util, axis=1)                                            # (G,M) 0 = status quo
    w = tb.weight * present
    total = w.sum(axis=1)
    onehot = choice[:, None, :] == np.arange(2 + tb.K)[None, :, None]           # (G,2+K,M)
    share = (onehot * w[:, None, :]).sum(axis=2) / np.where(total > 0, total, 1.0)[:, None]
    best = np.argmax(share[:, 1:], axis=1)                                      # 0 player, 1+k rival
    best_share = share[np.arange(st.G), 1 + best]
    feeling = base[np.arange(st.G), 1 + best]                                    # (G,M) stance toward best
    vetoers = present & tb.decider & (tb.influence >= p.veto_influence) & (feeling <= p.veto_stance)
    vetoed = vetoers.any(axis=1)
    wins = (best_share >= p.consensus) & ~vetoed
    outcome = np.where(wins, np.where(best == 0, WON, LOST), NO_DECISION)
    st.outcome = np.where(games, outcome, st.outcome).astype(np.int8)
    st.winner = np.where(games, np.where(wins, best, -1), st.winner).astype(np.int8)
    st.backing = np.where(games[:, None], np.where(present, choice - 1, ABSENT), st.backing).astype(np.int8)
    st.share = np.where(games[:, None], share[:, 1:], st.share)
    st.vetoed_by = np.where(games & vetoed & ~wins, np.argmax(vetoers, axis=1), st.vetoed_by)
    st.rung = np.where(games & (outcome == WON), 3, st.rung).astype(np.int8)

"""Round flow shared by the single game and the batch.

    st = new_state(tb, seed, G); begin_round(st, tb)      # round 0 begins: its events fire
    loop:  apply_slot(...) any number of times            # the player's actions, in order
           report = end_round(st, tb)                     # rivals, decision / ladder, history,
                                                          # then the next round begins
    until not st.active.any()

Randomness: round r draws everything it needs at its start from its own
stream ``default_rng(SeedSequence(seed).spawn(R)[r])`` as ONE block of
uniforms of shape (G, W) that never depends on the actions: per game, one
number per event, then the pilot draw, then the post-sale slip draw, and at
the decision round (2+K)*M more, turned into Gumbel noise for the decision
(a logit choice).  Row g holds game g's numbers, so game 0 of a batch plays
exactly like a single game with the same seed.
"""
from __future__ import annotations

import numpy as np

from game.engine import access, champion, decision, events, postsale, rivals
from game.engine.fastops import uniform_rows
from game.engine.state import WON, BatchState
from game.engine.tables import Tables


def begin_round(st: BatchState, tb: Tables) -> np.ndarray:
    """Start round ``st.round``: draw its randomness, fire its events, open the points.

    Returns the (G,E) mask of events fired now.
    """
    r = st.round
    rng = np.random.default_rng(st.seed_children[r])
    E = len(tb.ev_ids)
    width = E + 2 + ((2 + tb.K) * tb.M if r == tb.decision else 0)
    # row g = game g's numbers, whatever G is (a part of a batch takes its rows of the whole block)
    u = rng.random((st.G, width)) if st.rows is None else uniform_rows(rng, st.rows[2], width, st.rows[:2])
    st.u = u[:, : E + 2]
    st.z = None
    if r == tb.decision:      # Gumbel noise -log(-log(u)), computed in place (same values, no temporaries)
        z = np.log(u[:, E + 2:])
        np.negative(z, out=z)
        np.log(z, out=z)
        st.z = np.negative(z, out=z).reshape(st.G, 2 + tb.K, tb.M)
    st.asked_now &= ~st.active[:, None]       # a game that is over keeps its last round's (as a single game does)
    if 0 < r <= tb.decision and tb.regime[r] != tb.regime[r - 1]:
        # needs move with the stage: what matters now; a first answer from an earlier stage is stale
        events.refresh_all(st, tb)
        np.copyto(st.known_level, 0, where=st.known_level == 1)
    st.kind_uses[:] = 0
    st.round_progress[:] = 0.0
    st.pilot_result[:] = -1
    fired = events.fire_events(st, tb)
    st.points = np.where(st.active, tb.points[r], 0)
    if r > tb.decision:
        st.post_points += st.points
    access.refresh_access(st, tb)
    return fired


def lead_rival(rival: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """(n,K,M) -> (n,M) stance toward the leading rival: rival.max(axis=1), as a loop over the few rivals
    (written into ``out``, an (n,M) float array or view, when given)."""
    if out is None:
        out = rival[:, 0].copy()
    else:
        np.copyto(out, rival[:, 0])
    for k in range(1, rival.shape[1]):
        np.maximum(out, rival[:, k], out=out)
    return out


def end_round(st: BatchState, tb: Tables) -> dict:
    """Finish round ``st.round`` for the active games and begin the next one.

    Returns a report of (G,...) arrays: ``rival_moves`` (G,K,n,3), ``won_back``
    (G,M) blockers won back, ``spoke`` (G,M) the champion row that spoke for the player to each member
    (-1 none), ``decided`` (G,) games decided now, ``rung_change``
    (G,), ``fired`` (G,E) events of the next round, ``round`` the round just played.
    """
    r = st.round
    games = st.active.copy()
    report: dict = {"round": r, "decided": np.zeros(st.G, bool), "rung_change": np.zeros(st.G, np.int64)}
    if r <= tb.decision:
        report["rival_moves"] = rivals.rival_turn(st, tb)
    else:
        report["rival_moves"] = np.full((st.G, tb.K, 0, 3), -1, np.int64)
    report["won_back"] = access.win_back_blockers(st, tb) & games[:, None]
    # champions carry a vendor's case to their colleagues before the vote (champion.py)
    report["spoke"] = champion.spread(st, tb, games) if r <= tb.decision else np.full(st.stance.shape, -1, np.int64)
    if r == tb.decision:
        decision.decide(st, tb, games)
        postsale.open_account(st, tb, games & (st.outcome == WON))     # the sale's head start or debt
        report["decided"] = games
    elif r > tb.decision:
        report["rung_change"] = postsale.end_post_round(st, tb, games)
    every = bool(games.all())          # before the decision every game plays: plain slices, no masks
    sel = slice(None) if every else games
    st.stance_history[sel, r + 1] = st.stance if every else st.stance[games]
    if every and tb.K:                 # straight into the history's column (the same values, no temporary)
        lead_rival(st.rival, out=st.rival_history[:, r + 1])
    else:
        st.rival_history[sel, r + 1] = lead_rival(st.rival[games]) if tb.K else 0.0
    st.rounds_played[sel] = r + 1
    if r == tb.decision:
        st.active &= st.outcome == WON
    if r + 1 >= tb.n_rounds:
        st.active[:] = False
    st.round = r + 1
    report["fired"] = begin_round(st, tb) if st.active.any() else np.zeros(st.fired.shape, bool)
    return report

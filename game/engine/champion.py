"""A champion inside the account: a member who backs a vendor strongly carries its case to colleagues.

At the end of every round up to the decision (after the rivals' moves, before the vote), each present
member whose stance toward a vendor is at least ``champion_stance`` speaks for that vendor to the
present members they influence (``Tables.links``).  A colleague below the champion warms by

    min(champion_cap, champion_spread x champion's influence x (champion's stance - colleague's stance))

(the largest such share over their champions, applied as a gain (effects.nudge, like every stance move)
with the usual cross effect on the other vendors), and never ends above the champion's own stance.  Inside the account no gate is shut:
a champion reaches a colleague the seller cannot.  Rivals' champions do the same for their vendor, at
``champion_rival`` times the player's rate.  All moves of a round are computed from the stances before
any of them (the order of members does not matter).

Who influences whom comes from the scenario (``links``): a member's own ``influences:`` list when
written; with the scenario's ``champions: roles``, every other member follows the defaults: a member with
influence at least ``champion_influence`` speaks to the members who share a role with them, and a decider
with that influence also to every less influential member (docs/model.md § 4, champions).  The scenario default,
``champions: listed``, uses the lists alone (scenarios written before champions play as they did).
"""
from __future__ import annotations

import numpy as np

from game.engine import effects
from game.engine.messages import msg
from game.engine.types import Message


def default_links(roles: np.ndarray, influence: np.ndarray, decider: np.ndarray, threshold: float) -> np.ndarray:
    """(M,M) bool: row i speaks to column j by the default rule (role peers; deciders to the less influential)."""
    strong = influence >= threshold
    peers = (roles[:, None, :] & roles[None, :, :]).any(axis=2)
    down = decider[:, None] & (influence[None, :] < influence[:, None])
    links = strong[:, None] & (peers | down)
    np.fill_diagonal(links, False)
    return links


def compile_links(rows, rows_by_id: dict, roles, influence, decider, threshold: float,
                  defaults: bool = True) -> np.ndarray:
    """(M,M) bool links of the member rows: an ``influences:`` list replaces that member's defaults
    (``defaults`` False, the scenario's ``champions: listed``: only the lists count)."""
    links = default_links(roles, influence, decider, threshold)
    if not defaults:
        links[:] = False
    for i, m in enumerate(rows):
        named = getattr(m, "influences", None)
        if named is None:
            continue
        links[i] = False
        for mid in named:
            for j in rows_by_id.get(mid, ()):
                if j != i:
                    links[i, j] = True
    return links


def carry(stance: np.ndarray, influence: np.ndarray, links: np.ndarray, present: np.ndarray, p):
    """(gain (G,M), ceiling (G,M), speaker (G,M)) of one vendor's champions from stances (G,M).

    ``speaker`` is the champion row that moves each colleague most, -1 where nobody does.
    """
    champ = (stance >= p.champion_stance) & present                                  # (G,M)
    gap = stance[:, :, None] - stance[:, None, :]                                    # (G,i,j)
    push = p.champion_spread * influence[None, :, None] * gap
    push = np.where(champ[:, :, None] & links[None] & present[:, None, :] & (gap > 0), push, 0.0)
    speaker = push.argmax(axis=1)
    gain = np.minimum(np.take_along_axis(push, speaker[:, None, :], axis=1)[:, 0], p.champion_cap)
    ceiling = np.take_along_axis(np.broadcast_to(stance[:, :, None], push.shape), speaker[:, None, :], axis=1)[:, 0]
    return gain, ceiling, np.where(gain > 0, speaker, -1)


def carry_rows(stance: np.ndarray, influence: np.ndarray, links: np.ndarray, present: np.ndarray, p):
    """What :func:`carry` gives, one possible champion row at a time on (G,M) arrays instead of a (G,M,M)
    block (several times faster for a big batch): only rows that back the vendor in some game and speak to
    someone are visited.  A push is never negative (influence >= 0, spread >= 0), so the first largest push
    (carry's argmax, speaker 0 where nobody pushes) is what a strict ``>`` over rows in order keeps; with a
    negative influence or spread it is carry itself."""
    if p.champion_spread < 0 or (influence < 0).any():
        return carry(stance, influence, links, present, p)
    champ = (stance >= p.champion_stance) & present                                  # (G,M)
    best = np.zeros(stance.shape)
    speaker = np.zeros(stance.shape, np.int64)
    for i in np.flatnonzero(champ.any(axis=0) & links.any(axis=1)).tolist():
        gap = stance[:, i, None] - stance                                              # (G,j): row i of carry's gap
        push = p.champion_spread * influence[i] * gap
        push = np.where(champ[:, i, None] & links[i] & present & (gap > 0), push, 0.0)
        better = push > best
        np.copyto(best, push, where=better)
        np.copyto(speaker, i, where=better)
    gain = np.minimum(best, p.champion_cap)
    ceiling = np.take_along_axis(stance, speaker, axis=1)
    return gain, ceiling, np.where(gain > 0, speaker, -1)


def spread(st, tb, games: np.ndarray) -> np.ndarray:
    """Champions speak in the (G,) mask ``games``; returns the player's speaker per member (G,M), -1 none."""
    p = tb.params
    out = np.full(st.stance.shape, -1, np.int64)
    if p.champion_spread <= 0 or not tb.links.any() or not games.any():
        return out
    mask = games[:, None] & st.present
    gain, ceiling, speaker = carry_rows(st.stance, tb.influence, tb.links, st.present, p)
    gain = np.where(mask, gain, 0.0)
    rgains = []
    for k in range(tb.K if p.champion_rival > 0 else 0):
        rg, rc, _ = carry_rows(st.rival[:, k], tb.influence, tb.links, st.present, p)
        rgains.append((np.where(mask, rg * p.champion_rival, 0.0), rc))
    if gain.any():
        new, others = effects.gain_with(st.stance, st.rival, gain, p, whole_row=True)
        st.stance = np.where(gain > 0, np.maximum(np.minimum(new, ceiling), st.stance), st.stance)
        st.rival = others
    for k, (rg, rc) in enumerate(rgains):
        if not rg.any():
            continue
        mine = st.rival[:, k].copy()
        new = effects.nudge(mine, rg)
        loss = -p.cross_effect * rg
        st.stance = effects.nudge(st.stance, loss)
        for other in range(tb.K):
            if other != k:
                st.rival[:, other] = effects.nudge(st.rival[:, other], loss)
        st.rival[:, k] = np.where(rg > 0, np.maximum(np.minimum(new, rc), mine), mine)
    return np.where(mask & (gain > 0), speaker, -1)


def champion_news(tb, speakers: np.ndarray) -> list[Message]:
    """"X spoke for you to Y" for game 0's row of speakers (M,)."""
    return [msg("news.champion", member=tb.member_ids[j], champion=tb.member_ids[int(c)])
            for j, c in enumerate(speakers.tolist()) if c >= 0]

""""If they decided now": the customer's decision rule applied to what the player can see.

A pure function of public information only: the observation (each member's
stance toward you and toward the leading rival, who is a blocker, who was
never asked, what you have learned of their priorities, your benefits'
strengths) and the scenario's public facts (influence and roles give each
member's decision weight).  Hidden things (undiscovered priorities,
credibility, the other rivals' standing, the random draws) are not used:

* every member's utilities are taken at their most likely value (no noise):
  doing nothing = ``decision.status_quo_utility``; you = your stance; the
  leading rival = their stance; a rival nobody leads with is not counted.
* a member never asked may hold an unspoken concern (``unheard_stall``): the
  forecast flags them ``unheard`` (they may back doing nothing whatever they feel).
* a hidden concern the player KNOWS about (a follow-up question surfaced it,
  ``MemberView.concern``) and has not addressed pulls that member's utility for
  buying from you down by ``concern_pull``, as in the real decision; a planned
  reference, demo or pitch of the named benefit addresses it first (a planned
  pilot does not: it may fail).  A concern never surfaced is not known and not used.
* a doubt no proof answered yet (``proofs``) is public: the roles (and the
  scenario's ``expects_proof``) say which proof each member waits for, a follow-up
  tells it (``MemberView.awaits``), and the player knows what was answered
  (``MemberView.answered``); a planned reference or demo to the member answers
  theirs (with ``proof_heard`` only once heard), a planned pilot does not (it may
  fail).  The chance that the member holds out for doing nothing (``doubt``, and
  ``unheard_stall`` for a member never asked) is counted as the real decision
  counts it when nothing random intervenes (every Gumbel draw 0): the member
  backs doing nothing when that chance exceeds 1 - 1/e.
* the planned actions move the stances first, by the engine's own formulas
  (``effects``) with what the player knows: a pitch counts the care you have
  learned (unknown care counts nothing), references and demos a typical
  credibility of 0.5, the pilot nothing (it is a gamble).

The same rule as the real decision (``decision.tally``) then says who each
member backs, your share against the share needed (``consensus``), who would
veto and who would rather do nothing (a stall).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from game.engine import effects, proofs
from game.engine.decision import status_quo_utility, tally
from game.engine.types import Action, Observation

#: credibility assumed for references and demos (the real one is hidden)
TYPICAL_CREDIBILITY = 0.5
USER_LIKE = ("user", "influencer")


@dataclass(frozen=True, slots=True)
class MemberForecast:
    member: str
    backs: str                 # "player", a rival id or "status_quo": the most likely choice
    unheard: bool              # never asked: may hold an unspoken concern and back doing nothing
    stance: float              # toward you, after the planned actions
    rival_stance: float        # toward the leading rival
    weight: float              # share of the decision weight (0..1)
    vetoes: bool               # a decider who would veto the leading option
    objects: bool              # would rather do nothing than buy from the leader
    moved: float               # how far the planned actions move the stance toward you
    worried: bool = False      # a surfaced concern left unaddressed after the plan (counts against you)
    doubt: float = 0.0         # chance they hold out for doing nothing (open doubts; unheard: unspoken concern)


@dataclass(frozen=True, slots=True)
class Forecast:
    members: tuple[MemberForecast, ...]
    share: float               # your share of the weighted backing
    leader: str                # "player" or the rival id with the largest share
    leader_share: float
    needed: float              # the share an option needs (consensus)
    outcome: str               # "won", "lost" or "no_decision"
    reason: str                # "" when someone wins, else "veto", "stall" or "short"
    stall_share: float         # decision weight of the members who would rather do nothing than buy from the leader
    stall_needed: float        # the decision weight at which they stall the deal
    unsure_share: float        # weight of members never asked (they may back doing nothing)


def preview_stances(obs: Observation, tables, plan: Sequence[Action]) -> tuple[np.ndarray, np.ndarray]:
    """(you, rival) stances of every member after ``plan``, estimated from public information."""
    p = tables.params
    you = np.array([mv.stance for mv in obs.members], float)
    riv = np.array([mv.rival_stance for mv in obs.members], float)
    index = {mv.id: i for i, mv in enumerate(obs.members)}
    caps = {b.id: b.capability for b in obs.benefits}
    pitched: dict[tuple[str, str], int] = {}
    for a in plan:
        targets = [index[a.member]] if a.member in index else list(range(len(obs.members)))
        for i in targets:
            mv = obs.members[i]
            delta = 0.0
            if a.kind == "pitch" and a.benefit:
                care = dict(mv.known_priorities).get(a.benefit)
                count = pitched.get((mv.id, a.benefit), 0)
                pitched[(mv.id, a.benefit)] = count + 1
                if care is not None:
                    delta = float(effects.pitch_delta(np.float64(care), np.float64(caps.get(a.benefit, 0.0)),
                                                      np.float64(mv.activity), np.int64(count),
                                                      mv.revealed > 0, p))
            elif a.kind == "reference":
                delta = float(effects.reference_delta(np.bool_("decider" in mv.roles), TYPICAL_CREDIBILITY,
                                                      mv.activity, np.int64(0), p))
            elif a.kind == "demo":
                user_like = any(r in USER_LIKE for r in mv.roles)
                delta = float(effects.demo_delta(np.bool_(user_like), TYPICAL_CREDIBILITY, mv.activity,
                                                 np.int64(0), p))
            elif a.kind == "discount":
                price = max([w for b, w in mv.known_priorities if "price" in b] or [0.0])
                delta = float(effects.discount_delta(float("buyer" in mv.roles), price, np.int64(0), p, mv.activity,
                                                      mv.revealed > 0))
            if delta:
                new, other = effects.gain_with(np.float64(you[i]), np.array([riv[i]]), np.float64(delta), p)
                you[i], riv[i] = float(new), float(np.asarray(other).reshape(-1)[0])
    return you, riv


def open_concerns(obs: Observation, plan: Sequence[Action] = ()) -> np.ndarray:
    """(M,) bool: members whose concern the player knows (surfaced) and that stays unaddressed after ``plan``.
    A planned reference or demo to the member, or a pitch of the benefit named, addresses it; a pilot is a
    gamble and is not counted."""
    out = np.zeros(len(obs.members), bool)
    for i, mv in enumerate(obs.members):
        if mv.concern is None or mv.concern_addressed:
            continue
        cured = any(a.member == mv.id and ((a.kind in ("reference", "demo") and a.kind == mv.concern)
                                           or (a.kind == "pitch" and a.benefit == mv.concern)) for a in plan)
        out[i] = not cured
    return out


def known_doubts(obs: Observation, tables, rows: list[int], plan: Sequence[Action] = ()) -> np.ndarray:
    """(M,) the doubt chance the player can count on for each member after ``plan`` (``proofs.doubt_after``,
    before the stance's share): the roles' doubts (``Tables.need_prior``) until a follow-up told which proofs
    the member waits for (``awaits``), minus those answered and those a planned reference or demo to them answers."""
    p = tables.params
    out = np.zeros(len(obs.members))
    for i, (mv, row) in enumerate(zip(obs.members, rows)):
        if row < 0:
            continue
        need = np.asarray(tables.need_prior)[row]
        if mv.revealed >= 2:                           # told: the shift whose proofs are the ones awaited
            told = [s for s in range(len(proofs.PROOFS)) if tuple(proofs.PROOFS[j] for j in
                    np.flatnonzero(tables.need_by_shift[s, row] > 0).tolist()) == tuple(mv.awaits)]
            need = tables.need_by_shift[told[0] if told else 0, row]
        done = np.array([k in mv.answered for k in proofs.PROOFS])
        heard = p.proof_heard <= 0 or mv.revealed >= 2
        for a in plan:
            if a.member == mv.id and a.kind in ("reference", "demo") and heard:
                done[proofs.PROOFS.index(a.kind)] = True
        out[i] = float(proofs.doubt_after(need, done))
    return out


def forecast(obs: Observation, tables, plan: Sequence[Action] = ()) -> Forecast:
    """Who would back whom if the customer decided after ``plan``, by the real decision rule."""
    p = tables.params
    members = obs.members
    ids = [mv.id for mv in members]
    rows = [tables.member_ids.index(mid) if mid in tables.member_ids else -1 for mid in ids]
    rival_ids = [r.id for r in obs.rivals] if getattr(obs, "rivals", None) else []
    leaders = sorted({mv.leading_rival for mv in members if mv.leading_rival})
    rival_ids = rival_ids or leaders
    K, M = len(rival_ids), len(members)
    you, riv = preview_stances(obs, tables, plan)
    present = np.ones((1, M), bool)
    blocker = np.array([[mv.blocker for mv in members]], bool)
    # only the leading rival's stance is known; the others are at most that (a hair below, so the leader wins ties)
    rival = np.repeat((riv - 1e-6)[None, None, :], K, axis=1) if K else np.zeros((1, 0, M))
    for i, mv in enumerate(members):
        if mv.leading_rival in rival_ids:
            rival[0, rival_ids.index(mv.leading_rival), i] = riv[i]
    worried = open_concerns(obs, plan)
    mine = you - p.concern_pull * worried                      # as decision.decide: a known, open concern
    base = np.concatenate([status_quo_utility(present, blocker, p)[:, None, :], mine[None, None, :], rival], axis=1)
    view = _View(tables, rows, K)
    # as decision.decide with every draw 0: a member holds out when 0 > -ln(-ln(1 - q))
    unheard = np.array([mv.revealed == 0 for mv in members], bool)
    q = proofs.hold_out(known_doubts(obs, tables, rows, plan) * proofs.unconvinced(you, p), unheard, p.unheard_stall)
    util = base.copy()
    with np.errstate(divide="ignore"):
        util[0, 0] = np.where(0.0 > -np.log(-np.log(1.0 - q)), np.inf, util[0, 0])
    choice, share, best, vetoers, objects, wins = tally(base, util, present, view)
    weight = view.weight / max(view.weight.sum(), 1e-9)
    unsure = np.array([mv.revealed == 0 and p.unheard_stall > 0 for mv in members])
    out = []
    for i, mv in enumerate(members):
        c = int(choice[0, i])
        backs = "status_quo" if c == 0 else ("player" if c == 1 else rival_ids[c - 2])
        out.append(MemberForecast(mv.id, backs, bool(unsure[i]), float(you[i]), float(riv[i]), float(weight[i]),
                                  bool(vetoers[0, i]), bool(objects[0, i]), float(you[i] - mv.stance),
                                  bool(worried[i]), float(q[i])))
    lead = int(best[0])
    leader = "player" if lead == 0 else rival_ids[lead - 1]
    leader_share = float(share[0, 1 + lead])
    stall_share = float((view.weight * objects[0]).sum())        # the rule counts absolute decision weight
    if bool(wins[0]):
        outcome, reason = ("won" if lead == 0 else "lost"), ""
    else:
        outcome = "no_decision"
        reason = "veto" if vetoers.any() else ("stall" if stall_share >= p.stall_weight else "short")
    return Forecast(tuple(out), float(share[0, 1]), leader, leader_share, float(p.consensus), outcome, reason,
                    stall_share, float(p.stall_weight), float((weight * unsure).sum()))


class _View:
    """The public columns of the tables for the members in the observation (the rule reads only these)."""

    def __init__(self, tables, rows: list[int], K: int):
        idx = np.array([r if r >= 0 else 0 for r in rows], dtype=np.int64)     # (an int array even when empty)
        known = np.array([r >= 0 for r in rows])
        self.params = tables.params
        self.K, self.M = K, len(rows)
        self.weight = np.where(known, np.asarray(tables.weight)[idx], 0.0)
        self.decider = np.where(known, np.asarray(tables.decider)[idx], False)
        self.influence = np.where(known, np.asarray(tables.influence)[idx], 0.0)


def as_decided(fc: Forecast, support: dict[str, str], outcome: str, vetoed: bool = False) -> Forecast:
    """The same picture for a decision already taken: each member's real
    backing (``Debrief.support``: "player", a rival id or "status_quo") and
    the shares it gives, beside the share that was needed."""
    members = tuple(dataclasses.replace(m, backs=support.get(m.member, m.backs)) for m in fc.members)
    shares: dict[str, float] = {}
    for m in members:
        shares[m.backs] = shares.get(m.backs, 0.0) + m.weight
    vendors = {k: v for k, v in shares.items() if k != "status_quo"}
    leader = max(vendors, key=lambda k: (vendors[k], k == "player")) if vendors else fc.leader
    reason = ""
    if outcome == "no_decision":
        reason = "veto" if vetoed else (fc.reason if fc.reason in ("stall", "short") else "short")
    return dataclasses.replace(fc, members=members, share=shares.get("player", 0.0), leader=leader,
                               leader_share=vendors.get(leader, 0.0), outcome=outcome, reason=reason)

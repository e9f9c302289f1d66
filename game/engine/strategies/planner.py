"""The value planner, one of the oracle's rehearsed plans: each slot, the action worth most per point.

Every candidate action is valued as (importance of the member) x (stance the
action would add, by the engine's own formulas in ``effects``) / cost.
Importance is the member's decision weight (influence x role weight, a
public rule), shifted toward members whose vote is still open and toward
members heavy enough to stall the deal whose stance sits close to doing
nothing (``stall_value``), plus the weight of the members a gatekeeper (or
blocker) keeps out of reach.  Asking a member who could stall the deal is
worth the unspoken concern it removes (``concern_value``).  The
``Style.hidden`` decides what the planner may read: only revealed priorities
(credibility estimated from them), or the true priorities, credibility and a
doomed pilot.  (The expert plays the win-chance planner in ``expert``.)
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.engine import effects, legality, proofs
from game.engine.strategies.base import (ASK, DEMO, DISCOUNT, N_PRE, PILOT, PITCH, REFER, REFERENCE, Strategy,
                                         best_slot, lead_rival, reachable, seen_care, status_quo_level)


@dataclass(frozen=True)
class Style:
    """Knobs of a planner (both views use the same formulas)."""

    hidden: bool                 # read true priorities (oracle) or only revealed ones (expert)
    ask_value: float = 1.0       # an unasked member's ask is worth this share of a good pitch to them
    reask_value: float = 0.5     # asking again (top three) once the top priority has been pitched
    gate_share: float = 0.6      # share of a locked member's importance credited to its gatekeeper
    open_vote: float = 0.0       # 0: importance = decision weight; >0: favour members whose vote is open
    discount: bool = False       # may give discounts
    discount_cost: float = 0.0   # value given up per discount (margin)
    refer_value: float = 0.3     # a referral is worth this x the member's importance
    stall_value: float = 0.0     # weight of a stall-capable member's risk of preferring doing nothing
    concern_value: float = 1.0   # asking a member who could stall the deal: x unheard_stall x total weight
    proof_value: float = 0.0     # a proof's doubt settled (proofs.py): x the hold-out chance removed x total weight


def importance(st, tb, style: Style) -> np.ndarray:
    """(G,M) value of one unit of stance with each member now."""
    p = tb.params
    w = tb.weight * st.present
    if style.open_vote > 0:
        other = np.maximum(lead_rival(st, tb), status_quo_level(st, tb))
        margin = st.stance - other
        # members already far ahead, or far behind, matter a bit less than open votes
        w = w * (1.0 + style.open_vote * np.exp(-(margin / 0.25) ** 2))
    gk_closed = (st.gate >= 0) & st.locked
    if gk_closed.any():
        bonus = np.zeros_like(w)
        g, m = np.nonzero(gk_closed)
        np.add.at(bonus, (g, st.gate[g, m]), style.gate_share * w[g, m])
        w = w + bonus * (st.stance < p.unlock_threshold)
    if style.stall_value > 0:
        # a member heavy enough to stall the deal alone: the chance they prefer doing nothing (a logit) matters
        sq = status_quo_level(st, tb) + p.status_quo_blocker * st.blocker
        beta = max(p.decision_noise, 0.05)
        risk = 1.0 / (1.0 + np.exp(np.clip((st.stance - sq) / beta, -30.0, 30.0)))
        w = w + style.stall_value * (w >= p.stall_weight) * risk * (1.0 - risk) / beta
    blockers = st.blocker & st.present
    if blockers.any():
        dec = (tb.weight * tb.decider * st.present).sum(axis=1, keepdims=True)
        w = w + style.gate_share * dec * blockers * (st.stance < p.unlock_threshold)
    return w


def plan_slot(st, tb, style: Style):
    """(kind, member, benefit) of the best action per point for every game (NOOP when nothing helps)."""
    p = tb.params
    G, M = st.G, tb.M
    g = np.arange(G)
    care, cred = seen_care(st, tb, style.hidden)
    informed = st.revealed > 0
    act = tb.activity[st.round]
    imp = importance(st, tb, style)
    room = 1.0 - st.stance
    reach = reachable(st)

    # pitch (G,M,B)
    gain = effects.pitch_delta(care, tb.cap, act[:, None], st.pitch_count, informed[..., None], p)
    useful = (care >= p.care_threshold) & (informed[..., None] | style.hidden)
    pv = np.where(useful, gain * room[..., None], gain * (1.0 + st.stance[..., None]))
    pv = np.where(reach[..., None] & useful, pv * imp[..., None], -np.inf)
    flat = pv.reshape(G, -1).argmax(axis=1)
    pm, pb = flat // tb.B, flat % tb.B
    pval = pv.reshape(G, -1)[g, flat]
    best_pitch_m = np.where(np.isfinite(pv), pv, 0.0).max(axis=2)                    # (G,M)

    vals = np.full((G, N_PRE), -np.inf)
    mem = np.full((G, N_PRE), -1)
    vals[:, PITCH], mem[:, PITCH] = pval, pm

    # ask (G,M): rapport + what it unlocks for later pitches
    rapport = p.ask_rapport * np.power(p.ask_decay, st.asks) * room * imp
    good = imp * room * p.pitch_gain * float(tb.cap.max(initial=0.0)) * act
    if style.hidden:
        info = np.where(st.revealed == 0, style.ask_value * best_pitch_m * (1 - p.blind_factor) / p.blind_factor, 0.0)
    else:
        topped = (st.pitch_count * (care >= 1.0)).sum(axis=2) > 0
        info = np.where(st.revealed == 0, style.ask_value * good,
                        np.where((st.revealed == 1) & topped, style.reask_value * good, 0.0))
    if p.unheard_stall > 0:
        # a member never asked may stall the deal (unspoken concern): asking once removes that risk
        w = tb.weight * st.present
        total = w.sum(axis=1, keepdims=True)
        can_stall = w >= p.stall_weight
        info = info + np.where((st.revealed == 0) & can_stall, style.concern_value * p.unheard_stall * total, 0.0)
    av = np.where(reach & ~st.asked_now & (st.revealed < 3), rapport + info, -np.inf)
    mem[:, ASK] = av.argmax(axis=1)
    vals[:, ASK] = av[g, mem[:, ASK]]

    # reference / demo (cost 2)
    two = legality.member_legal(st, tb, REFERENCE)                          # = DEMO's (same cost, same rules)
    rv = effects.reference_delta(tb.decider, cred, act, st.shown, p) * room * imp
    settle = settled(st, tb, style)                                            # (3,G,M) by proof
    rv = np.where(two, (rv + settle[proofs.REFERENCE]) / 2.0, -np.inf)
    mem[:, REFERENCE] = rv.argmax(axis=1)
    vals[:, REFERENCE] = rv[g, mem[:, REFERENCE]]
    dv = effects.demo_delta(tb.user_like, cred, act, st.shown, p) * room * imp
    dv = np.where(two, (dv + settle[proofs.DEMO]) / 2.0, -np.inf)
    mem[:, DEMO] = dv.argmax(axis=1)
    vals[:, DEMO] = dv[g, mem[:, DEMO]]

    # pilot (cost 3), judged on everyone present
    if tb.pilot_stage[st.round]:
        chance = effects.pilot_success_chance(tb.quality, p)
        chance = np.where(st.pilot_doomed, 0.0, chance) if style.hidden else np.full(G, chance)
        up = np.where(tb.user_like, p.pilot_success, p.pilot_success_other) * cred * room
        down = np.where(tb.user_like, p.pilot_fail, p.pilot_fail_other) * (1.0 + st.stance)
        ev = ((chance[:, None] * up - (1 - chance[:, None]) * down) * imp * st.present).sum(axis=1)
        ev = ev + chance * settle[proofs.PILOT].sum(axis=1)
        # valuing proofs, the last test round with the points for a pilot runs it before smaller moves use them
        rest = slice(st.round + 1, tb.decision + 1)
        last = style.proof_value > 0 and not (tb.pilot_stage[rest] & (tb.points[rest] >= 3)).any()
        vals[:, PILOT] = np.where(legality.kind_legal(st, tb, PILOT), ev if last else ev / 3.0, -np.inf)

    # discount (oracle only): pleases buyers and price-minded members, costs margin
    if style.discount and tb.price_mask.any():
        price_care = care[:, :, tb.price_mask].max(axis=2)
        gain_d = effects.discount_delta(tb.buyer, price_care, st.discount_steps[:, None], p, act, st.revealed > 0)
        ev = (gain_d * room * imp * st.present).sum(axis=1) - style.discount_cost
        vals[:, DISCOUNT] = np.where(legality.kind_legal(st, tb, DISCOUNT), ev, -np.inf)

    # refer a locked member when someone can introduce you
    fv = np.where(legality.member_legal(st, tb, REFER), style.refer_value * imp, -np.inf)
    mem[:, REFER] = fv.argmax(axis=1)
    vals[:, REFER] = fv[g, mem[:, REFER]]

    return best_slot(st, vals, mem, pb)


def settled(st, tb, style: Style) -> np.ndarray:
    """(3,G,M) value of the hold-out chance each proof would settle for each member (0 without ``proof_value``):
    proof_value x the chance removed x the member's share of the group's weight x the total weight."""
    if style.proof_value <= 0:
        return np.zeros((3,) + st.stance.shape)
    w = tb.weight * st.present
    scale = np.where(w >= tb.params.stall_weight, 1.0, w / max(tb.params.stall_weight, 1e-9))   # can they stall?
    open_ = np.where(st.settled, 0.0, proofs.known_need(st, tb, style.hidden)) * proofs.unconvinced(st.stance, tb.params)[..., None]
    total = w.sum(axis=1, keepdims=True)
    return style.proof_value * np.moveaxis(open_, -1, 0) * (scale * total * ~(st.revealed == 0))[None]


class PlannerStrategy(Strategy):
    style = Style(hidden=False)

    def choose(self, st, tb, rng, ctx):
        return plan_slot(st, tb, self.style)

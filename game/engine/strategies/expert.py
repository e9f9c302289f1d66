"""``expert``: plays the way DOMAIN.md teaches, from what a player can see.

It values every candidate action by how much it raises its estimate of the
chance to win the decision (the public rule of docs/model.md § 7: backing
share, stalls by anyone who would rather do nothing, a decider's veto), per
action point.  The estimate reads only the board: stances, the leading
rival's stance and its trend over past rounds, who was asked (an unasked
member may hold an unspoken concern), blockers, the stage's activity and the
priorities revealed so far.  The further the decision, the blurrier the
estimate (stances will still move), so early rounds spread the effort and
late rounds close the gaps that decide the vote.

So it asks everyone who matters first (cheap, removes the unspoken concern
and shows what to pitch), pitches each member's revealed top priorities
where they move the vote most, shows references to deciders and demos to
users and influencers, opens doors (works a gatekeeper or blocker up to the
unlock threshold, warms a member up to give a referral, refers a locked
member once), runs the pilot when its expected effect is positive (never
after the news that it will fail), and discounts only when that lifts the
estimate by more than the margin it gives away.  It never plays an action
that cannot have an effect (a second referral of the same member, a second
ask of the same member in a round, a pitch nobody cares about).

``OracleStrategy`` rehearses the same valuation with the hidden view
(``Knobs(hidden=True)``) among its candidates, so it stays the ceiling.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from game.engine import effects, knowledge, legality, proofs
from game.engine.customer import IDENTITY
from game.engine.strategies.base import (ASK, COST, DEMO, DISCOUNT, N_PRE, PILOT, PITCH, REFER, REFERENCE, Strategy,
                                         best_slot, lead_rival, reachable, seen_care, status_quo_level)
from game.engine.strategies.champions import ChampionView
from game.engine.strategies.service import policy_slot
from game.engine.tables import EVENT_CODES
_TINY = 1e-12


@dataclass(frozen=True)
class Knobs:
    """Knobs of the win-chance planner (the expert's and, with ``hidden=True``, one of the oracle's)."""

    hidden: bool = False         # read true priorities and credibility (oracle) or only revealed ones
    drift: float = 0.05          # extra blur of the estimate per round left before the decision
    rival_trend: float = 0.0     # share of the leading rival's past gain per round projected forward
    eps: float = 0.03            # weight of plain weighted stance gains (keeps improving a safe deal)
    ask_info: float = 1.0        # an ask is also worth this share of the pitch it makes possible
    access_gain: float = 0.2     # stance a member gains per round once reachable (value of opening a door)
    partial: float = 0.5         # share of a door's value credited to progress toward its threshold
    discount_cost: float = 0.02  # win chance given up per discount (margin)
    engage: float = 0.10         # rival stance a first contact keeps off per round left (rivals press the neglected)
    bundle: tuple = (1, 2, 4)    # an action on a member is also valued as part of this many alike (flipping a vote)
    listen: float = 0.0          # value follow-up questions and the cure of a surfaced hidden concern (x its pull)
    cure_rate: float = 0.8       # share of surfaced concerns it expects to address (value of a follow-up)
    max_asks: int = 3            # asks per member (1: a single question each, for the controlled comparison)
    stage_blind: bool = False    # choose targets and benefits as if every stage were the first (a comparison)
    from_file: bool = False      # never ask: pitch the priorities the scenario file writes (a comparison)
    champions: float = 1.0       # value what a member at the champion stance carries to colleagues (0: ignore it)
    proof_weight: float = 1.0    # weight of the doubt a proof settles for good (stance may still slip; a doubt not)
    pilot_first: bool = True     # in the last test stage, a pilot worth running goes before smaller moves
    pilot_caution: float = 1.0  # weight of a failed pilot's harm against a success (risk aversion)
    drop: str = ""               # never play this move ("reference", "demo", "pilot"): a controlled comparison


def _phi(x):
    """Standard normal CDF (logistic approximation, error < 0.01)."""
    return 1.0 / (1.0 + np.exp(-np.clip(1.702 * x, -40.0, 40.0)))


class Board:
    """What the planner reads for one slot, and the win-chance estimate built from it."""

    def __init__(self, st, tb, k: Knobs):
        p = tb.params
        self.p, self.k = p, k
        self.w = tb.weight * st.present                                          # (G,M)
        self.W = np.maximum(self.w.sum(axis=1, keepdims=True), _TINY)
        left = max(tb.decision - st.round, 0)
        self.left = left
        self.beta = np.sqrt(max(p.decision_noise, 0.03) ** 2 + left * k.drift ** 2)
        self.sq = status_quo_level(st, tb)                                        # (G,1)
        r = lead_rival(st, tb)
        if tb.K and st.round > 0 and k.rival_trend > 0:
            hist = st.rival_history
            trend = np.maximum(hist[:, st.round] - hist[:, 0], 0.0) / st.round
            r = np.minimum(r + k.rival_trend * trend * (left + 1), 1.0)
        self.r = r
        self.s = st.stance
        self.unheard = (st.revealed == 0) & st.present
        self.blocker = st.blocker & st.present
        self.vetoer = st.present & tb.decider & (tb.influence >= p.veto_influence)
        self.heavy = self.w >= p.stall_weight
        self.first_touch = np.where(st.engaged == 0, k.engage * (left + 1), 0.0)
        self.pull = concern_pull(st, tb) * (k.listen > 0)                   # (G,M) expected pull
        self.need = proofs.known_need(st, tb, k.hidden)                   # (G,M,3) roles' guess until a follow-up tells
        self.doubt = proofs.doubt_after(self.need, st.settled) * st.present  # (G,M) what it can count on
        self.terms = self.member_terms(self.s, self.r, self.unheard, self.blocker)
        self.sums = [t.sum(axis=-1) for t in self.terms]
        self.V = self.value(*self.sums)

    def member_terms(self, s, r, unheard, blocker, pull=None, doubt=None):
        """Per-member contributions (…,M) to the sums the estimate is built from."""
        p, b = self.p, self.beta
        sq = self.sq + p.status_quo_blocker * blocker
        s = s - (self.pull if pull is None else pull)            # a concern lowers the member's utility for us
        top = np.maximum(np.maximum(s, r), sq)
        es, er, eq = np.exp((s - top) / b), np.exp((r - top) / b), np.exp((sq - top) / b)
        q = proofs.hold_out((self.doubt if doubt is None else doubt) * proofs.unconvinced(s, p), unheard,
                            p.unheard_stall)                   # holds out whatever they think
        back = es / (es + er + eq) * (1.0 - q)
        obj = 1.0 / (1.0 + np.exp(np.clip((s - sq) / b, -40.0, 40.0)))
        obj = q + (1.0 - q) * obj
        w = self.w
        heavy = self.heavy
        return (w * back, w * w * back * (1.0 - back),
                np.where(heavy, np.log(np.maximum(1.0 - obj, _TINY)), 0.0),
                np.where(heavy, 0.0, w * obj), np.where(heavy, 0.0, w * w * obj * (1.0 - obj)),
                np.where(self.vetoer, np.log(np.maximum(_phi((s - p.veto_stance) / np.maximum(b, 0.05)), _TINY)),
                         0.0))

    def value(self, back, back_var, heavy_log, light, light_var, veto_log):
        p = self.p
        W = self.W[..., 0] if back.ndim == 1 else self.W
        share = _phi((back / W - p.consensus) / np.sqrt(back_var / W ** 2 + 1e-4))
        stall = np.exp(heavy_log) * _phi((p.stall_weight - light) / np.sqrt(light_var + 1e-4))
        return share * stall * np.exp(veto_log)

    def member_gain(self, delta, unheard=None, touch=True, pull=None, doubt=None):
        """(G,M) rise of the estimate if member m alone gained ``delta`` (G,M) (with the cross effect);
        ``pull`` / ``doubt`` (G,M): member m's concern pull / doubt after the action (default: unchanged)."""
        p = self.p
        s = effects.nudge(self.s, delta)
        r = effects.nudge(self.r, -p.cross_effect * np.maximum(delta, 0.0))
        if touch:
            r = r - self.first_touch
        unheard = self.unheard if unheard is None else unheard
        blocker = self.blocker & (s < p.unlock_threshold)
        new = self.member_terms(s, r, unheard, blocker, pull, doubt)
        sums = [S[:, None] - t + n for S, t, n in zip(self.sums, self.terms, new)]
        return self.value(*sums) - self.V[:, None]

    def row_gain(self, delta, doubt=None):
        """(G,) rise of the estimate if every member gained ``delta`` (G,M) at once (doubt after: ``doubt``)."""
        p = self.p
        s = effects.nudge(self.s, delta)
        r = effects.nudge(self.r, -p.cross_effect * np.maximum(delta, 0.0))
        new = self.member_terms(s, r, self.unheard, self.blocker & (s < p.unlock_threshold), doubt=doubt)
        return self.value(*[t.sum(axis=-1) for t in new]) - self.V


def concern_pull(st, tb) -> np.ndarray:
    """(G,M) the concern pull a player can expect on each member's status quo, from the public rule: a
    surfaced concern not yet addressed pulls fully; before a follow-up, a written concern surely and any
    other member with the rule's chance (``concern_chance`` x the variation's scale); after it, nothing."""
    p = tb.params
    prior = np.where(tb.concern0 >= 0, 1.0,
                     np.where(tb.pin_concern, 0.0, min(1.0, p.concern_chance * tb.variation)))
    surfaced = st.revealed >= 2
    known = surfaced & (st.concern >= 0) & ~st.addressed          # what the follow-up told the player
    return p.concern_pull * np.where(surfaced, known * 1.0, prior)


def stage_blind_view(st, tb):
    """(care, credibility, activity) as a stage-blind player sees them: the first stage's needs and activity."""
    kc = np.where(knowledge.known_mask(tb.v_rank[0].take(st.variant, axis=0), st.revealed),
                  tb.v_care[0].take(st.variant, axis=0), 0.0)
    total = kc.sum(axis=2)
    cred = np.divide(kc @ tb.cap, total, out=np.full(total.shape, float(tb.cap.mean())), where=total > 0)
    return kc, cred, tb.activity[0]


def file_view(st, tb):
    """(care, credibility) of the customer exactly as the file writes it, in the current stage (a memorizer)."""
    q = int(tb.regime[min(st.round, tb.n_rounds - 1)])
    cells = (IDENTITY if tb.n_variants > 1 else 0) * tb.M + np.arange(tb.M)
    care = np.broadcast_to(tb.v_care[q][cells], (st.G, tb.M, tb.B))
    return care, np.broadcast_to(tb.v_cred[q][cells], (st.G, tb.M))


def _pilot_doomed(st, tb) -> np.ndarray:
    """A pilot_failure event was announced (news) and no pilot has run since: public knowledge."""
    ev = np.flatnonzero(tb.ev_type == EVENT_CODES["pilot_failure"])
    return st.fired[:, ev].any(axis=1) if len(ev) else np.zeros(st.G, bool)


def plan_slot(st, tb, k: Knobs):
    """(kind, member, benefit) of the action worth most per point in every game (NOOP when nothing helps)."""
    p = tb.params
    G, M = st.G, tb.M
    g = np.arange(G)
    bd = Board(st, tb, k)
    care, cred = seen_care(st, tb, k.hidden)
    act = tb.activity[st.round]
    if k.stage_blind:
        care, cred, act = stage_blind_view(st, tb)
    if k.from_file:
        care, cred = file_view(st, tb)
    reach = reachable(st)
    informed = st.revealed > 0
    small = k.eps / bd.W                                                          # (G,1)
    champ = ChampionView(bd, st, tb, k.champions)                                  # champions (public rule)

    vals = np.full((G, N_PRE), -np.inf)
    mem = np.full((G, N_PRE), -1)

    # doors: value of reaching members still locked (a referral now, or an open gate from the next round)
    locked = st.locked & st.present & ~st.referred
    if locked.any() and bd.left > 0:
        reached = effects.nudge(st.stance, k.access_gain * bd.left)
        access = np.where(locked, bd.member_gain(reached - st.stance, bd.unheard & ~locked, touch=False), 0.0)
        access = np.maximum(access, 0.0)
    else:
        access = np.zeros((G, M))
    gk_open = np.zeros((G, M), bool)          # the member's gate opens next round anyway
    door = np.zeros((G, M))                   # value of lifting member m to the unlock threshold
    if access.any():
        for c in tb.gated_rows:
            gk = st.gate[:, c]
            has = (gk >= 0) & locked[:, c]
            gks = np.where(has, st.stance[g, np.maximum(gk, 0)], 0.0)
            gk_open[:, c] = has & (gks >= p.unlock_threshold) & ~st.blocker.any(axis=1)
            np.add.at(door, (g[has], gk[has]), access[has, c])
        if st.blocker.any():
            dec_locked = (access * tb.decider).sum(axis=1, keepdims=True)
            door += np.where(bd.blocker, dec_locked, 0.0)
    usable = np.where(gk_open, 0.0, access)
    best_access = usable.max(axis=1, keepdims=True)
    refer_door = np.where(st.can_refer[:, None], 0.0, best_access)             # warm someone up to refer

    def door_bonus(delta):
        """Value of progress toward a door threshold (unlock for gatekeepers/blockers, refer for anyone)."""
        out = np.zeros((G, M))
        for value, thr in ((door, p.unlock_threshold), (refer_door, p.refer_threshold)):
            if not value.any():
                continue
            s = st.stance
            after = effects.nudge(s, delta)
            gap = np.maximum(thr - s, _TINY)
            part = np.where(after >= thr, 1.0, k.partial * np.clip((after - s) / gap, 0.0, 1.0))
            out += np.where(s < thr, value * part, 0.0)
        return out

    def member_value(delta, unheard=None, cost=1.0, doubt=None):
        """Per point: the best of this action alone or as the first of a few alike (a vote needs several)."""
        best = None
        for n in k.bundle:
            v = (bd.member_gain(n * delta, unheard, doubt=doubt) + door_bonus(n * delta)) / (n * cost)
            best = v if best is None else np.maximum(best, v)
        return best + small * bd.w * delta / cost + champ.bonus(delta) / cost

    # pitch: each member's best known priority
    gain = effects.pitch_delta(care, tb.cap, act[:, None], st.pitch_count, informed[..., None], p)
    useful = (care >= p.care_threshold) & (informed[..., None] | k.hidden | k.from_file)
    gain = np.where(useful, gain, -np.inf)
    pb_m = gain.argmax(axis=2)
    d_pitch = np.take_along_axis(gain, pb_m[..., None], axis=2)[..., 0]
    ok_pitch = reach & np.isfinite(d_pitch)
    d_pitch = np.where(ok_pitch, d_pitch, 0.0)
    pv = np.where(ok_pitch, member_value(d_pitch), -np.inf)
    cure = cure_gain(bd, st, tb, k)                                             # (G,M) value of a cure
    if cure is not None:
        # the pitch that addresses a surfaced concern: its own gain plus the cure (it may be no top priority)
        cb = np.clip(st.concern - 3, 0, tb.B - 1)
        wants = reach & (st.concern >= 3) & (cure > 0)
        cg = np.take_along_axis(effects.pitch_delta(care, tb.cap, act[:, None], st.pitch_count,
                                                    informed[..., None], p), cb[..., None], axis=2)[..., 0]
        cv = np.where(wants, member_value(np.where(wants, cg, 0.0)) + cure, -np.inf)
        better = cv > pv
        pb_m = np.where(better, cb, pb_m)
        pv = np.maximum(pv, cv)
    mem[:, PITCH] = pv.argmax(axis=1)
    vals[:, PITCH] = pv[g, mem[:, PITCH]]
    pitch_b = pb_m[g, mem[:, PITCH]]

    # ask: rapport, the unspoken concern it removes, and the pitches it makes possible
    can_ask = reach & ~st.asked_now & (st.revealed < 3) & (st.asks < k.max_asks) & (not k.from_file)
    d_ask = np.where(can_ask, p.ask_rapport * np.power(p.ask_decay, st.asks), 0.0)
    av = member_value(d_ask, unheard=bd.unheard & ~can_ask)
    if k.ask_info > 0:
        guess = p.pitch_gain * float(tb.cap.mean()) * act                     # a pitch on a priority not known yet
        if k.hidden:
            info = np.where(st.revealed == 0, np.maximum(d_pitch, 0.0) * (1.0 - p.blind_factor) / p.blind_factor, 0.0)
        else:
            later = np.where(st.revealed == 0, guess, np.maximum(0.6 * guess - d_pitch, 0.0))
            info = np.where(st.revealed == 0, later, np.where(informed & (st.revealed < 3), later, 0.0))
        info = np.where(can_ask, info, 0.0)
        heard = bd.unheard & ~can_ask
        av = av + k.ask_info * np.maximum(bd.member_gain(info, heard) - bd.member_gain(0.0 * info, heard), 0.0)
    if k.listen > 0:
        # a follow-up surfaces a hidden concern, which it then expects to address (cure_rate)
        follow = can_ask & (st.revealed == 1) & (bd.pull > 0)
        if follow.any():
            after = np.where(follow, bd.pull * (1.0 - k.cure_rate), bd.pull)
            av = av + k.listen * np.maximum(bd.member_gain(np.zeros((G, M)), pull=after, touch=False), 0.0)
    av = np.where(can_ask, av, -np.inf)
    mem[:, ASK] = av.argmax(axis=1)
    vals[:, ASK] = av[g, mem[:, ASK]]

    # reference / demo (2 points)
    two = legality.member_legal(st, tb, REFERENCE)                          # = DEMO's (same cost, same rules)
    for code, (kind, delta) in enumerate(((REFERENCE, effects.reference_delta(tb.decider, cred, act, st.shown, p)),
                                          (DEMO, effects.demo_delta(tb.user_like, cred, act, st.shown, p)))):
        if k.drop == ("reference", "demo")[code]:
            continue
        # the proof also answers the member's own doubt (proofs.py): a decider's risk, a user's fit
        proved = st.settled.copy()
        proved[:, :, code] |= proofs.heard(st, tb)              # it answers the doubt of a member it heard
        after = proofs.doubt_after(bd.need, proved) * st.present
        settled = np.maximum(bd.member_gain(np.zeros((G, M)), doubt=after, touch=False), 0.0)   # the doubt alone
        v = member_value(np.where(two, delta, 0.0), cost=2.0) + k.proof_weight * settled / 2.0
        v = np.where(two & ~st.proved[:, :, code], v, -np.inf)     # a proof is shown once to each member
        if cure is not None:
            v = v + np.where(st.concern == code, cure, 0.0) / 2.0
        mem[:, kind] = v.argmax(axis=1)
        vals[:, kind] = v[g, mem[:, kind]]

    # refer a locked member once, when someone can introduce you and the gate will not open anyway
    fv = np.where(legality.member_legal(st, tb, REFER) & ~gk_open, usable, -np.inf)
    fv = np.where(fv > 0, fv, -np.inf)
    mem[:, REFER] = fv.argmax(axis=1)
    vals[:, REFER] = fv[g, mem[:, REFER]]

    # pilot (3 points): expected rise over success and failure
    if tb.pilot_stage[st.round] and k.drop != "pilot":
        chance = effects.pilot_success_chance(tb.quality, p)
        chance = np.where(_pilot_doomed(st, tb), 0.0, chance)
        up = np.where(tb.user_like, p.pilot_success, p.pilot_success_other) * cred * st.present
        down = -np.where(tb.user_like, p.pilot_fail, p.pilot_fail_other) * st.present
        proved = st.settled.copy()
        proved[:, :, proofs.PILOT] = True                         # a success answers every doubt about daily use
        settled = np.maximum(bd.row_gain(0.0 * up, proofs.doubt_after(bd.need, proved) * st.present), 0.0)
        ev = chance * (bd.row_gain(up) + k.proof_weight * settled) + (1.0 - chance) * k.pilot_caution * bd.row_gain(down)
        ev = ev + small[:, 0] * (bd.w * (chance[:, None] * up + (1 - chance[:, None]) * down)).sum(axis=1)
        if cure is not None:
            ev = ev + chance * np.where(st.concern == 2, cure, 0.0).sum(axis=1)
        # the last test stage before the decision: run a pilot worth running before smaller moves use its points
        rest = slice(st.round + 1, tb.decision + 1)
        later = (tb.pilot_stage[rest] & (tb.points[rest] >= COST[PILOT])).any() or not k.pilot_first
        vals[:, PILOT] = np.where(legality.kind_legal(st, tb, PILOT), ev if not later else ev / 3.0, -np.inf)

    # discount: only when it lifts the estimate by more than the margin it gives away
    if tb.price_mask.any():
        price_care = care[:, :, tb.price_mask].max(axis=2)
        # a buyer wants the best for the least (DOMAIN §2): until fully heard, assume price matters to them
        price_care = np.maximum(price_care, tb.buyer * (st.revealed < 3) * (not k.hidden))
        d = effects.discount_delta(tb.buyer, price_care, st.discount_steps[:, None], p, act,
                                   st.revealed > 0) * st.present
        ev = bd.row_gain(d) - k.discount_cost
        vals[:, DISCOUNT] = np.where(legality.kind_legal(st, tb, DISCOUNT), ev, -np.inf)

    return best_slot(st, vals, mem, pitch_b)


def cure_gain(bd, st, tb, k: Knobs):
    """(G,M) rise of the estimate if member m's surfaced concern were addressed now (None when not listening)."""
    if k.listen <= 0:
        return None
    known = (st.revealed >= 2) & (st.concern >= 0) & ~st.addressed & st.present
    if not known.any():
        return None
    gain = bd.member_gain(np.zeros(known.shape), pull=np.where(known, 0.0, bd.pull), touch=False)
    return k.listen * np.where(known, np.maximum(gain, 0.0), 0.0)


class WinChanceStrategy(Strategy):
    """A strategy playing ``plan_slot`` with fixed knobs."""

    knobs = Knobs()

    def choose(self, st, tb, rng, ctx):
        return plan_slot(st, tb, self.knobs)


class ExpertStrategy(WinChanceStrategy):
    name = "expert"
    description = "asks everyone first, then plays what lifts its estimate of the vote most: pitches, references, demos, doors"
    # ask_info 2.2: an early ask engages a member before the rivals press the neglected ones and shows what to
    # pitch; rival_trend 0.25: a rival gaining ground round after round is expected to keep gaining, so the
    # estimate weighs a rival's lead (the board's stance history is public).  Both matter when a rival starts
    # ahead with a decider behind a gatekeeper (tests/fixtures/calibration/*_stress.yaml).
    # listen 1.0: values a follow-up question by the hidden concern it may surface and the cure that follows
    # proof_weight 2: a doubt a proof settles stays settled, while stance can still slip (see Knobs);
    # pilot_caution 2: a failed pilot sets every user back, so it weighs the failure twice (risk-averse)
    knobs = Knobs(ask_info=2.2, rival_trend=0.25, listen=1.0, proof_weight=2.0, pilot_caution=2.0)
    # after the sale: effort fitted to the account's potential (strategies/service.py)
    post_policy = "fit"

    def choose_post(self, st, tb, rng, ctx):
        return policy_slot(st, tb, ctx, self.post_policy)


def expert_variant(name: str, **changes) -> WinChanceStrategy:
    """The expert with some knobs changed (``max_asks=1``, ``stage_blind=True``, ``from_file=True``, ...),
    for controlled comparisons (benchmarks/calibration.py): nothing else differs."""
    strategy = WinChanceStrategy()
    strategy.knobs = replace(ExpertStrategy.knobs, **changes)
    strategy.name = name
    return strategy

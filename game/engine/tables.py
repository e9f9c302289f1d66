"""Immutable lookup tables compiled once from a Scenario (and Params).

Axes used everywhere in the engine:
    M  member rows: the scenario's members, then one row per event successor
       (successors start absent and become present when their event fires)
    B  benefits, K rivals (competitors), S stages, E events, R = S rounds.

What a benefit means to the rules comes from its kinds (``Benefit.kinds``:
its own ``kind`` or the default of a standard id), never from its id.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.engine.champion import compile_links
from game.engine.customer import IDENTITY, N_VARIANTS, VARIATION_SCALE, concern_code, top_three, variant_rows, with_cuts
from game.engine.params import DEFAULT_PARAMS, Params
from game.engine.proofs import need_tables, prior_table
from game.engine.priorities import care_of, credibility, priority_rank, rival_guess, rival_menu, top_benefit
from game.scenario.model import BENEFIT_KINDS, ROLES, Member, Scenario

EVENT_CODES: dict[str, int] = {
    "member_leaves": 0, "budget_cut": 1, "rival_discount": 2, "member_turns_blocker": 3, "pilot_failure": 4,
}
#: Benefit kinds that the price rules read (budget cut, rival discount, price-style rivals).
PRICE_KINDS = ("price", "cost")
PILOT_STAGES = ("developing_options", "evaluating_alternatives")
MAX_CUT_TABLES = 3      # up to this many budget cuts are precomputed per variant (2**n sets); more: per game
KIND_INDEX = {k: i for i, k in enumerate(BENEFIT_KINDS)}
ROLE_INDEX = {r: i for i, r in enumerate(ROLES)}


def _frozen(a: np.ndarray) -> np.ndarray:
    a.setflags(write=False)
    return a


@dataclass(frozen=True, slots=True, eq=False)
class Tables:
    scenario: Scenario
    params: Params
    rows: tuple[Member, ...]             # member rows (scenario members + successors)
    member_ids: tuple[str, ...]
    benefit_ids: tuple[str, ...]
    benefit_kinds: np.ndarray            # (B, len(BENEFIT_KINDS)) bool: benefit b has kind k
    stage_ids: tuple[str, ...]
    rival_ids: tuple[str, ...]
    n_initial: int                       # rows that are present at the start
    prio0: np.ndarray                    # (M,B) raw priority weights
    influence: np.ndarray                # (M,)
    roles: np.ndarray                    # (M,6) bool, columns in ROLES order
    decider: np.ndarray                  # (M,) bool
    user_like: np.ndarray                # (M,) bool: user or influencer (demo / pilot audience)
    buyer: np.ndarray                    # (M,) bool
    gatekeeper: np.ndarray               # (M,) bool
    weight: np.ndarray                   # (M,) decision weight = influence x role weight
    links: np.ndarray                    # (M,M) bool: row i speaks to row j as a champion (champion.py)
    stance0: np.ndarray                  # (M,)
    rival0: np.ndarray                   # (K,M)
    present0: np.ndarray                 # (M,) bool
    gate0: np.ndarray                    # (M,) int, gatekeeper row or -1
    cap: np.ndarray                      # (B,) player capability
    rcap: np.ndarray                     # (K,B) rival capabilities
    activity: np.ndarray                 # (S,M)
    points: np.ndarray                   # (S,) int action points
    decision: int                        # index of the decision stage
    n_rounds: int                        # S
    pilot_stage: np.ndarray              # (S,) bool
    proof_need: np.ndarray               # (M,3) doubt each member holds until given each proof (proofs.py)
    need_by_shift: np.ndarray            # (3,M,3) the same by the game's shift of the member's worry (proofs.py)
    need_prior: np.ndarray               # (M,3) the doubt a seller can expect before a follow-up
    price_mask: np.ndarray               # (B,) bool: kind price or cost
    quality: float                       # player capability on quality-kind benefits (pilot success)
    delivery_quality: float              # player capability on delivery-kind benefits
    support_quality: float               # player capability on support-kind benefits
    potential: float                     # worth of a rung above "customer" (the scenario's account potential)
    ev_stage: np.ndarray                 # (E,) int
    ev_prob: np.ndarray                  # (E,)
    ev_type: np.ndarray                  # (E,) int, EVENT_CODES
    ev_member: np.ndarray                # (E,) int row or -1
    ev_succ: np.ndarray                  # (E,) int row or -1
    ev_rival: np.ndarray                 # (E,) int or -1
    ev_sev: np.ndarray                   # (E,)
    ev_ids: tuple[str, ...]
    style_member: np.ndarray             # (K,M) rival preference for members
    style_benefit: np.ndarray            # (K,B) rival preference for benefits
    style_reference: np.ndarray          # (K,) rival preference for references
    score_weights: np.ndarray            # (5,) normalised part weights
    rows_by_id: dict                     # member id -> tuple of rows with that id
    rival_decay: np.ndarray              # (2M,) pitch_decay for M pitch cells, show_decay for M reference cells
    stage_events: tuple                  # per stage: tuple of event indices that fire at its start
    gated_rows: tuple                    # rows that may ever have a gatekeeper (gate0 >= 0; a gate only moves
                                         #   to a successor or disappears, it never appears on a free row)
    # decay**n for n = 0 .. total points, as lookup tables: a count never exceeds the points spent, and
    # np.power(decay, n) on an int array gives exactly these values (so a lookup changes no result)
    pitch_pow: np.ndarray                # pitch_decay**n
    show_pow: np.ndarray                 # show_decay**n
    ask_pow: np.ndarray                  # ask_decay**n
    post_pow: np.ndarray                 # post_decay**n
    # the customer's variation (customer.py): scale of the scenario's ``variation`` and what members pin
    variation: float                     # 0 (none) .. VARIATION_SCALE["high"]
    top3: np.ndarray                     # (M,3) benefit at the file's ranks 0..2, -1 where none
    pin_priorities: np.ndarray           # (M,) bool: the member's priorities are kept as written
    pin_stance: np.ndarray               # (M,) bool: the member's starting stance is kept as written
    pin_concern: np.ndarray              # (M,) bool: the member carries exactly the written concern (or none)
    concern0: np.ndarray                 # (M,) int: code of the written concern (customer.concern_code), -1 none
    # needs that move with the stage: care at stage s comes from prio x emphasis[s] (docs/model.md § 1)
    emphasis: np.ndarray                 # (S,M,B) factor of each benefit for each member in each stage
    regime: np.ndarray                   # (S,) int: stages with the same number weigh alike (a new number
                                         #   = a shift; after the decision the decision stage's weights hold)
    # per customer variant (customer.py) and regime q, rows c = variant * M + member (a game gathers its own):
    variants: np.ndarray                 # (C*V,M,B) priorities of each variant, after each set of budget cuts
    n_variants: int                      # V (1 without variation)
    cut_bit: np.ndarray                  # (E,) int: bit of a budget cut in the variant number (C = 2**cuts),
                                         #   -1 for other events (or too many cuts: computed per game)
    v_care: np.ndarray                   # (Q,V*M,B) care under regime q's emphasis
    v_rank: np.ndarray                   # (Q,V*M,B) ranks (state.priority_rank)
    v_top: np.ndarray                    # (Q,V*M) the benefit at rank 0 (priorities.top_benefit)
    v_cred: np.ndarray                   # (Q,V*M) the player's credibility
    v_rcred: np.ndarray                  # (Q,V*M,K) each rival's credibility
    v_menu: np.ndarray                   # (Q,3,V*M,K) rivals' menus: best benefit (as float), pitch, reference gain
    v_guess: np.ndarray                  # (Q,4,V*M,K) a rival's pitch before it learned the member (the file's
                                         #   row with the same budget cuts): best benefit, expected gain, fix;
                                         #   and the reference gain (as v_menu's: one gather at load time)

    @property
    def M(self) -> int:
        return len(self.member_ids)

    @property
    def B(self) -> int:
        return len(self.benefit_ids)

    @property
    def K(self) -> int:
        return len(self.rival_ids)

    @property
    def post_sale_rounds(self) -> int:
        return self.n_rounds - 1 - self.decision

    def kind_mask(self, *kinds: str) -> np.ndarray:
        """(B,) bool: benefits that have any of ``kinds``."""
        return self.benefit_kinds[:, [KIND_INDEX[k] for k in kinds]].any(axis=1)

    def row(self, member_id: str) -> int:
        """First row with this id (successors may reuse an id; the engine prefers present rows)."""
        return self.member_ids.index(member_id)


def _mean_cap(cap: np.ndarray, mask: np.ndarray) -> float:
    """Mean capability over the benefits in ``mask``; over all benefits when it is empty."""
    return float(cap[mask].mean()) if mask.any() else float(cap.mean())


def _kind_table(scenario: Scenario) -> np.ndarray:
    table = np.zeros((len(scenario.benefits), len(BENEFIT_KINDS)), dtype=bool)
    for b, benefit in enumerate(scenario.benefits):
        table[b, [KIND_INDEX[k] for k in benefit.kinds]] = True
    return table


def shift_factors(shift: dict[str, float], benefits) -> np.ndarray:
    """(B,) factor of each benefit under a stage shift {benefit id or kind: factor}.

    A benefit's own id wins; else the largest factor among its kinds named in the shift; else 1.
    """
    out = np.ones(len(benefits))
    for b, benefit in enumerate(benefits):
        if benefit.id in shift:
            out[b] = shift[benefit.id]
        else:
            named = [shift[k] for k in benefit.kinds if k in shift]
            if named:
                out[b] = max(named)
    return out


def _emphasis(scenario: Scenario, rows, d: int) -> tuple[np.ndarray, np.ndarray]:
    """(S,M,B) emphasis and (S,) regime numbers (see Tables)."""
    S, M, B = len(scenario.stages), len(rows), len(scenario.benefits)
    emph = np.ones((S, M, B))
    for s, stage in enumerate(scenario.stages):
        base = stage.shift
        emph[s] = shift_factors(base, scenario.benefits)
        for i, m in enumerate(rows):
            own = m.emphasis.get(stage.id)
            if own:
                emph[s, i] = shift_factors({**base, **own}, scenario.benefits)
    regime = np.zeros(S, dtype=np.int64)
    for s in range(1, S):
        same = s > d or np.array_equal(emph[s], emph[s - 1])
        regime[s] = regime[s - 1] + (0 if same else 1)
    if d + 1 < S:
        emph[d + 1:] = emph[d]            # after the decision the vote is over: the weights stay
    return emph, regime


def _variant_tables(prio_v: np.ndarray, emph: np.ndarray, regime: np.ndarray, cap, rcap, style_benefit,
                    decider, p: Params, guess_of: np.ndarray) -> dict[str, np.ndarray]:
    """Care, ranks, credibilities and rival menus of every variant under every regime (see Tables)."""
    V, M, B = prio_v.shape
    K = len(rcap)
    firsts = [int(np.flatnonzero(regime == q)[0]) for q in range(int(regime.max()) + 1)]
    out: dict[str, list] = {k: [] for k in ("v_care", "v_rank", "v_top", "v_cred", "v_rcred", "v_menu", "v_guess")}
    for s in firsts:
        now = prio_v * emph[s]
        care = care_of(now)
        rcred = np.stack([credibility(care, rcap[k]) for k in range(K)], axis=1) if K else np.zeros((V, 0, M))
        best, pitch, ref = rival_menu(care, rcred, rcap, style_benefit, decider, p) if K else (
            np.zeros((V, 0, M)),) * 3
        guess = rival_guess(care, care[guess_of], rcap, style_benefit, p) if K else (np.zeros((V, 0, M)),) * 3
        out["v_care"].append(care.reshape(V * M, B))
        rank = priority_rank(now).reshape(V * M, B)
        out["v_rank"].append(rank)
        out["v_top"].append(top_benefit(rank))
        out["v_cred"].append(credibility(care, cap).reshape(V * M))
        out["v_rcred"].append(rcred.transpose(0, 2, 1).reshape(V * M, K))
        out["v_menu"].append(np.stack([x.transpose(0, 2, 1).reshape(V * M, K).astype(float)
                                       for x in (best, pitch, ref)]))
        out["v_guess"].append(np.stack([x.transpose(0, 2, 1).reshape(V * M, K).astype(float)
                                        for x in guess + (ref,)]))
    return {k: np.ascontiguousarray(np.stack(v)) for k, v in out.items()}


def _guess_rows(n_rows: int, scale: float) -> np.ndarray:
    """(n_rows,) the variant row a rival believes for each variant row: the file's row (``IDENTITY``) with
    the same budget cuts (rows are cut set x V + variant)."""
    V, ident = (N_VARIANTS, IDENTITY) if scale > 0 else (1, 0)
    return np.arange(n_rows) // V * V + ident


def _pow_tables(p: Params, n: int) -> dict[str, np.ndarray]:
    steps = np.arange(n, dtype=np.int64)
    return {f"{name}_pow": np.power(decay, steps) for name, decay in
            (("pitch", p.pitch_decay), ("show", p.show_decay), ("ask", p.ask_decay), ("post", p.post_decay))}


def compile_tables(scenario: Scenario, params: Params | None = None) -> Tables:
    p = params or DEFAULT_PARAMS
    bids = scenario.benefit_ids
    bindex = {b: i for i, b in enumerate(bids)}
    rows: list[Member] = list(scenario.members)
    succ_row: dict[int, int] = {}
    for e, ev in enumerate(scenario.events):
        if ev.type == "member_leaves" and ev.successor is not None:
            succ_row[e] = len(rows)
            rows.append(ev.successor)
    M, B, K, S = len(rows), len(bids), len(scenario.competitors), len(scenario.stages)
    first_row: dict[str, int] = {}
    for i, m in enumerate(rows):
        first_row.setdefault(m.id, i)

    prio0 = np.zeros((M, B))
    roles = np.zeros((M, len(ROLES)), dtype=bool)
    for i, m in enumerate(rows):
        for b, w in m.priorities.items():
            if b in bindex:
                prio0[i, bindex[b]] = w
        for r in m.roles:
            roles[i, ROLE_INDEX[r]] = True
    influence = np.array([m.influence for m in rows], dtype=float)
    rw = np.array([p.weight_initiator, p.weight_user, p.weight_buyer, p.weight_influencer,
                   p.weight_decider, p.weight_gatekeeper])  # ROLES order
    weight = influence * np.where(roles, rw, 0.0).max(axis=1)
    decider = roles[:, ROLE_INDEX["decider"]]
    user_like = roles[:, ROLE_INDEX["user"]] | roles[:, ROLE_INDEX["influencer"]]
    buyer = roles[:, ROLE_INDEX["buyer"]]

    cap = np.array([scenario.vendor.capabilities.get(b, 0.0) for b in bids], dtype=float)
    rcap = np.array([[c.capabilities.get(b, 0.0) for b in bids] for c in scenario.competitors],
                    dtype=float).reshape(K, B)
    stance0 = np.array([m.stance for m in rows], dtype=float)
    rival0 = np.array([[c.stance.get(m.id, 0.0) for m in rows] for c in scenario.competitors],
                      dtype=float).reshape(K, M)
    present0 = np.arange(M) < len(scenario.members)
    gate0 = np.array([first_row.get(m.gated_by, -1) if m.gated_by else -1 for m in rows], dtype=np.int64)
    gate0[gate0 == np.arange(M)] = -1
    gatekeeper = roles[:, ROLE_INDEX["gatekeeper"]] | np.isin(np.arange(M), gate0[gate0 >= 0])
    by_id = {mid: tuple(i for i, m in enumerate(rows) if m.id == mid) for mid in first_row}
    links = compile_links(rows, by_id, roles, influence, decider, p.champion_influence,
                          defaults=scenario.champions == "roles")

    d = scenario.decision_index
    activity = np.empty((S, M))
    for s, st in enumerate(scenario.stages):
        focus = np.zeros(len(ROLES), dtype=bool)
        for r in st.focus:
            focus[ROLE_INDEX[r]] = True
        a = np.where((roles & focus).any(axis=1), p.act_focus, p.act_other)
        floor = p.act_decision if s == d else p.act_decider
        activity[s] = np.where(decider, np.maximum(a, floor), a)
    pilot_stage = np.array([st.id in PILOT_STAGES for st in scenario.stages])
    if not pilot_stage[: d + 1].any():
        pilot_stage[max(0, d - 2): d] = True

    evs = scenario.events
    sindex = {s: i for i, s in enumerate(scenario.stage_ids)}
    kindex = {c.id: i for i, c in enumerate(scenario.competitors)}
    ev_stage = np.array([sindex.get(e.stage, -1) for e in evs], dtype=np.int64)
    ev_member = np.array([first_row.get(getattr(e, "member", None) or "", -1) for e in evs], dtype=np.int64)
    ev_rival = np.array([kindex.get(getattr(e, "competitor", None) or "", -1) for e in evs], dtype=np.int64)

    style_member = np.ones((K, M))
    style_benefit = np.ones((K, B))
    style_reference = np.ones(K)
    kinds = _kind_table(scenario)
    price = kinds[:, [KIND_INDEX[k] for k in PRICE_KINDS]].any(axis=1)
    tech = kinds[:, KIND_INDEX["technology"]]
    for k, c in enumerate(scenario.competitors):
        if c.style == "price":
            style_member[k, buyer | decider] = p.style_focus
            style_benefit[k, price] = p.style_focus
            style_reference[k] = 0.5
        elif c.style == "technology":
            style_member[k, roles[:, ROLE_INDEX["influencer"]] | roles[:, ROLE_INDEX["user"]]] = p.style_focus
            style_benefit[k, tech] = p.style_focus
            style_reference[k] = 0.5
        elif c.style == "relationship":
            style_member[k, decider | gatekeeper] = p.style_focus
            style_reference[k] = p.style_focus
        # balanced: no preference, goes where the gain is largest

    sw = scenario.scoring
    score_weights = np.array([sw.outcome, sw.alignment, sw.coverage, sw.efficiency, sw.relationship], dtype=float)
    total = score_weights.sum()
    score_weights = score_weights / total if total > 0 else np.full(5, 0.2)

    need = need_tables(scenario, rows, decider, roles[:, ROLE_INDEX["influencer"]], roles[:, ROLE_INDEX["user"]], p)
    fixed = np.array([("concern" in m.pin) for m in rows], dtype=bool)        # a pinned concern: the roles' worry
    need_prior = np.where(fixed[:, None], need[0], prior_table(
        need, min(1.0, p.doubt_vary * VARIATION_SCALE[scenario.variation])))
    arrays = dict(
        prio0=prio0, influence=influence, links=links, roles=roles, decider=decider, user_like=user_like, buyer=buyer,
        gatekeeper=gatekeeper, weight=weight, stance0=stance0, rival0=rival0, present0=present0, gate0=gate0,
        cap=cap, rcap=rcap, activity=activity, benefit_kinds=kinds,
        points=np.array([st.actions for st in scenario.stages], dtype=np.int64),
        pilot_stage=pilot_stage, price_mask=price, proof_need=need[0], need_by_shift=need, need_prior=need_prior, ev_stage=ev_stage,
        ev_prob=np.array([e.probability for e in evs], dtype=float),
        ev_type=np.array([EVENT_CODES[e.type] for e in evs], dtype=np.int64),
        ev_member=ev_member, ev_succ=np.array([succ_row.get(e, -1) for e in range(len(evs))], dtype=np.int64),
        ev_rival=ev_rival, ev_sev=np.array([getattr(e, "severity", 0.0) for e in evs], dtype=float),
        style_member=style_member, style_benefit=style_benefit, style_reference=style_reference,
        score_weights=score_weights, rival_decay=np.repeat([p.pitch_decay, p.show_decay], M),
        **_pow_tables(p, int(sum(st.actions for st in scenario.stages)) + 2),
        top3=top_three(prio0), pin_priorities=np.array([("priorities" in m.pin) for m in rows], dtype=bool),
        pin_stance=np.array([("stance" in m.pin) for m in rows], dtype=bool),
        pin_concern=np.array([("concern" in m.pin) for m in rows], dtype=bool),
        concern0=np.array([concern_code(m.concern, bids) for m in rows], dtype=np.int64),
    )
    emph, regime = _emphasis(scenario, rows, d)
    scale = VARIATION_SCALE[scenario.variation]
    pin_prio = np.array([("priorities" in m.pin) for m in rows], dtype=bool)
    prio_v = variant_rows(prio0, arrays["top3"], pin_prio, p.vary_weight, scale)
    order = [e for s in range(S) for e in range(len(evs)) if ev_stage[e] == s]      # firing order
    cuts = [e for e in order if evs[e].type == "budget_cut"]
    cut_bit = np.full(len(evs), -1, dtype=np.int64)
    if len(cuts) <= MAX_CUT_TABLES:
        cut_bit[cuts] = np.arange(len(cuts))
        prio_v = with_cuts(prio_v, [(float(arrays["ev_sev"][e]), price) for e in cuts])
    arrays.update(emphasis=emph, regime=regime, variants=prio_v, cut_bit=cut_bit,
                  **_variant_tables(prio_v, emph, regime, cap, rcap, style_benefit, decider, p,
                                    _guess_rows(len(prio_v), scale)))
    return Tables(
        scenario=scenario, params=p, rows=tuple(rows), member_ids=tuple(m.id for m in rows),
        benefit_ids=bids, stage_ids=scenario.stage_ids, rival_ids=tuple(c.id for c in scenario.competitors),
        n_initial=len(scenario.members), decision=d, n_rounds=S,
        variation=VARIATION_SCALE[scenario.variation],
        n_variants=N_VARIANTS if VARIATION_SCALE[scenario.variation] > 0 else 1,
        quality=_mean_cap(cap, kinds[:, KIND_INDEX["quality"]]),
        delivery_quality=_mean_cap(cap, kinds[:, KIND_INDEX["delivery"]]),
        support_quality=_mean_cap(cap, kinds[:, KIND_INDEX["support"]]),
        potential=float(getattr(p, f"potential_{scenario.potential}")),
        ev_ids=tuple(e.id for e in evs),
        stage_events=tuple(tuple(e for e in range(len(evs)) if ev_stage[e] == s) for s in range(S)),
        gated_rows=tuple(np.flatnonzero(gate0 >= 0).tolist()),
        rows_by_id=by_id,
        **{k: _frozen(v) for k, v in arrays.items()},
    )

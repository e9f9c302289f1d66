"""Is an action legal now, and if not, why: the one place the engine answers it.

Every rule is written once, in :func:`refusal_codes`, vectorised over rows
(one row per game of a batch, or one per candidate action of game 0).  Its
answer is a code per row: 0 = legal, else the first rule broken, in the
order of ``RULES``.  Everything else asks it:

* the batch: ``actions.slot_legal`` is ``refusal_codes(...) == 0``;
* a planned list for one game (:func:`check_actions`): walks the list in
  order with a :class:`Budget` (points, one pilot, discount cap, referrals
  already made this round), as playing the list would spend them;
* the observation's legal actions (:func:`action_table` + :func:`legal_mask`);
* ``Game.action_list`` / ``Game.action_mask`` / ``Game.plan_mask`` for a
  flat action space (:func:`every_action`, :func:`extension_mask`);
* the planners' masks (:func:`member_legal`, :func:`kind_legal`).

A refusal is a :class:`Refusal`: a message key (listed in
``messages.MESSAGE_KEYS``, translated in every catalog) plus parameters,
and the position of the refused action in the plan.  :func:`english`
renders it in English for library users and ``IllegalAction``.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from game.engine.messages import MESSAGE_PARAMS, msg
from game.engine.state import BatchState
from game.engine.tables import Tables
from game.engine.types import (ACTION_COSTS, ACTION_KINDS, MEMBER_OPTIONAL, NEEDS_BENEFIT, NEEDS_MEMBER,
                               POST_SALE_KINDS, Action)

N_KINDS = len(ACTION_KINDS)
ASK, PITCH, REFERENCE, DEMO, PILOT, DISCOUNT, REFER = range(7)
COST = np.array([ACTION_COSTS[k] for k in ACTION_KINDS], dtype=np.int64)
TAKES_MEMBER = np.array([k in NEEDS_MEMBER for k in ACTION_KINDS])
MAY_TAKE_MEMBER = np.array([k in MEMBER_OPTIONAL for k in ACTION_KINDS])
TAKES_BENEFIT = np.array([k in NEEDS_BENEFIT for k in ACTION_KINDS])
IS_POST = np.array([k in POST_SALE_KINDS for k in ACTION_KINDS])
NEEDS_OPEN = np.isin(np.arange(N_KINDS), [ASK, PITCH, REFERENCE, DEMO])   # not possible on a locked member

#: The game rules in the order they are judged; code = position + 1 (0 = legal).  ``explain`` turns
#: a code into a Refusal (``locked`` becomes ``refusal.behind_gatekeeper`` or ``refusal.shielded``).
RULES: tuple[str, ...] = (
    "game_over", "unknown_kind", "deal_signed", "after_the_sale", "unknown_member", "unknown_benefit",
    "member_gone", "refer_not_needed", "already_referred", "no_sponsor", "locked",
    "pilot_stage", "one_pilot", "discount_cap", "points",
)


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a plan is not legal: a message key, its parameters, and which action (0-based) it refuses."""

    key: str
    params: tuple[tuple[str, object], ...] = ()
    action: int | None = None

    def param(self, name: str, default: object = None) -> object:
        for k, v in self.params:
            if k == name:
                return v
        return default


def refusal(key: str, action: int | None = None, **params: object) -> Refusal:
    """A Refusal with its parameters in the documented order (unknown keys/params raise KeyError)."""
    m = msg(key, **params)
    return Refusal(m.key, m.params, action)


@dataclass(slots=True)
class Budget:
    """What a round's earlier actions use up, per row: points, the pilot, discounts, referrals (M,)."""

    points: np.ndarray
    pilot_used: np.ndarray
    discount_steps: np.ndarray
    referred: np.ndarray

    @classmethod
    def of(cls, st: BatchState, g) -> "Budget":
        return cls(st.points[g].copy(), st.pilot_used[g].copy(), st.discount_steps[g].copy(),
                   st.referred[g].copy())

    def spend(self, kind: int, member: int) -> None:
        """Row 0 plays (kind, member): what it uses up (as the action handlers do)."""
        self.points[0] -= COST[kind]
        if kind == PILOT:
            self.pilot_used[0] = True
        elif kind == DISCOUNT:
            self.discount_steps[0] += 1
        elif kind == REFER:
            self.referred[0, member] = True


def refusal_codes(st: BatchState, tb: Tables, g, kind: np.ndarray, member: np.ndarray, benefit: np.ndarray,
                  budget: Budget | None = None) -> np.ndarray:
    """(n,) int: 0 where the action of the row is legal now, else the code of the first rule it breaks.

    ``g`` selects the game of each row: a (n,) index array, or ``slice(None)``
    for every game of the batch (then n = G).  ``budget`` overrides what the
    state says is left of the round (points, pilot, discounts, referrals).
    A member or benefit given to a kind that takes none is ignored.
    """
    kind, member, benefit = np.asarray(kind), np.asarray(member), np.asarray(benefit)
    games = np.arange(st.G) if isinstance(g, slice) else np.asarray(g)
    n = len(kind)
    k = np.minimum(np.maximum(kind, 0), N_KINDS - 1)
    m = np.minimum(np.maximum(member, 0), tb.M - 1)
    cell = games * tb.M + m                                      # flat (game, member) cell of each row
    if budget is None:
        points, pilot_used, steps = st.points[g], st.pilot_used[g], st.discount_steps[g]
        referred = st.referred.reshape(-1).take(cell)
    else:
        points, pilot_used, steps = budget.points, budget.pilot_used, budget.discount_steps
        referred = budget.referred[np.arange(n), m]
    post = st.round > tb.decision
    pilot_closed = st.round >= len(tb.pilot_stage) or not tb.pilot_stage[st.round]
    takes_member = TAKES_MEMBER[k] | (MAY_TAKE_MEMBER[k] & (member >= 0))
    present, locked = st.present.reshape(-1).take(cell), st.locked.reshape(-1).take(cell)
    refer = kind == REFER
    pilot = kind == PILOT
    broken = np.empty((len(RULES), n), bool)                     # row = rule, in the order of RULES
    broken[0] = ~st.active[g]
    broken[1] = (kind < 0) | (kind >= N_KINDS)
    broken[2] = ~IS_POST[k] if post else False
    broken[3] = False if post else IS_POST[k]
    broken[4] = takes_member & ((member < 0) | (member >= tb.M))
    broken[5] = TAKES_BENEFIT[k] & ((benefit < 0) | (benefit >= tb.B))
    broken[6] = takes_member & ~present
    broken[7] = refer & ~locked
    broken[8] = refer & referred
    broken[9] = refer & ~st.can_refer[g]
    broken[10] = NEEDS_OPEN[k] & locked
    broken[11] = pilot if pilot_closed else False
    broken[12] = pilot & pilot_used
    broken[13] = (kind == DISCOUNT) & (steps >= tb.params.discount_max)
    broken[14] = COST[k] > points
    return first_rule(broken)


_RULE_WEIGHT = np.arange(len(RULES), 0, -1, dtype=np.uint8)[:, None]     # rule i weighs len(RULES) - i


def first_rule(broken: np.ndarray) -> np.ndarray:
    """(n,) code of the first True row of each column of the (rules, n) bool array (1-based), 0 for none.

    What ``for c in reversed(rules): code[broken[c - 1]] = c`` gives, as one column-wise max of weights.
    """
    if broken.shape[1] == 1:                 # one row (a single game's action): the first True, in Python
        first = int(broken[:, 0].argmax())
        return np.array([first + 1 if broken[first, 0] else 0], np.int64)
    heaviest = (broken * _RULE_WEIGHT).max(axis=0)
    return np.where(heaviest > 0, len(broken) + 1 - heaviest.astype(np.int64), 0)


def kind_legal(st: BatchState, tb: Tables, kind: int) -> np.ndarray:
    """(G,) bool: may each game play ``kind`` (a kind aimed at no member, or the whole account) now?"""
    return refusal_codes(st, tb, slice(None), np.full(st.G, kind), np.full(st.G, -1), np.full(st.G, -1)) == 0


def member_legal(st: BatchState, tb: Tables, kind: int) -> np.ndarray:
    """(G,M) bool: may each game play ``kind`` on each member now (benefit 0 for a pitch)?"""
    n = st.G * tb.M
    games = np.repeat(np.arange(st.G), tb.M)
    rows = np.tile(np.arange(tb.M), st.G)
    return (refusal_codes(st, tb, games, np.full(n, kind), rows, np.zeros(n, np.int64)) == 0).reshape(st.G, tb.M)


# ------------------------------------------------------------------ the action table (mask, legal list)
def action_table(st: BatchState, tb: Tables) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every well-formed action of the current phase for game 0: (kind, member, benefit) index arrays.

    Pre-sale, per present member: refer, ask, a pitch of each benefit,
    reference, demo; then pilot and discount.  Post-sale: deliver, support
    (whole account), support / train / review per present member.
    """
    here = np.flatnonzero(st.present[0]).tolist()
    out: list[tuple[int, int, int]] = []
    if st.round > tb.decision:
        deliver, support, train, review = (ACTION_KINDS.index(x) for x in POST_SALE_KINDS)
        out += [(deliver, -1, -1), (support, -1, -1)]
        out += [(k, m, -1) for k in (support, train, review) for m in here]
    else:
        for m in here:
            out += [(REFER, m, -1), (ASK, m, -1)] + [(PITCH, m, b) for b in range(tb.B)]
            out += [(REFERENCE, m, -1), (DEMO, m, -1)]
        out += [(PILOT, -1, -1), (DISCOUNT, -1, -1)]
    a = np.array(out, np.int64).reshape(-1, 3)
    return a[:, 0], a[:, 1], a[:, 2]


def legal_mask(st: BatchState, tb: Tables, kind, member, benefit, budget: Budget | None = None) -> np.ndarray:
    """(n,) bool: which of these candidate actions game 0 could play now, each alone (after ``budget``)."""
    kind = np.asarray(kind)
    n = len(kind)
    if budget is not None:
        budget = Budget(np.repeat(budget.points, n), np.repeat(budget.pilot_used, n),
                        np.repeat(budget.discount_steps, n), np.repeat(budget.referred, n, axis=0))
    return refusal_codes(st, tb, np.zeros(n, np.int64), kind, member, benefit, budget) == 0


def every_action(tb: Tables) -> tuple[Action, ...]:
    """Every action a scenario could offer, both phases, every member id and benefit (a fixed flat list)."""
    out: list[Action] = []
    for kind in ACTION_KINDS:
        members: list = [None] if kind not in NEEDS_MEMBER else []
        if kind in NEEDS_MEMBER or kind in MEMBER_OPTIONAL:
            members += list(dict.fromkeys(tb.member_ids))
        benefits: list = list(tb.benefit_ids) if kind in NEEDS_BENEFIT else [None]
        out += [Action(kind, m, b) for m in members for b in benefits]
    return tuple(out)


def extension_mask(st: BatchState, tb: Tables, plan: Sequence[object], candidates: Sequence[Action]) -> np.ndarray:
    """(n,) bool: which ``candidates`` (well-formed Actions) may follow the legal ``plan`` this round."""
    refused, budget = _walk(st, tb, plan)
    if refused is not None or not candidates:
        return np.zeros(len(candidates), bool)
    k, m, b = (np.array(x, np.int64) for x in zip(*(resolve(st, tb, a) for a in candidates)))
    return legal_mask(st, tb, k, m, b, budget)


# ------------------------------------------------------------------ a planned list of Actions (game 0)
def member_row(st: BatchState, tb: Tables, member_id: str) -> int:
    """Row of the present member with this id, else the first row with it, else -1."""
    rows = tb.rows_by_id.get(member_id, ()) if isinstance(member_id, str) else ()
    for i in rows:
        if st.present[0, i]:
            return i
    return rows[0] if rows else -1


def resolve(st: BatchState, tb: Tables, action: Action) -> tuple[int, int, int]:
    """(kind, row, benefit) indices of a well-formed action (-1 for what it does not take)."""
    k = ACTION_KINDS.index(action.kind)
    m = member_row(st, tb, action.member) if action.member is not None else -1
    b = tb.benefit_ids.index(action.benefit) if action.benefit is not None else -1
    return k, m, b


def _close(word: object, options: Sequence[str]) -> str | None:
    close = difflib.get_close_matches(str(word), list(options), n=1)
    return close[0] if close else None


def form_refusal(st: BatchState, tb: Tables, a: object, n: int) -> Refusal | None:
    """Is ``a`` a well-formed Action for this scenario (kind, member and benefit as its kind needs)?"""
    if not isinstance(a, Action):
        return refusal("refusal.not_an_action", n, got=type(a).__name__)
    if a.kind not in ACTION_KINDS:
        return refusal("refusal.unknown_kind", n, kind=str(a.kind), suggestion=_close(a.kind, ACTION_KINDS))
    if a.kind in NEEDS_MEMBER and a.member is None:
        return refusal("refusal.needs_member", n, kind=a.kind)
    if a.kind not in NEEDS_MEMBER and a.kind not in MEMBER_OPTIONAL and a.member is not None:
        return refusal("refusal.takes_no_member", n, kind=a.kind)
    if a.kind in NEEDS_BENEFIT and a.benefit is None:
        return refusal("refusal.needs_benefit", n, kind=a.kind)
    if a.kind not in NEEDS_BENEFIT and a.benefit is not None:
        return refusal("refusal.takes_no_benefit", n, kind=a.kind)
    if a.benefit is not None and a.benefit not in tb.benefit_ids:
        return refusal("refusal.unknown_benefit", n, kind=a.kind, benefit=str(a.benefit),
                       suggestion=_close(a.benefit, tb.benefit_ids))
    if a.member is not None and member_row(st, tb, a.member) < 0:
        present = [tb.member_ids[i] for i in np.flatnonzero(st.present[0])]
        return refusal("refusal.unknown_member", n, kind=a.kind, member=str(a.member),
                       suggestion=_close(a.member, present))
    return None


def explain(st: BatchState, tb: Tables, code: int, n: int, k: int, m: int, b: int, budget: Budget) -> Refusal:
    """The Refusal of rule ``code`` for action ``n`` (kind k, row m, benefit b) of game 0, with its parameters."""
    p = tb.params
    rule = RULES[code - 1]
    if rule == "game_over":
        return refusal("refusal.game_over")
    key = f"refusal.{rule}"
    left = int(st.points[0])
    values: dict[str, object] = {
        "kind": ACTION_KINDS[k] if 0 <= k < N_KINDS else str(k),
        "member": tb.member_ids[m] if 0 <= m < tb.M else str(m),
        "benefit": tb.benefit_ids[b] if 0 <= b < tb.B else str(b),
        "suggestion": None, "count": p.discount_max, "points": left,
        "cost": left - int(budget.points[0]) + int(COST[min(max(k, 0), N_KINDS - 1)]),
        "threshold": p.refer_threshold if rule == "no_sponsor" else p.unlock_threshold,
    }
    if rule == "locked":
        gk = int(st.gate[0, m])
        if gk >= 0 and st.stance[0, gk] < p.unlock_threshold:
            key, values["gatekeeper"] = "refusal.behind_gatekeeper", tb.member_ids[gk]
        else:
            shields = [int(x) for x in np.flatnonzero(st.blocker[0] & st.present[0]) if x != m]
            key, values["blocker"] = "refusal.shielded", tb.member_ids[shields[0]] if shields else None
    if rule == "pilot_stage":
        stages = [s.id for s, on in zip(tb.scenario.stages, tb.pilot_stage) if on]
        values["stage"] = stages[0] if stages else None
    return refusal(key, n, **{name: values[name] for name in MESSAGE_PARAMS[key]})


def check_actions(st: BatchState, tb: Tables, actions: Sequence[object]) -> Refusal | None:
    """None if game 0 may play ``actions`` in this order this round, else the first Refusal."""
    return _walk(st, tb, actions)[0]


def _walk(st: BatchState, tb: Tables, actions: Sequence[object]) -> tuple[Refusal | None, Budget]:
    """Judge ``actions`` in order, each after what the earlier ones used up; (first refusal, budget left)."""
    zero = np.zeros(1, np.int64)
    budget = Budget.of(st, zero)
    if not st.active[0]:
        return refusal("refusal.game_over"), budget
    for n, a in enumerate(actions):
        bad = form_refusal(st, tb, a, n)
        if bad is not None:
            return bad, budget
        k, m, b = resolve(st, tb, a)
        code = int(refusal_codes(st, tb, zero, np.array([k]), np.array([m]), np.array([b]), budget)[0])
        if code:
            return explain(st, tb, code, n, k, m, b, budget), budget
        budget.spend(k, m)
    return None, budget


# ------------------------------------------------------------------ English
ENGLISH: dict[str, str] = {
    "refusal.not_a_list": "expected a list of actions",
    "refusal.game_over": "the game is over: no more actions can be played",
    "refusal.not_an_action": "expected an Action, got {got}",
    "refusal.unknown_kind": "unknown action kind '{kind}'",
    "refusal.needs_member": "say which member it is aimed at",
    "refusal.takes_no_member": "'{kind}' is not aimed at a member; leave the member out",
    "refusal.needs_benefit": "say which benefit to pitch",
    "refusal.takes_no_benefit": "only a pitch takes a benefit; leave the benefit out",
    "refusal.unknown_benefit": "no benefit '{benefit}' in this scenario",
    "refusal.unknown_member": "no member '{member}' in this buying center",
    "refusal.deal_signed": "the deal is signed, this is a post-sale round; use a post-sale action",
    "refusal.after_the_sale": "'{kind}' is a post-sale action, possible only after you win the deal",
    "refusal.member_gone": "{member} is no longer part of the buying center",
    "refusal.refer_not_needed": "{member} can already be reached; a referral is not needed",
    "refusal.already_referred": "{member} has already been referred; the door opens next round",
    "refusal.no_sponsor": ("nobody you can reach backs you enough to introduce you yet "
                           "(a member needs a stance of at least {threshold})"),
    "refusal.behind_gatekeeper": ("{member} is reached only through {gatekeeper}: win them over (stance of at "
                                  "least {threshold}) or get a referral ('refer') first"),
    "refusal.shielded": ("{member} is shielded by {blocker}, who now opposes the change: win them back "
                         "(stance of at least {threshold}) or get a referral ('refer') first"),
    "refusal.pilot_stage": "a pilot fits only the test stages ({stage})",
    "refusal.one_pilot": "the customer runs only one pilot per deal",
    "refusal.discount_cap": "at most {count} discounts per deal; the margin is gone",
    "refusal.points": "these actions cost {cost} points but this round has only {points}",
    "refusal.undo_nothing": "no round has been played yet: there is nothing to undo",
    "refusal.undo_decided": "the customer has decided: the rounds up to the decision can no longer be undone",
}


def english(r: Refusal, tb: Tables | None = None) -> str:
    """The refusal in English (members as "Name (Title)", stages by name), prefixed by the action it refuses."""
    values: dict[str, object] = {}
    for name, v in r.params:
        if name in ("member", "gatekeeper", "blocker") and tb is not None:
            rows = tb.rows_by_id.get(v, ()) if isinstance(v, str) else ()
            v = f"{tb.rows[rows[0]].name} ({tb.rows[rows[0]].title})" if rows else (v or "a blocker")
        elif name == "stage" and tb is not None:
            v = next((s.name for s in tb.scenario.stages if s.id == v), v)
        elif name == "threshold":
            v = f"{v:+.2f}"
        values[name] = v
    text = ENGLISH[r.key].format(**values)
    if r.key in ("refusal.unknown_kind", "refusal.unknown_benefit", "refusal.unknown_member"):
        s = r.param("suggestion")
        text += f" (did you mean '{s}'?)" if s else ""
    if r.action is None:
        return text
    kind = r.param("kind")
    return f"action {r.action + 1}" + (f" ({kind})" if kind and r.key != "refusal.unknown_kind" else "") + \
        f": {text}"

"""Checking a planned list of actions for game 0, with a clear reason when it is not legal.

The rules are those of ``actions.slot_legal`` (judged at the start of the
round); this module only explains them in words and walks the list in order
so that per-round counters (points, one pilot, discount cap) are respected.
"""
from __future__ import annotations

import difflib
from typing import Sequence

import numpy as np

from game.engine.state import BatchState
from game.engine.tables import PILOT_STAGES, Tables
from game.engine.types import (ACTION_KINDS, MEMBER_OPTIONAL, NEEDS_BENEFIT, NEEDS_MEMBER, POST_SALE_KINDS,
                               PRE_SALE_KINDS, Action)


def _suggest(word: str, options: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1)
    return f" (did you mean '{close[0]}'?)" if close else f" (one of: {', '.join(options)})"


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


def _describe(tb: Tables, m: int) -> str:
    row = tb.rows[m]
    return f"{row.name} ({row.title})"


def check_actions(st: BatchState, tb: Tables, actions: Sequence[Action]) -> str | None:
    if not st.active[0]:
        return "the game is over: no more actions can be played"
    post = st.round > tb.decision
    p = tb.params
    points = int(st.points[0])
    total = 0
    pilots = int(st.pilot_used[0])
    referred: set[int] = set()
    discounts = int(st.discount_steps[0])
    present_ids = [tb.member_ids[i] for i in np.flatnonzero(st.present[0])]
    for n, a in enumerate(actions, 1):
        where = f"action {n}"
        if not isinstance(a, Action):
            return f"{where}: expected an Action, got {type(a).__name__}"
        if a.kind not in ACTION_KINDS:
            return f"{where}: unknown action kind '{a.kind}'{_suggest(str(a.kind), ACTION_KINDS)}"
        where = f"action {n} ({a.kind})"
        if post and a.kind in PRE_SALE_KINDS:
            return (f"{where}: the deal is signed, this is a post-sale round; "
                    f"use one of: {', '.join(POST_SALE_KINDS)}")
        if not post and a.kind in POST_SALE_KINDS:
            return f"{where}: '{a.kind}' is a post-sale action, possible only after you win the deal"
        if a.kind in NEEDS_MEMBER and a.member is None:
            return f"{where}: say which member it is aimed at"
        if a.kind not in NEEDS_MEMBER and a.kind not in MEMBER_OPTIONAL and a.member is not None:
            return f"{where}: '{a.kind}' is not aimed at a member; leave the member out"
        if a.kind in NEEDS_BENEFIT and a.benefit is None:
            return f"{where}: say which benefit to pitch"
        if a.kind not in NEEDS_BENEFIT and a.benefit is not None:
            return f"{where}: only a pitch takes a benefit; leave the benefit out"
        if a.benefit is not None and a.benefit not in tb.benefit_ids:
            return f"{where}: no benefit '{a.benefit}' in this scenario{_suggest(str(a.benefit), tb.benefit_ids)}"
        if a.member is not None:
            m = member_row(st, tb, a.member)
            if m < 0:
                return f"{where}: no member '{a.member}' in this buying center{_suggest(str(a.member), present_ids)}"
            if not st.present[0, m]:
                return f"{where}: {_describe(tb, m)} is no longer part of the buying center"
            locked = bool(st.locked[0, m])
            if not post and a.kind == "refer":
                if not locked:
                    return f"{where}: {_describe(tb, m)} can already be reached; a referral is not needed"
                if st.referred[0, m] or m in referred:
                    return (f"{where}: {_describe(tb, m)} has already been referred; "
                            f"the door opens next round")
                referred.add(m)
                if not st.can_refer[0]:
                    return (f"{where}: nobody you can reach backs you enough to introduce you yet "
                            f"(a member needs a stance of at least {p.refer_threshold:+.2f})")
            elif not post and locked:
                return f"{where}: {_locked_reason(st, tb, m)}"
        if a.kind == "pilot":
            if not tb.pilot_stage[st.round]:
                names = [s.name for s, on in zip(tb.scenario.stages, tb.pilot_stage) if on]
                return f"{where}: a pilot fits only the test stages: {', '.join(names) or ', '.join(PILOT_STAGES)}"
            if pilots >= 1:
                return f"{where}: the customer runs only one pilot per deal"
            pilots += 1
        if a.kind == "discount":
            if discounts >= p.discount_max:
                return f"{where}: at most {p.discount_max} discounts per deal; the margin is gone"
            discounts += 1
        total += a.cost
        if total > points:
            return f"{where}: these actions cost {total} points but this round has only {points}"
    return None


def _locked_reason(st: BatchState, tb: Tables, m: int) -> str:
    p = tb.params
    g = int(st.gate[0, m])
    who = _describe(tb, m)
    if g >= 0 and st.stance[0, g] < p.unlock_threshold:
        return (f"{who} is reached only through {_describe(tb, g)}: win them over (stance of at least "
                f"{p.unlock_threshold:+.2f}) or get a referral ('refer') first")
    blockers = [_describe(tb, int(b)) for b in np.flatnonzero(st.blocker[0] & st.present[0]) if b != m]
    return (f"{who} is shielded by {', '.join(blockers) or 'a blocker'}, who now opposes the change: win them "
            f"back (stance of at least {p.unlock_threshold:+.2f}) or get a referral ('refer') first")

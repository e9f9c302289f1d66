"""Advice that names the cause (issue 12): an otherwise expert player makes exactly one mistake, and the
debrief's first advice names that mistake (and its member, benefit or stage) in at least 80% of games.

Each row plays ``GAMES`` seeded batch games of the expert strategy with one mistake planted by a wrapper,
then builds the debrief of each game from its own slice of the batch (the same ``advice`` the single
``Game`` uses).
"""
from __future__ import annotations

import numpy as np
import pytest

from game.engine import compile_tables
from game.engine.actions import slot_legal
from game.engine.advice import advice
from game.engine.batch import BatchGame
from game.engine.strategies import get_strategy, strategy_rng
from game.engine.strategies.base import ASK, DISCOUNT, NOOP, PITCH, Strategy, play_round
from game.engine.types import ACTION_KINDS, Action
from game.scenario import bundled_scenarios, load_scenario, scenario_from_data

GAMES = 200
SHARE = 0.8


def hanbit(no_price: bool = False):
    sc = load_scenario(next(p for p in bundled_scenarios() if p.stem == "data_platform_hanbit"))
    if not no_price:
        return sc
    d = sc.model_dump(mode="json", exclude_none=True)
    d["events"] = [e for e in d.get("events", []) if e["type"] != "budget_cut"]     # nobody comes to care
    people = d["members"] + [e["successor"] for e in d["events"] if e.get("successor")]
    for m in people:
        m["priorities"] = {b: w for b, w in m["priorities"].items()
                           if b not in ("affordable_price", "cost_saving")} or {"support_24_7": 1}
    return scenario_from_data(d)


class OneMistake(Strategy):
    """The expert, with one mistake: members it never engages (``hide``), a benefit it pitches to one member
    instead of the right one, blind pitches to a member it never asks, a member it works only in the
    rounds ``late`` names (where they are least active), discounts it gives, no service after the sale."""

    name = "expert-with-a-mistake"

    def __init__(self, tb, hide=(), wrong=None, blind=None, discounts=0, no_service=False,
                 late=None):
        self.expert = get_strategy("expert")
        self.rows = [tb.row(m) for m in hide]
        self.wrong = None if wrong is None else tb.row(wrong)
        self.blind = None if blind is None else tb.row(blind)
        self.discounts, self.no_service = discounts, no_service
        self.late = None if late is None else (tb.row(late[0]), late[1])   # (member, rounds): work them only then
        self.log: list = []            # per slot: (round, kind, member, benefit) arrays

    def start_round(self, st, tb, rng):
        return self.expert.start_round(st, tb, rng)

    def choose(self, st, tb, rng, ctx):
        hidden = list(self.rows)
        if self.blind is not None:
            hidden.append(self.blind)
        if self.late is not None and st.round not in self.late[1]:
            hidden.append(self.late[0])
        saved = (st.locked.copy(), st.referred.copy())
        st.locked[:, hidden] = True               # the expert does not see them: unreachable, nothing to open
        st.referred[:, hidden] = True
        try:
            kind, member, benefit = self.expert.choose(st, tb, rng, ctx)
        finally:
            st.locked, st.referred = saved
        kind, member, benefit = kind.copy(), member.copy(), benefit.copy()
        first = st.points == tb.points[st.round]
        if self.late is not None and st.round in self.late[1]:
            m = self.late[0]
            now = (st.points >= tb.points[st.round] - 1) & st.active & ~st.locked[:, m]
            asked = st.revealed[:, m] > 0
            top = np.argmin(st.rank[:, m], axis=1)
            kind = np.where(now, np.where(asked, PITCH, ASK), kind)
            member = np.where(now, m, member)
            benefit = np.where(now & asked, top, np.where(now, -1, benefit))
        if self.wrong is not None:                 # the benefit this member cares least about (in this game)
            m = self.wrong                         # once a round, after hearing their top three (a follow-up
            worst = np.argmin(st.care[:, m], axis=1)   # first when needed): a mistake the player could know
            open_ = first & st.active & ~st.locked[:, m]
            more = open_ & (st.revealed[:, m] == 1)
            now = open_ & (st.revealed[:, m] > 1)
            kind = np.where(more, ASK, np.where(now, PITCH, kind))
            member = np.where(more | now, m, member)
            benefit = np.where(more, -1, np.where((kind == PITCH) & (member == m), worst, benefit))
        if self.blind is not None:
            top = np.argmin(st.rank[:, self.blind], axis=1)          # their true top priority
            now = first & ~st.locked[:, self.blind] & st.active
            kind, member, benefit = (np.where(now, PITCH, kind), np.where(now, self.blind, member),
                                     np.where(now, top, benefit))
        if self.discounts and st.round < self.discounts:
            now = first & st.active
            kind, member, benefit = (np.where(now, DISCOUNT, kind), np.where(now, -1, member),
                                     np.where(now, -1, benefit))
        return kind, member, benefit

    def choose_post(self, st, tb, rng, ctx):
        if self.no_service:
            return np.full(st.G, NOOP), np.full(st.G, -1), np.full(st.G, -1)
        return self.expert.choose_post(st, tb, rng, ctx)


class Recorder(Strategy):
    """Plays ``inner`` and keeps every game's history as engine Actions (for the debrief's advice)."""

    def __init__(self, inner, tb, games):
        self.inner, self.tb = inner, tb
        self.history = [[] for _ in range(games)]

    def start_round(self, st, tb, rng):
        for h in self.history:
            h.append([])
        return self.inner.start_round(st, tb, rng)

    def slot(self, st, tb, rng, ctx):
        kind, member, benefit = self.inner.slot(st, tb, rng, ctx)
        ok = slot_legal(st, tb, kind, member, benefit) & (kind >= 0)
        for g in np.flatnonzero(ok).tolist():
            m, b = int(member[g]), int(benefit[g])
            self.history[g][-1].append(Action(ACTION_KINDS[int(kind[g])], tb.member_ids[m] if m >= 0 else None,
                                              tb.benefit_ids[b] if b >= 0 else None))
        return kind, member, benefit


def play_recorded(tb, rec, games):
    """Plays ``games`` seeded games (seed 12) with the recording strategy ``rec``; returns the final state."""
    bg = BatchGame(tb, 12, games)
    rng = strategy_rng(12)
    while not bg.done:
        play_round(bg.state, tb, rec, rng)
        bg.end_round()
    return bg.state


def first_advice(sc, games=GAMES, only_won=False, **mistake):
    tb = compile_tables(sc)
    rec = Recorder(OneMistake(tb, **mistake), tb, games)
    st = play_recorded(tb, rec, games)
    out = []
    for g in range(games):
        if only_won and st.outcome[g] != 0:
            continue
        one = st.copy()
        for name in one.__slots__:
            v = getattr(one, name)
            if isinstance(v, np.ndarray) and v.ndim and v.shape[0] == st.G:
                setattr(one, name, v[g: g + 1].copy())
        one.G = 1
        out.append(advice(one, tb, rec.history[g])[0])
    return out


ROWS = [
    # mistake, scenario, the wrapper's mistake, the advice key and the parameters it must name
    ("a member who can stall never engaged", hanbit, dict(hide=("qa_head",)),
     "advice.missed_stall", {"member": "qa_head"}, False),
    ("a decider with a veto never engaged", hanbit, dict(hide=("cio",)),
     "advice.missed_veto", {"member": "cio"}, False),
    ("the wrong benefit", hanbit, dict(wrong="qa_head"),
     "advice.irrelevant_pitch", {"member": "qa_head"}, False),
    ("pitching before asking", hanbit, dict(blind="plant_manager"),
     "advice.ask_first", {"member": "plant_manager"}, False),
    ("the gatekeeper ignored", hanbit, dict(hide=("assistant", "ceo")),
     "advice.gatekeeper", {"member": "ceo", "gatekeeper": "assistant"}, False),
    ("the right benefit at the wrong stage", hanbit, dict(late=("plant_manager", (3, 4, 5))),
     "advice.stage_timing", {"member": "plant_manager", "stage": "problem_identification"}, False),
    ("a discount where nobody cared about price", lambda: hanbit(no_price=True), dict(discounts=3),
     "advice.discount_unneeded", {}, False),
    ("a discount before anyone asked for it", hanbit, dict(discounts=1),
     "advice.discount_unasked", {}, False),
    ("a neglected account after the sale", hanbit, dict(no_service=True),
     "advice.neglected_service", {}, True),
]


@pytest.mark.parametrize("mistake, make, planted, key, names, only_won", ROWS, ids=[r[0] for r in ROWS])
def test_the_first_advice_names_the_one_mistake(mistake, make, planted, key, names, only_won):
    firsts = first_advice(make(), only_won=only_won, **planted)
    assert len(firsts) >= 50
    right = [m for m in firsts if m.key == key and all(m.param(k) == v for k, v in names.items())]
    share = len(right) / len(firsts)
    assert share >= SHARE, (mistake, share, sorted({m.key for m in firsts}))


def test_an_expert_game_without_a_planted_mistake_gets_no_cause_advice_mostly():
    firsts = first_advice(hanbit(), games=100)
    causes = {"advice.missed_veto", "advice.missed_stall", "advice.irrelevant_pitch", "advice.ask_first",
              "advice.stage_timing", "advice.discount_unneeded", "advice.discount_unasked", "advice.gatekeeper"}
    assert sum(m.key in causes for m in firsts) <= 0.2 * len(firsts)

"""Debrief and coach use the same rules (issues 12 and 15): for the same planted mistake, the coach flags it
before a round ends and the debrief's first advice names it afterwards, both as the same entry of
game/engine/mistakes.py and with the same member.

Each row is one of test_advice_mistakes.ROWS: an otherwise expert player makes exactly one mistake.  The coach
reads the Observation each game showed at the start of each round (built from that game's slice of the batch)
and the round's plan; the debrief reads the finished game.
"""
from __future__ import annotations

import numpy as np
import pytest

from game.engine import compile_tables
from game.engine.advice import advice
from game.engine.coach import check_round
from game.engine.mistakes import BY_KEY, MISTAKES, mistake_of
from game.engine.observe import ActionCache, observe, static_views
from game.engine.types import Message
from test_advice_mistakes import ROWS, OneMistake, Recorder, play_recorded

GAMES = 60
SHARE = 0.8


def one_game(st, g):
    one = st.copy()
    for name in one.__slots__:
        v = getattr(one, name)
        if isinstance(v, np.ndarray) and v.ndim and v.shape[0] == st.G:
            setattr(one, name, v[g: g + 1].copy())
    one.G = 1
    return one


class Watched(Recorder):
    """Records each game's plan per round (Recorder) and the Observation it showed before the round."""

    def __init__(self, inner, tb, games):
        super().__init__(inner, tb, games)
        self.seen = [[] for _ in range(games)]
        self.statics, self.cache = static_views(tb), ActionCache()

    def start_round(self, st, tb, rng):
        for g in range(st.G):
            self.seen[g].append(observe(one_game(st, g), tb, self.statics, (), self.cache) if st.active[g] else None)
        return super().start_round(st, tb, rng)


def play(sc, planted):
    tb = compile_tables(sc)
    rec = Watched(OneMistake(tb, **planted), tb, GAMES)
    return tb, play_recorded(tb, rec, GAMES), rec


def coach_flags(rec, g) -> list[Message]:
    return [f for obs, plan in zip(rec.seen[g], rec.history[g]) if obs is not None for f in check_round(obs, plan)]


def test_every_mistake_has_one_entry_and_both_keys_map_to_it():
    assert len({m.id for m in MISTAKES}) == len(MISTAKES)
    for m in MISTAKES:
        for key in (m.advice, m.coach):
            if key:
                assert BY_KEY[key] is m and mistake_of(Message(key)) is m
    # the seven mistakes of issue 12 item 4 each have both a coach warning and a debrief advice
    both = {m.id for m in MISTAKES if m.advice and m.coach}
    assert {"veto_never_engaged", "staller_never_engaged", "wrong_benefit", "pitch_before_asking",
            "gatekeeper_ignored", "wrong_stage", "discount_unneeded", "account_neglected"} <= both


@pytest.mark.parametrize("mistake, make, planted, key, names, only_won", ROWS, ids=[r[0] for r in ROWS])
def test_coach_and_debrief_name_the_same_mistake(mistake, make, planted, key, names, only_won):
    tb, st, rec = play(make(), planted)
    target = BY_KEY[key]
    member = names.get("member")
    games = agree = 0
    for g in range(GAMES):
        if only_won and st.outcome[g] != 0:
            continue
        games += 1
        first = advice(one_game(st, g), tb, rec.history[g])[0]
        flags = [f for f in coach_flags(rec, g) if mistake_of(f) is target]
        same_member = member is None or (first.param("member") == member
                                         and any(f.param("member") == member for f in flags))
        agree += mistake_of(first) is target and bool(flags) and same_member
    assert games >= 20
    assert agree / games >= SHARE, (mistake, agree, games)

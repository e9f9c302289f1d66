"""Batch API: many seeded games of one scenario at once, on the same rules as ``Game``.

For vectorised strategies and the balance tool.  Everything is arrays with a
leading games axis G (see ``state.BatchState`` for every field)::

    from game.engine import compile_tables, BatchGame, ACTION_INDEX, NOOP
    bg = BatchGame(compile_tables(scenario), seed=7, games=10_000)
    while not bg.done:
        st = bg.state                       # read-only for strategies, by convention
        # what a fair strategy may look at: bg.known_care() (G,M,B), st.stance (G,M),
        # st.rival (G,K,M), st.present / st.locked (G,M), st.can_refer (G,),
        # st.points (G,), st.round, bg.tables.activity[st.round] (M,), tables.cap (B,) ...
        while (st.points > 0).any():
            kind, member, benefit = my_policy(bg)   # three (G,) int arrays; NOOP = -1 to pass
            applied = bg.apply(kind, member, benefit)   # illegal / unaffordable -> nothing
            if not applied.any():
                break
        bg.end_round()
    bg.scores()   # (G,) 0..1000;  bg.state.outcome (G,) 0 won, 1 lost, 2 no decision

Action kinds are indices into ACTION_KINDS (``ACTION_INDEX["pitch"]`` …);
members are rows of ``tables.member_ids`` (successor rows included, absent
until their event fires), benefits indices of ``tables.benefit_ids``.
``bg.legal(kind, member, benefit)`` tells which games could take an action now.
Seeding: ``SeedSequence(seed)`` spawns one child per round for the whole
batch, so a batch of 1 with seed s plays exactly like ``Game`` with seed s.
"""
from __future__ import annotations

import numpy as np

from game.engine import actions, knowledge, rounds, scoring
from game.engine.state import BatchState, new_state
from game.engine.tables import Tables

ACTION_INDEX = actions.KIND
NOOP = actions.NOOP


def new_batch(tables: Tables, seed: int | np.random.SeedSequence, games: int,
              rows: tuple | None = None) -> BatchState:
    """Fresh state for ``games`` games with round 0 begun (its events fired); ``rows`` = (first, end):
    only those games of the batch, played exactly as in the whole batch (``state.new_state``)."""
    st = new_state(tables, seed, games, rows)
    rounds.begin_round(st, tables)
    return st


_ALLOCATOR_TUNED = False
BIG_BATCH = 1024     # games from which a batch keeps freed memory for reuse (see keep_freed_memory)


def keep_freed_memory() -> bool:
    """Ask glibc's malloc to keep freed memory for reuse instead of handing it back to the OS.

    A big batch allocates and frees many arrays of a few MB every round.  By
    default glibc serves each from fresh pages (mmap, or a heap it trims on
    free), and every fresh 4 KiB page costs a page fault when numpy first
    writes it: ~60,000 faults, a third of the run time, for 50,000 games.
    With a high mmap threshold and trim threshold the freed blocks are
    reused instead (0 faults after the first round).  Only the allocator's
    policy changes, never a value.  Done once per process; a no-op (False)
    where the C library has no ``mallopt`` (not glibc).
    """
    global _ALLOCATOR_TUNED
    if _ALLOCATOR_TUNED:
        return True
    try:
        import ctypes
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    m_trim_threshold, m_mmap_threshold = -1, -3          # glibc's mallopt parameter numbers
    _ALLOCATOR_TUNED = bool(mallopt(m_mmap_threshold, 1 << 30)) & bool(mallopt(m_trim_threshold, 1 << 30))
    return _ALLOCATOR_TUNED


apply_slot = actions.apply_slot
slot_legal = actions.slot_legal
end_round = rounds.end_round


class BatchGame:
    def __init__(self, tables: Tables, seed: int | np.random.SeedSequence, games: int, rows: tuple | None = None):
        self.tables = tables
        if games >= BIG_BATCH:
            keep_freed_memory()
        self.state = new_batch(tables, seed, games, rows)

    @property
    def done(self) -> bool:
        return not self.state.active.any()

    def legal(self, kind, member, benefit) -> np.ndarray:
        return actions.slot_legal(self.state, self.tables, np.asarray(kind), np.asarray(member),
                                  np.asarray(benefit))

    def apply(self, kind, member, benefit) -> np.ndarray:
        return actions.apply_slot(self.state, self.tables, kind, member, benefit)

    def end_round(self) -> dict:
        return rounds.end_round(self.state, self.tables)

    def known_care(self) -> np.ndarray:
        return knowledge.known_care(self.state)

    def score_parts(self) -> np.ndarray:
        return scoring.score_parts(self.state, self.tables)

    def scores(self) -> np.ndarray:
        return scoring.totals(self.score_parts(), self.tables)

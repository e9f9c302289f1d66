"""Running a strategy: a whole batch of games, or one round of a single ``Game`` (UI autoplay, tests).

    outcome, scores = play_batch(tables, "expert", seed=7, games=10_000)
    actions = plan_round(game, "expert", rng)        # list[Action], legal per game.check()

Strategy randomness comes from its own generator, so the game's seed alone
fixes the rules' randomness: ``play_batch(..., games=1)`` and a ``Game`` driven
by ``plan_round`` with the same seeds play identically.
"""
from __future__ import annotations

import numpy as np

from game.engine import rounds
from game.engine.batch import BatchGame
from game.engine.game import Game
from game.engine.state import new_state
from game.engine.strategies.base import Strategy, play_round
from game.engine.strategies.registry import get_strategy
from game.engine.tables import Tables
from game.engine.types import ACTION_KINDS, Action


def strategy_rng(seed: int) -> np.random.Generator:
    """The strategy's own random stream for a batch / game seeded ``seed``."""
    return np.random.default_rng(np.random.SeedSequence([int(seed), 0x5EED]))


def _resolve(strategy) -> Strategy:
    return strategy if isinstance(strategy, Strategy) else get_strategy(strategy)


def play_batch(tables: Tables, strategy, seed: int, games: int,
               rng: np.random.Generator | None = None) -> BatchGame:
    """Play ``games`` seeded games to the end with ``strategy`` (a name or a Strategy); returns the BatchGame."""
    strat = _resolve(strategy)
    rng = rng if rng is not None else strategy_rng(seed)
    bg = BatchGame(tables, seed, games)
    while not bg.done:
        play_round(bg.state, tables, strat, rng)
        bg.end_round()
    return bg


def plan_round(game, strategy, rng: np.random.Generator) -> list[Action]:
    """The actions ``strategy`` plays in ``game``'s current round, legal per ``game.check``.

    Runs the same vectorised policy as the batch on a copy of the game's
    G=1 state; ``game.step(plan)`` then plays exactly what was planned.
    """
    if game.done:
        return []
    strat = _resolve(strategy)
    tb = game.tables
    st = game.state.copy()
    record: list = []
    play_round(st, tb, strat, rng, record)
    out = []
    for k, m, b in record:
        out.append(Action(ACTION_KINDS[k], tb.member_ids[m] if m >= 0 else None,
                          tb.benefit_ids[b] if b >= 0 else None))
    return out


def play_single(scenario, strategy, seed: int, params=None, rng: np.random.Generator | None = None):
    """One ``Game`` played to the end by ``strategy`` through ``plan_round`` + ``step``; returns the Game."""
    game = Game(scenario, params)
    game.reset(seed=seed)
    rng = rng if rng is not None else strategy_rng(seed)
    strat = _resolve(strategy)
    while not game.done:
        game.step(plan_round(game, strat, rng))
    return game


__all__ = ["play_batch", "plan_round", "play_single", "strategy_rng", "new_state", "rounds"]

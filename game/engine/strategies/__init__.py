"""Baseline strategies, vectorised over ``BatchGame`` and usable on a single ``Game``.

    from game.engine.strategies import STRATEGIES, get_strategy, play_batch, plan_round
    bg = play_batch(tables, "expert", seed=1, games=10_000)    # batch
    actions = plan_round(game, "expert", rng)                  # one round of a single game (UI autoplay)

``random`` (legal actions at random), ``price_only`` (discounts and price
pitches), ``greedy`` (strongest benefits to the most influential, never asks),
``expert`` (plays what DOMAIN.md teaches, from the player's view) and
``oracle`` (reads hidden priorities; the ceiling).
"""
from __future__ import annotations

from game.engine.strategies.base import Strategy
from game.engine.strategies.expert import ExpertStrategy
from game.engine.strategies.greedy import GreedyStrategy
from game.engine.strategies.oracle import OracleStrategy
from game.engine.strategies.price_only import PriceOnlyStrategy
from game.engine.strategies.random_actions import RandomStrategy
from game.engine.strategies.run import play_batch, play_single, plan_round, strategy_rng

STRATEGIES: dict[str, type[Strategy]] = {
    cls.name: cls for cls in (RandomStrategy, PriceOnlyStrategy, GreedyStrategy, ExpertStrategy, OracleStrategy)
}


def get_strategy(name: str) -> Strategy:
    """A fresh strategy object by name; unknown names raise KeyError with the known ones."""
    try:
        cls = STRATEGIES[name]
    except KeyError:
        raise KeyError(f"unknown strategy '{name}' (one of: {', '.join(STRATEGIES)})") from None
    obj = cls()
    obj.plan_round = lambda game, rng, _s=obj: plan_round(game, _s, rng)   # UI autoplay entry point
    return obj


__all__ = ["STRATEGIES", "Strategy", "get_strategy", "play_batch", "play_single", "plan_round", "strategy_rng"]

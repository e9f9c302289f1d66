"""The strategies by name: ``STRATEGIES`` and ``get_strategy``.

Kept apart from ``run`` so that running a strategy by name (``run`` →
``registry``) and the package's re-exports never import each other.
"""
from __future__ import annotations

from game.engine.strategies.base import Strategy
from game.engine.strategies.discount_first import DiscountFirstStrategy
from game.engine.strategies.expert import ExpertStrategy
from game.engine.strategies.greedy import GreedyStrategy
from game.engine.strategies.memorizer import MemorizerStrategy
from game.engine.strategies.novice import NoviceStrategy
from game.engine.strategies.oracle import OracleStrategy
from game.engine.strategies.price_only import PriceOnlyStrategy
from game.engine.strategies.pusher import PusherStrategy
from game.engine.strategies.random_actions import RandomStrategy

STRATEGIES: dict[str, type[Strategy]] = {
    cls.name: cls for cls in (RandomStrategy, PriceOnlyStrategy, GreedyStrategy, NoviceStrategy, MemorizerStrategy,
                              ExpertStrategy, OracleStrategy)
}
#: Strategies kept for controlled comparisons and fixed workloads (benchmarks/), by name but outside the
#: ladder that ``b2bsim balance`` plays by default.
COMPARISONS: dict[str, type[Strategy]] = {cls.name: cls for cls in (DiscountFirstStrategy, PusherStrategy)}


def post_policy_variant(policy: str, name: str | None = None) -> Strategy:
    """The expert playing the post-sale ``policy`` (strategies/service.py: invest, balanced, minimal, fit)."""
    strategy = ExpertStrategy()
    strategy.post_policy = policy
    strategy.name = name or f"expert_{policy}"
    return strategy


def get_strategy(name: str) -> Strategy:
    """A fresh strategy object by name; unknown names raise KeyError with the known ones."""
    try:
        cls = STRATEGIES.get(name) or COMPARISONS[name]
    except KeyError:
        raise KeyError(f"unknown strategy '{name}' (one of: {', '.join(STRATEGIES)})") from None
    return cls()

"""Baseline strategies, vectorised over ``BatchGame`` and usable on a single ``Game``.

    from game.engine.strategies import STRATEGIES, get_strategy, play_batch, plan_round
    bg = play_batch(tables, "expert", seed=1, games=10_000)    # batch
    actions = plan_round(game, "expert", rng)                  # one round of a single game (UI autoplay)

The ladder, worst to best: ``random`` (legal actions at random), ``price_only``
(discounts and price pitches), ``greedy`` (never asks: pitches its strong
benefits, keeps those that land, shows proofs, gets past doors), ``novice`` (asks whoever is in the stage's meeting,
pitches what it heard, the bosses first; ignores gatekeepers and stages), ``memorizer`` (plays the scenario
file's written priorities without asking), ``expert`` (plays what DOMAIN.md
teaches, from the player's view) and ``oracle`` (reads hidden priorities and
plays the rehearsed plan with the best mean score; the ceiling).  Outside the ladder: ``pusher`` (strongest
benefits to the most influential, never asks, never looks; the benchmarks' fixed workload) and
``discount_first`` (a controlled comparison).
"""
from __future__ import annotations

from game.engine.strategies.base import Strategy
from game.engine.strategies.registry import STRATEGIES, get_strategy
from game.engine.strategies.run import play_batch, play_single, plan_round, strategy_rng

__all__ = ["STRATEGIES", "Strategy", "get_strategy", "play_batch", "play_single", "plan_round", "strategy_rng"]

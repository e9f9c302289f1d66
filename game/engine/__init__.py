"""The simulation engine: pure Python + numpy; never imports pygame, never does I/O.

Public API (stable; listed in ``__all__`` and described in docs/model.md, "Python API")::

    from game.scenario import load_scenario
    from game.engine import Game, Action, replay

    game = Game(load_scenario("deal.yaml"))
    obs = game.reset(seed=1)            # seed=None draws a fresh one; game.seed holds it
    while not game.done:
        plan = [Action("ask", obs.members[0].id)]
        if game.check(plan) is not None:   # None = legal, else the reason
            plan = []
        obs = game.step(plan).observation
    print(game.debrief().score.total)
    again = replay(game.scenario, game.seed, game.history)   # identical game

* :class:`Game` — one game: ``reset``, ``check``, ``step``, ``observation``,
  ``done``, ``history``, ``seed``, ``debrief``.
* :func:`replay` — rebuild a game from its seed and action lists.
* :class:`Action` — one player action (kind, member id, benefit id).
* :class:`Observation` — what the player may see (members' stances, what
  was learned, points, legal single actions, news); never hidden priorities.
* :class:`StepResult`, :class:`Debrief`, :class:`Score` — what ``step`` and
  ``debrief`` return; :class:`Message` — an i18n key plus parameters.
* Strategies: ``game.engine.strategies.plan_round(game, name, rng)`` plans a
  round for a baseline strategy; ``strategy_rng(seed)`` is its random stream.
* Gymnasium: ``import game.gym`` (optional extra ``b2bsim[rl]``).

Batch (balance tool, vectorised strategies): see ``game.engine.batch``.
Every rule is a function over arrays with a leading games axis, shared by both.
"""
from game.engine.types import (  # noqa: F401
    ACCOUNT_TYPES, ACTION_COSTS, ACTION_KINDS, LOYALTY_RUNGS, OUTCOMES, POST_SALE_KINDS, PRE_SALE_KINDS,
    SCORE_PARTS, Action, BenefitView, Debrief, MemberView, Message, Observation, RivalView, Score,
    StageView, StanceChange, StepResult, TurningPoint,
)
from game.engine.params import DEFAULT_PARAMS, Params  # noqa: F401
from game.engine.tables import Tables, compile_tables  # noqa: F401
from game.engine.state import BatchState  # noqa: F401
from game.engine.batch import ACTION_INDEX, NOOP, BatchGame, apply_slot, end_round, new_batch, slot_legal  # noqa: F401
from game.engine.messages import MESSAGE_KEYS, MESSAGE_PARAMS  # noqa: F401
from game.engine.game import Game, GameNotStarted, GameOver, IllegalAction, replay  # noqa: F401
from game.engine.scoring import grade  # noqa: F401

__all__ = [
    # one game
    "Game", "replay", "IllegalAction", "GameNotStarted", "GameOver",
    # values in and out
    "Action", "Observation", "MemberView", "BenefitView", "RivalView", "StageView", "Message",
    "StepResult", "StanceChange", "Debrief", "Score", "TurningPoint", "grade",
    # vocabularies
    "ACTION_KINDS", "PRE_SALE_KINDS", "POST_SALE_KINDS", "ACTION_COSTS", "OUTCOMES", "LOYALTY_RUNGS",
    "ACCOUNT_TYPES", "SCORE_PARTS", "MESSAGE_KEYS", "MESSAGE_PARAMS",
    # rule parameters and many games at once
    "Params", "DEFAULT_PARAMS", "Tables", "compile_tables", "BatchGame", "BatchState", "new_batch",
    "apply_slot", "end_round", "slot_legal", "ACTION_INDEX", "NOOP",
]

"""The simulation engine: pure Python + numpy; never imports pygame, never does I/O.

Single game (UI, replay, tests)::

    from game.engine import Game, Action, replay
    game = Game(scenario); obs = game.reset(seed=1); game.step([Action("ask", "cfo")])

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

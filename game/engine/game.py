"""One game with an object API (Gymnasium-like): a batch of one plus Actions, Observations, Debrief.

    game = Game(scenario)
    obs = game.reset(seed=42)
    while not game.done:
        result = game.step([Action("ask", "cfo"), Action("pitch", "cfo", "cost_saving")])
    debrief = game.debrief()

``replay(scenario, seed, rounds)`` rebuilds a finished (or partial) game from
its action lists; same scenario + seed + actions give the identical result in
any process.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from game.engine import actions as A
from game.engine import news as N
from game.engine import rounds
from game.engine import legality
from game.engine.legality import Refusal, check_actions, english, resolve
from game.engine.observe import ActionCache, observe, static_views
from game.engine.params import Params
from game.engine.state import BatchState, new_state
from game.engine.tables import Tables, compile_tables
from game.engine.types import Action, Debrief, Message, Observation, StanceChange, StepResult
from game.scenario.model import Scenario


class IllegalAction(ValueError):
    """The actions given to ``step`` break a rule; the message says which and why."""


class GameNotStarted(RuntimeError):
    """``step``/``check`` was called before ``reset``."""


class GameOver(RuntimeError):
    """``step`` was called after the game ended."""


_TABLES: dict[tuple[int, int], tuple[Scenario, Params | None, Tables]] = {}


def tables_for(scenario: Scenario, params: Params | None = None) -> Tables:
    """Compiled tables, cached per (scenario, params) object for the process."""
    key = (id(scenario), id(params))
    hit = _TABLES.get(key)
    if hit is not None and hit[0] is scenario and hit[1] is params:
        return hit[2]
    tb = compile_tables(scenario, params)
    if len(_TABLES) > 64:
        _TABLES.clear()
    _TABLES[key] = (scenario, params, tb)
    return tb


class Game:
    """One deal played round by round: ``reset`` → ``step`` per round → ``debrief``.

    ``scenario`` comes from :func:`game.scenario.load_scenario`; ``params``
    overrides the rule parameters (default :data:`DEFAULT_PARAMS`). The
    observation holds only what the player may know (never the hidden
    priorities); ``check`` says whether a planned round is legal and why not.
    """

    def __init__(self, scenario: Scenario, params: Params | None = None):
        self.scenario = scenario
        self.tables = tables_for(scenario, params)
        self.params = self.tables.params
        self._statics = static_views(self.tables)
        self._cache = ActionCache()
        self._st: BatchState | None = None
        self._obs: Observation | None = None
        self._history: list[tuple[Action, ...]] = []
        self._news: list[tuple[Message, ...]] = []     # news shown at the start of each round (index = round)
        self.seed: int | None = None
        #: rounds taken back with undo_round since the last reset (a result may say so)
        self.undos = 0
        self._action_list: tuple[Action, ...] | None = None

    # ------------------------------------------------------------ contract
    def reset(self, *, seed: int | None = None) -> Observation:
        """Start a new game and return its first observation.

        ``seed`` (a non-negative whole number) fixes every random draw of the
        rules. Without one, a fresh seed is drawn from OS entropy the way
        Gymnasium does (``numpy.random.SeedSequence().entropy``, a 128-bit
        number); either way the seed used is kept in :attr:`seed`, so
        ``replay(scenario, game.seed, game.history)`` rebuilds the game.
        """
        if seed is None:
            seed = np.random.SeedSequence().entropy
        if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
            raise ValueError(f"seed must be a non-negative whole number, got {seed!r}")
        self.seed = int(seed)
        st = new_state(self.tables, self.seed, 1)
        fired = rounds.begin_round(st, self.tables)
        self._st = st
        self._history = []
        self.undos = 0
        news = tuple(N.event_news(st, self.tables, fired[0]))
        self._news = [news]
        self._obs = observe(st, self.tables, self._statics, news, self._cache)
        return self._obs

    def check(self, actions: Sequence[Action]) -> str | None:
        """``None`` when ``actions`` are a legal plan for this round, else the reason in English.

        The same answer as :meth:`refusal`, rendered by ``legality.english``.
        """
        r = self.refusal(actions)
        return None if r is None else english(r, self.tables)

    def refusal(self, actions: Sequence[Action]) -> Refusal | None:
        """``None`` when ``actions`` are a legal plan for this round, else why not as a :class:`Refusal`.

        ``Refusal.key`` is a message key of ``MESSAGE_KEYS`` (``refusal.*``,
        translated in every catalog), ``Refusal.params`` its parameters (ids,
        numbers) and ``Refusal.action`` the 0-based position of the refused
        action in ``actions`` (None when the whole plan is refused).
        """
        st = self._started()
        if isinstance(actions, Action):
            actions = (actions,)
        try:
            actions = list(actions)
        except TypeError:
            return legality.refusal("refusal.not_a_list")
        return check_actions(st, self.tables, actions)

    @property
    def action_list(self) -> tuple[Action, ...]:
        """Every action this scenario could ever offer, in a fixed order (a flat action space).

        Both phases, every member (successors included), every benefit; it
        never changes during a game.  :meth:`action_mask` says which are legal now.
        """
        if self._action_list is None:
            self._action_list = legality.every_action(self.tables)
        return self._action_list

    def action_mask(self) -> np.ndarray:
        """(len(action_list),) bool: the actions legal now, each played alone (all False once over).

        The same rules as :meth:`refusal`: ``refusal([a]) is None`` exactly
        where the mask is True.  An adapter playing one action per step
        should recompute it after each action of a round (points, the pilot,
        the discount cap and referrals are used up as the plan grows); see
        :meth:`plan_mask`.
        """
        return self.plan_mask(())

    def plan_mask(self, plan: Sequence[Action]) -> np.ndarray:
        """(len(action_list),) bool: which single action may be added to the legal ``plan`` of this round."""
        st = self._started()
        return legality.extension_mask(st, self.tables, list(plan), self.action_list)

    def step(self, actions: Sequence[Action]) -> StepResult:
        """Play ``actions`` as this round's plan, then let the round run (rivals, events, decision).

        Raises :class:`IllegalAction` (with the reason ``check`` gives) when
        the plan breaks a rule, :class:`GameOver` after the end.
        """
        st = self._started()
        if not st.active[0]:
            raise GameOver("the game is over: read the debrief() or reset(seed=...) for a new game")
        try:
            actions = tuple(actions) if not isinstance(actions, Action) else (actions,)
        except TypeError:
            raise IllegalAction(f"expected a list of actions, got {type(actions).__name__}") from None
        refused = check_actions(st, self.tables, actions)
        if refused is not None:
            raise IllegalAction(english(refused, self.tables))
        tb = self.tables
        before, rival_before = st.stance[0].copy(), self._lead(st)
        locked_before = st.locked[0].copy()
        addressed_before = st.addressed[0].copy()
        unheard_before = st.revealed[0] == 0
        applied = []
        pocketed = 0
        for a in actions:
            k, m, b = resolve(st, tb, a)
            wasted = int(st.wasted[0])
            A.apply_slot(st, tb, np.array([k]), np.array([m]), np.array([b]), trusted=True)
            applied.append((k, m, b))
            pocketed += k == A.DISCOUNT and int(st.wasted[0]) > wasted     # a discount that moved no one
        news = N.during_round_news(st, tb, applied, addressed_before, unheard_before, pocketed)
        report = rounds.end_round(st, tb)
        news += N.end_round_news(st, tb, report, locked_before)
        self._history.append(actions)
        self._news.append(tuple(news))
        self._obs = observe(st, tb, self._statics, tuple(news), self._cache)
        after, rival_after = st.stance[0], self._lead(st)
        moved = np.flatnonzero((np.abs(after - before) > 1e-12) | (np.abs(rival_after - rival_before) > 1e-12))
        changes = tuple(StanceChange(tb.member_ids[m], float(before[m]), float(after[m]),
                                     float(rival_before[m]), float(rival_after[m])) for m in moved.tolist())
        return StepResult(self._obs, changes, self._obs.done, self._obs.outcome)

    @property
    def observation(self) -> Observation:
        """What the player sees now (the same object the last reset/step returned)."""
        self._started()
        assert self._obs is not None
        return self._obs

    @property
    def done(self) -> bool:
        """True once the deal is lost, stalled, or won and its post-sale rounds are played."""
        return self._st is not None and not bool(self._st.active[0])

    @property
    def history(self) -> tuple[tuple[Action, ...], ...]:
        """The action list played in each round so far (what ``replay`` takes)."""
        return tuple(self._history)

    def debrief(self) -> Debrief:
        """Score, matrix, stance history, turning points and advice of the finished game."""
        from game.engine.debrief import build_debrief
        st = self._started()
        if st.active[0]:
            raise RuntimeError("the debrief is available once the game is over")
        return build_debrief(st, self.tables, self._history, self._news)

    def undo_refusal(self) -> Refusal | None:
        """``None`` when :meth:`undo_round` may take back the last round, else why not.

        Possible after at least one round and before the customer decides
        (``refusal.undo_nothing`` / ``refusal.undo_decided``): the decision
        and everything after it stay as they were.
        """
        self._started()
        if not self._history:
            return legality.refusal("refusal.undo_nothing")
        if self.done or (self._obs is not None and self._obs.outcome is not None):
            return legality.refusal("refusal.undo_decided")
        return None

    def undo_round(self) -> Observation:
        """Take back the last round: the game becomes exactly what ``replay`` of the
        same seed with every round but the last gives (rules are deterministic,
        so it is rebuilt that way).  Returns the observation of the round to plan
        again; raises :class:`IllegalAction` when :meth:`undo_refusal` says no."""
        refused = self.undo_refusal()
        if refused is not None:
            raise IllegalAction(english(refused, self.tables))
        rounds_before, undos = self._history[:-1], self.undos
        self.reset(seed=self.seed)
        for acts in rounds_before:
            self.step(acts)
        self.undos = undos + 1
        return self.observation

    # ------------------------------------------------------------ extras
    @property
    def state(self) -> BatchState:
        """The underlying G=1 arrays (read-only by convention; strategies and tests use it)."""
        return self._started()

    @property
    def news_log(self) -> tuple[tuple[Message, ...], ...]:
        """News shown at the start of each round so far (index = round)."""
        return tuple(self._news)

    def _started(self) -> BatchState:
        if self._st is None:
            raise GameNotStarted("the game has not started: call reset(seed=...) first")
        return self._st

    def _lead(self, st: BatchState) -> np.ndarray:
        return st.rival[0].max(axis=0) if self.tables.K else np.zeros(self.tables.M)


def replay(scenario: Scenario, seed: int, rounds_: Sequence[Sequence[Action]], params: Params | None = None) -> Game:
    """Play ``rounds_`` (one action list per round) from a fresh game; raises IllegalAction like step()."""
    game = Game(scenario, params)
    game.reset(seed=seed)
    for n, acts in enumerate(rounds_):
        if game.done:
            raise GameOver(f"round {n + 1} of the replay comes after the game ended")
        try:
            game.step(acts)
        except IllegalAction as exc:
            raise IllegalAction(f"round {n + 1}: {exc}") from None
    return game

"""A Gymnasium environment for one deal: ``import game.gym`` registers ``b2bsim/Deal-v0``.

    import gymnasium, game.gym
    env = gymnasium.make("b2bsim/Deal-v0", scenario="data-platform-hanbit")   # a bundled id or a file
    obs, info = env.reset(seed=7)
    while True:
        action = env.action_space.sample(info["action_mask"])
        obs, reward, terminated, truncated, info = env.step(action)
        if terminated or truncated:
            break

One step is one action. The engine plays a whole round at once, so the
environment collects the round's plan action by action and hands it to
``Game.step`` when the agent picks action 0, **end round**. Actions 1..n
are the engine's fixed flat list ``Game.action_list`` (every kind, member
and benefit the scenario could offer), so ``env.unwrapped.actions`` is
``(None,) + game.action_list``.

* Mask: ``info["action_mask"]`` (``np.int8``) is the engine's
  ``Game.plan_mask(plan)`` — 1 exactly where ``Game.check(plan + [action])``
  finds the extended plan legal — with end round always 1 until the end.
* Reward: the final score (0..1000) when the episode ends, 0 before.
* Illegal action: a no-op costing ``illegal_penalty`` (default 1) in reward;
  ``info["illegal"]`` gives the engine's reason. An index outside the action
  space is a ``ValueError``.
* Episode: the whole game, post-sale rounds included (they decide the
  relationship part of the score); it ends when the engine says the game is
  over. Registered with ``max_episode_steps=1000`` so an agent that only
  plays illegal actions is truncated.
* Seeding: ``reset(seed=N)`` plays the engine game with seed ``N`` (the same
  deal as ``b2bsim play --seed N``); ``reset()`` draws the game's seed from
  ``np_random``. ``info["seed"]`` always holds the seed played.
* Observation: a flat ``Box`` of numbers built only from the engine's
  :class:`~game.engine.Observation` (what the player sees) and the plan so
  far — never hidden priorities. ``env.unwrapped.observation_names`` names
  each entry.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

try:
    import gymnasium
    from gymnasium import spaces
    from gymnasium.error import ResetNeeded
except ImportError as exc:   # the optional extra is not installed
    raise ImportError("game.gym needs Gymnasium, an optional extra: pip install b2bsim[rl]  "
                      "(or pip install 'gymnasium>=1.0')") from exc

from game.engine import Action, Game, Observation, Params
from game.scenario import Scenario, load_scenario
from game.scenario.bundled import scenario_path
from game.scenario.model import ROLES

__all__ = ["ENV_ID", "END_ROUND", "DealEnv"]

ENV_ID = "b2bsim/Deal-v0"
#: Index of the "end round" action: hand the plan to the engine and play the round.
END_ROUND = 0
PHASES = ("pre_sale", "post_sale", "over")
ENGAGED_CAP = 20          # engagement counts above this read as 1.0
PLAN_CAP = 4              # a planned action repeated this often reads as 1.0
MEMBER_FIELDS = 10        # present .. engaged, before the roles


def _load(scenario: str | Path | Scenario) -> Scenario:
    if isinstance(scenario, Scenario):
        return scenario
    if not isinstance(scenario, (str, Path)):
        raise TypeError(f"scenario must be a file path, a bundled scenario id or a Scenario, "
                        f"got {type(scenario).__name__}")
    return load_scenario(scenario_path(scenario))


class DealEnv(gymnasium.Env):
    """One b2bsim deal as a Gymnasium environment (see the module docstring for the contract).

    ``scenario``: a file path, a bundled scenario id (``data-platform-hanbit``)
    or a loaded :class:`~game.scenario.Scenario`; ``params``: rule parameters;
    ``illegal_penalty``: reward taken away for an action the mask forbids.
    """

    metadata: dict[str, Any] = {"render_modes": []}

    def __init__(self, scenario: str | Path | Scenario, params: Params | None = None,
                 illegal_penalty: float = 1.0, render_mode: str | None = None):
        if render_mode is not None:
            raise ValueError(f"b2bsim/Deal-v0 has no render modes, got render_mode={render_mode!r}")
        self.render_mode = None
        self.scenario = _load(scenario)
        self.game = Game(self.scenario, params)
        self.illegal_penalty = float(illegal_penalty)
        tb = self.game.tables
        self.member_ids: tuple[str, ...] = tuple(dict.fromkeys(tb.member_ids))
        self.benefit_ids: tuple[str, ...] = tuple(tb.benefit_ids)
        self.rival_ids: tuple[str, ...] = tuple(tb.rival_ids)
        self.stage_ids: tuple[str, ...] = tuple(s.id for s in self.scenario.stages)
        self.actions: tuple[Action | None, ...] = (None,) + tuple(self.game.action_list)
        self._index = {a: i for i, a in enumerate(self.actions) if a is not None}
        self._max_points = max(s.actions for s in self.scenario.stages)
        self._discount_top = max(self.game.params.discount_max * self.game.params.discount_step, 1e-9)
        self.observation_names = self._names()
        low = np.zeros(len(self.observation_names), np.float32)
        for slot in range(len(self.member_ids)):          # stance and rival stance run -1..1
            first = self._member_start + slot * self._member_width + 2
            low[first:first + 2] = -1.0
        self.observation_space = spaces.Box(low, np.ones_like(low), dtype=np.float32)
        self.action_space = spaces.Discrete(len(self.actions))
        self._plan: list[Action] = []
        self._mask = np.zeros(len(self.actions), np.int8)
        self._obs: Observation | None = None
        self._over = False

    # ------------------------------------------------------------ Gymnasium API
    def reset(self, *, seed: int | None = None, options: dict | None = None):
        super().reset(seed=seed)
        game_seed = int(seed) if seed is not None else int(self.np_random.integers(0, 2**63 - 1))
        self._obs = self.game.reset(seed=game_seed)
        self._plan = []
        self._over = False
        self._mask = self._compute_mask()
        return self._vector(), self._info()

    def step(self, action):
        if self._obs is None or self._over:
            raise ResetNeeded("call reset() before step(): the episode has not started or is over")
        index = self._action_index(action)
        reward, extra = 0.0, {}
        if not self._mask[index]:
            chosen = self.actions[index]
            reason = self.game.check(self._plan + [chosen]) if chosen is not None else None
            extra["illegal"] = reason or "the game does not allow this action now"
            reward = -self.illegal_penalty
        elif index == END_ROUND:
            self._obs = self.game.step(self._plan).observation
            self._plan = []
            self._mask = self._compute_mask()
            if self.game.done:
                self._over = True
                debrief = self.game.debrief()
                reward = float(debrief.score.total)
                extra.update(outcome=debrief.outcome, score=debrief.score.total)
        else:
            self._plan.append(self.actions[index])
            self._mask = self._compute_mask()
        info = self._info()
        info.update(extra)
        return self._vector(), reward, self._over, False, info

    # ------------------------------------------------------------ helpers
    @property
    def plan(self) -> tuple[Action, ...]:
        """The actions planned so far in this round (played when the agent ends the round)."""
        return tuple(self._plan)

    def action_index(self, action: Action | None) -> int:
        """The index of ``action`` (``None`` for end round); KeyError if the scenario has no such action."""
        return END_ROUND if action is None else self._index[action]

    def action_masks(self) -> np.ndarray:
        """The current mask as booleans, for libraries that ask the environment (sb3-contrib's MaskablePPO)."""
        return self._mask.astype(bool)

    def _action_index(self, action) -> int:
        if isinstance(action, np.ndarray) and action.shape == ():
            action = action.item()
        if isinstance(action, (bool, np.bool_)) or not isinstance(action, (int, np.integer)):
            raise ValueError(f"an action is a whole number 0..{len(self.actions) - 1}, got {action!r}")
        index = int(action)
        if not 0 <= index < len(self.actions):
            raise ValueError(f"action {index} is outside the action space 0..{len(self.actions) - 1}")
        return index

    def _compute_mask(self) -> np.ndarray:
        """The engine's plan mask behind an always-legal end round (all 0 once the game is over)."""
        mask = np.zeros(len(self.actions), np.int8)
        if not self.game.done:
            mask[END_ROUND] = 1
            mask[1:] = self.game.plan_mask(self._plan)
        return mask

    def _info(self) -> dict:
        obs = self._obs
        assert obs is not None
        return {"action_mask": self._mask.copy(), "seed": self.game.seed, "round": obs.round,
                "phase": obs.phase, "points_left": obs.points - sum(a.cost for a in self._plan)}

    def _names(self) -> tuple[str, ...]:
        names = [f"round/{s}" for s in self.stage_ids] + [f"phase/{p}" for p in PHASES]
        names += ["points", "points_left", "discount", "done"]
        names += [f"capability/{b}" for b in self.benefit_ids]
        self._member_start = len(names)
        self._member_width = MEMBER_FIELDS + len(ROLES) + len(self.rival_ids) + 2 * len(self.benefit_ids)
        for mid in self.member_ids:
            names += [f"{mid}/{f}" for f in ("present", "influence", "stance", "rival_stance", "revealed",
                                             "locked", "blocker", "gated", "activity", "engaged")]
            names += [f"{mid}/role/{r}" for r in ROLES]
            names += [f"{mid}/leading/{k}" for k in self.rival_ids]
            names += [f"{mid}/known/{b}" for b in self.benefit_ids]
            names += [f"{mid}/priority/{b}" for b in self.benefit_ids]
        names += [f"plan/{a.kind}/{a.member or '-'}/{a.benefit or '-'}" for a in self.actions[1:]]
        return tuple(names)

    def _vector(self) -> np.ndarray:
        """The observation: only the engine's Observation and the plan, scaled to the space's bounds."""
        obs = self._obs
        assert obs is not None
        parts: list[np.ndarray] = []
        R = len(self.stage_ids)
        round_hot = np.zeros(R)
        round_hot[min(obs.round, R - 1)] = 1.0
        parts.append(round_hot)
        parts.append(np.array([obs.phase == p for p in PHASES], float))
        left = obs.points - sum(a.cost for a in self._plan)
        parts.append(np.array([obs.points / self._max_points, left / self._max_points,
                               obs.discount / self._discount_top, float(obs.done)]))
        parts.append(np.array([b.capability for b in obs.benefits]))
        parts.append(self._members(obs))
        plan = np.zeros(len(self.actions) - 1)
        for a in self._plan:
            plan[self._index[a] - 1] += 1.0
        parts.append(np.minimum(plan, PLAN_CAP) / PLAN_CAP)
        vec = np.concatenate(parts).astype(np.float32)
        return np.clip(vec, self.observation_space.low, self.observation_space.high)

    def _members(self, obs: Observation) -> np.ndarray:
        B, K = len(self.benefit_ids), len(self.rival_ids)
        block = np.zeros((len(self.member_ids), self._member_width))
        slot = {mid: i for i, mid in enumerate(self.member_ids)}
        bpos = {b: i for i, b in enumerate(self.benefit_ids)}
        kpos = {k: i for i, k in enumerate(self.rival_ids)}
        roles_at, rivals_at = MEMBER_FIELDS, MEMBER_FIELDS + len(ROLES)
        known_at = rivals_at + K
        for m in obs.members:
            row = block[slot[m.id]]
            row[:MEMBER_FIELDS] = (1.0, m.influence, m.stance, m.rival_stance, m.revealed / 3, m.locked, m.blocker,
                                   m.gated_by is not None, m.activity, min(m.engaged, ENGAGED_CAP) / ENGAGED_CAP)
            for r in m.roles:
                row[roles_at + ROLES.index(r)] = 1.0
            if m.leading_rival is not None:
                row[rivals_at + kpos[m.leading_rival]] = 1.0
            for b, weight in m.known_priorities:
                row[known_at + bpos[b]] = 1.0
                row[known_at + B + bpos[b]] = weight
        return block.ravel()


if ENV_ID not in gymnasium.registry:
    gymnasium.register(id=ENV_ID, entry_point="game.gym:DealEnv", max_episode_steps=1000)

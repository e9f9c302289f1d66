"""The Gymnasium adapter (game.gym): Gymnasium's own checker, random masked play, seeding, what the agent sees."""
from __future__ import annotations

import subprocess
import sys
import warnings

import numpy as np
import pytest
import yaml

gymnasium = pytest.importorskip("gymnasium", reason="gymnasium is the optional extra b2bsim[rl] (installed in dev)")

import game.gym  # noqa: E402  (registers b2bsim/Deal-v0)
from game import PROJECT_ROOT  # noqa: E402
from game.engine import replay  # noqa: E402
from game.gym import END_ROUND, ENV_ID, DealEnv  # noqa: E402
from game.scenario import bundled_scenarios, scenario_from_data  # noqa: E402
from gymnasium.error import ResetNeeded  # noqa: E402
from gymnasium.utils.env_checker import check_env  # noqa: E402

SCENARIOS = bundled_scenarios()


def make(scenario) -> DealEnv:
    return gymnasium.make(ENV_ID, scenario=scenario).unwrapped


def play(env: DealEnv, seed: int, policy_seed: int):
    """One masked random episode; returns (observations, rewards, actions, last info)."""
    rng = np.random.default_rng(policy_seed)
    obs, info = env.reset(seed=seed)
    observations, rewards, actions = [obs], [], []
    while True:
        action = int(rng.choice(np.flatnonzero(info["action_mask"])))
        obs, reward, terminated, truncated, info = env.step(action)
        observations.append(obs)
        rewards.append(reward)
        actions.append(action)
        if terminated or truncated:
            return observations, rewards, actions, info


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_gymnasium_env_checker_passes_without_warnings(path):
    env = make(str(path))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_env(env)
    assert [str(w.message) for w in caught] == []


def test_a_bundled_id_and_its_file_give_the_same_env():
    by_id = make("data-platform-hanbit")
    by_file = make(PROJECT_ROOT / "game" / "content" / "scenarios" / "data_platform_hanbit.yaml")
    assert by_id.actions == by_file.actions
    names = by_id.observation_names
    assert len(names) == len(set(names)) == by_id.observation_space.shape[0]
    negative = {names[i] for i in np.flatnonzero(by_id.observation_space.low < 0)}
    assert negative == {f"{m}/{f}" for m in by_id.member_ids for f in ("stance", "rival_stance")}
    assert np.array_equal(by_id.reset(seed=4)[0], by_file.reset(seed=4)[0])


def test_a_thousand_random_masked_episodes_finish_and_the_mask_is_the_engines():
    envs = [make(str(p)) for p in SCENARIOS]
    finished = 0
    for episode in range(1000):
        env = envs[episode % len(envs)]
        env.action_space.seed(episode)
        obs, info = env.reset(seed=10_000 + episode)
        verify = episode < 2 * len(envs)        # the first episodes of each scenario: full mask re-check
        total = 0.0
        while True:
            mask = info["action_mask"]
            assert mask.dtype == np.int8 and mask[END_ROUND] == 1
            if verify:
                plan = list(env.plan)
                legal = [env.game.check(plan + [a]) is None for a in env.actions[1:]]
                assert mask[1:].tolist() == [int(x) for x in legal]
            action = env.action_space.sample(mask)
            obs, reward, terminated, truncated, info = env.step(action)
            assert "illegal" not in info and obs in env.observation_space
            total += reward
            if terminated or truncated:
                break
            assert reward == 0.0
        assert terminated and not truncated and env.game.done
        assert total == reward == info["score"] == env.game.debrief().score.total
        assert 0 <= info["score"] <= 1000 and info["outcome"] in ("won", "lost", "no_decision")
        finished += 1
    assert finished == 1000


def test_same_seed_same_episode_bit_for_bit_and_another_seed_differs():
    env_a, env_b = make(str(SCENARIOS[0])), make(str(SCENARIOS[0]))
    obs_a, rew_a, act_a, _ = play(env_a, seed=21, policy_seed=5)
    # the same actions on a fresh env with the same seed
    obs, info = env_b.reset(seed=21)
    replayed_obs, replayed_rew = [obs], []
    for action in act_a:
        obs, reward, *_ = env_b.step(action)
        replayed_obs.append(obs)
        replayed_rew.append(reward)
    assert [o.tobytes() for o in replayed_obs] == [o.tobytes() for o in obs_a]
    assert replayed_rew == rew_a
    obs_c, rew_c, _, _ = play(env_b, seed=22, policy_seed=5)
    assert [o.tobytes() for o in obs_c] != [o.tobytes() for o in obs_a]


def test_the_seed_in_info_replays_the_game_in_the_engine():
    env = make(str(SCENARIOS[1]))
    env.reset()                                   # no seed: drawn from np_random
    _, _, _, info = play(env, seed=None, policy_seed=3)
    again = replay(env.scenario, info["seed"], env.game.history)
    assert again.debrief().score == env.game.debrief().score


def test_unseeded_reset_continues_the_seeded_stream_and_fresh_envs_differ():
    env = make(str(SCENARIOS[2]))
    env.reset(seed=123)
    first = env.reset()[1]["seed"]
    env.reset(seed=123)
    assert env.reset()[1]["seed"] == first           # Gymnasium's rule: reset() after reset(seed) is determined
    fresh = {make(str(SCENARIOS[2])).reset()[1]["seed"] for _ in range(3)}
    assert len(fresh) == 3                             # OS entropy otherwise


def test_an_illegal_action_is_a_penalised_no_op_with_the_engines_reason():
    env = make("data-platform-hanbit")
    obs, info = env.reset(seed=1)
    illegal = int(np.flatnonzero(info["action_mask"] == 0)[0])
    after, reward, terminated, truncated, info2 = env.step(illegal)
    assert reward == -1.0 and not terminated and not truncated
    assert isinstance(info2["illegal"], str) and info2["illegal"]
    assert np.array_equal(after, obs) and env.plan == ()
    assert np.array_equal(info2["action_mask"], info["action_mask"])


def test_bad_calls_are_clear_errors():
    env = make("data-platform-hanbit")
    with pytest.raises(ResetNeeded):
        env.step(END_ROUND)
    env.reset(seed=1)
    for bad in (-1, env.action_space.n, 1.5, "ask"):
        with pytest.raises(ValueError, match="action"):
            env.step(bad)
    with pytest.raises(ValueError, match="neither a file nor a bundled scenario"):
        make("no-such-scenario")


def test_planning_shows_in_the_observation_and_end_round_plays_the_plan():
    env = make("data-platform-hanbit")
    obs, info = env.reset(seed=2)
    ask = next(i for i, a in enumerate(env.actions) if a is not None and a.kind == "ask" and info["action_mask"][i])
    names = env.observation_names
    obs2, _, _, _, info2 = env.step(ask)
    planned = names.index(f"plan/ask/{env.actions[ask].member}/-")
    assert obs[planned] == 0.0 and obs2[planned] > 0.0
    assert info2["points_left"] == info["points_left"] - 1 and env.plan == (env.actions[ask],)
    obs3, _, _, _, info3 = env.step(END_ROUND)
    assert env.game.history == ((env.actions[ask],),) and env.plan == () and info3["round"] == 1
    assert obs3[names.index(f"{env.actions[ask].member}/revealed")] > 0.0    # what the ask found out


def _scenario_data(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_observation_never_shows_hidden_priorities():
    data = _scenario_data(SCENARIOS[0])
    other = yaml.safe_load(yaml.safe_dump(data))
    member = other["members"][0]
    member["priorities"] = {b: w for b, w in zip(reversed(list(member["priorities"])), member["priorities"].values())}
    member["priorities"]["support_24_7"] = 9
    env_a, env_b = make(scenario_from_data(data)), make(scenario_from_data(other))
    obs_a, info_a = env_a.reset(seed=8)
    obs_b, info_b = env_b.reset(seed=8)
    assert not np.array_equal(env_a.game.state.prio, env_b.game.state.prio)   # the hidden truth differs
    assert obs_a.tobytes() == obs_b.tobytes()                                  # what the agent sees does not
    assert np.array_equal(info_a["action_mask"], info_b["action_mask"])


def test_without_gymnasium_the_import_error_names_the_extra():
    code = ("import sys; sys.modules['gymnasium'] = None\n"
            "try:\n    import game.gym\nexcept ImportError as e:\n    print(e)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=60)
    assert "pip install b2bsim[rl]" in out.stdout, out.stderr

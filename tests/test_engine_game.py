"""The single-game contract: reset/step/check, errors, observation, debrief, replay, determinism."""
from __future__ import annotations

import dataclasses
import json
import pathlib
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from game.engine import (LOYALTY_RUNGS, MESSAGE_PARAMS, Action, BatchGame, Game, GameNotStarted, GameOver,
                         IllegalAction, compile_tables, replay)
from game.scenario import bundled_scenarios, load_scenario, scenario_from_data
from test_engine_fixtures import BASE, data, group, scenario, started, with_gate

FIXTURES = {"base": lambda: scenario(), "gate": lambda: scenario_from_data(with_gate()),
            "group1": lambda: scenario_from_data(group(1)), "group6": lambda: scenario_from_data(group(6))}
ALL = [pytest.param(lambda p=p: load_scenario(p), id=p.stem) for p in bundled_scenarios()] + \
      [pytest.param(f, id=k) for k, f in FIXTURES.items()]


def random_plan(game: Game, rng: np.random.Generator) -> list[Action]:
    """A random list of actions that check() accepts (may be empty)."""
    legal = list(game.observation.legal_actions)
    plan: list[Action] = []
    for _ in range(8):
        if not legal:
            break
        a = legal[int(rng.integers(len(legal)))]
        if game.check(plan + [a]) is None:
            plan.append(a)
    return plan


def play_random(sc, seed: int, rng_seed: int = 0) -> Game:
    game = Game(sc)
    game.reset(seed=seed)
    rng = np.random.default_rng(rng_seed)
    while not game.done:
        game.step(random_plan(game, rng))
    return game


# ------------------------------------------------------------------ lifecycle errors
def test_step_before_reset_is_an_error():
    game = Game(scenario())
    with pytest.raises(GameNotStarted, match="reset"):
        game.step([])
    with pytest.raises(GameNotStarted):
        game.observation


def test_step_after_the_end_is_an_error():
    game = play_random(scenario(), 1)
    with pytest.raises(GameOver):
        game.step([])
    assert "over" in game.check([])


def test_debrief_only_when_done():
    game = started(scenario())
    with pytest.raises(RuntimeError, match="over"):
        game.debrief()


@pytest.mark.parametrize("actions, words", [
    ([Action("shout", "cfo")], "unknown action kind"),
    ([Action("pitch", "cfo")], "which benefit"),
    ([Action("pitch", "cfo", "cost_savings")], "did you mean 'cost_saving'"),
    ([Action("ask", "cfoo")], "did you mean 'cfo'"),
    ([Action("ask")], "which member"),
    ([Action("discount", "cfo")], "not aimed at a member"),
    ([Action("ask", "cfo", "cost_saving")], "only a pitch takes a benefit"),
    ([Action("deliver")], "post-sale"),
    ([Action("ask", "cfo")] * 5, "cost 5 points but this round has only 4"),
    ([Action("reference", "cfo"), Action("demo", "eng"), Action("ask", "eng")], "cost 5"),
    (["ask"], "expected an Action"),
])
def test_illegal_actions_are_rejected_with_a_clear_reason(actions, words):
    game = started(scenario())
    reason = game.check(actions)
    assert reason is not None and words in reason
    before = game.observation
    with pytest.raises(IllegalAction, match="action"):
        game.step(actions)
    assert game.observation is before and game.history == ()       # nothing happened


@pytest.mark.parametrize("seed", [-1, "7", 1.5, True])
def test_bad_seed_is_a_clear_error(seed):
    with pytest.raises(ValueError, match="seed must be"):
        Game(scenario()).reset(seed=seed)


@pytest.mark.parametrize("bad", [None, 5, Action("ask", "cfo").kind])
def test_step_with_something_that_is_not_a_list_is_rejected(bad):
    game = started(scenario())
    with pytest.raises(IllegalAction):
        game.step(bad)


def test_every_listed_legal_action_passes_check():
    for sc in (scenario(), scenario_from_data(with_gate())):
        game = started(sc)
        assert game.observation.legal_actions
        for a in game.observation.legal_actions:
            assert game.check([a]) is None, a


# ------------------------------------------------------------------ observation
def test_observation_hides_undiscovered_priorities():
    game = started(scenario())
    obs = game.observation
    assert all(m.known_priorities == () and m.revealed == 0 for m in obs.members)
    text = repr(obs)
    assert "priorit" not in text.replace("known_priorities", "")
    fields = {f.name for f in dataclasses.fields(obs.members[0])}
    assert "priorities" not in fields and "care" not in fields


def test_observation_basics():
    game = started(scenario())
    obs = game.observation
    assert obs.round == 0 and obs.phase == "pre_sale" and obs.points == 4 and not obs.done
    assert [s.id for s in obs.stages][-2:] == ["implementing_decision", "reviewing_outcome"]
    assert [s.post_sale for s in obs.stages] == [False] * 6 + [True] * 2
    assert obs.rivals[0].style == "price" and obs.outcome is None and obs.loyalty is None
    assert {b.id: b.capability for b in obs.benefits}["advanced_technology"] == 0.9


def test_step_result_reports_stance_changes():
    game = started(scenario())
    result = game.step([Action("ask", "cfo")])
    cfo = [c for c in result.changes if c.member == "cfo"]
    assert cfo and cfo[0].after > cfo[0].before
    assert result.observation.round == 1 and not result.done


# ------------------------------------------------------------------ check run over every scenario
@pytest.mark.parametrize("make", ALL)
def test_random_legal_play_keeps_the_invariants(make):
    sc = make()
    for seed in range(4):
        game = Game(sc)
        obs = game.reset(seed=seed)
        rng = np.random.default_rng(seed)
        succ = {game.tables.member_ids[r]: r for r in game.tables.ev_succ if r >= 0}
        while not game.done:
            plan = random_plan(game, rng)
            assert sum(a.cost for a in plan) <= obs.points
            obs = game.step(plan).observation
            st = game.state
            assert (np.abs(st.stance) <= 1).all() and (np.abs(st.rival) <= 1).all()
            assert (st.points >= 0).all() and obs.points >= 0
            for m in obs.members:
                assert -1 <= m.stance <= 1 and -1 <= m.rival_stance <= 1
                # exactly the top 0 / 1 / 3 / all of the member's true priorities in the current stage (its
                # emphasis), as far as the reveal level still holds (a first answer goes stale with a shift)
                row = game.tables.member_ids.index(m.id) if m.id not in succ else succ[m.id]
                true = st.prio[0, row] * game.tables.emphasis[min(st.round, game.tables.n_rounds - 1), row]
                assert st.known_level[0, row] in (m.revealed, 0)
                limit = (0, 1, 3, 99)[st.known_level[0, row]]
                order = sorted((b for b in range(len(true)) if true[b] > 0), key=lambda b: (-true[b], b))
                expect = {game.tables.benefit_ids[b] for b in order[:limit]}
                assert {b for b, _ in m.known_priorities} == expect
        d = game.debrief()
        assert obs.done and obs.outcome in ("won", "lost", "no_decision") and obs.phase == "over"
        assert 0 <= d.score.total <= 1000 and len(d.advice) == 3
        assert all(0 <= v <= 1 for _, v in d.score.parts)
        assert len(d.mattered) == len(d.members) == len(d.pitched) == len(d.stance_history)
        assert all(len(row) == len(game.history) + 1 for row in d.stance_history)
        assert all(len(row) == len(d.benefits) for row in d.mattered)
        if d.outcome == "won":
            assert d.loyalty is not None and 0 <= d.loyalty < len(LOYALTY_RUNGS)
        for message in [*d.advice, *(t.message for t in d.turning_points),
                        *(m for news in game.news_log for m in news)]:
            assert tuple(k for k, _ in message.params) == MESSAGE_PARAMS[message.key]


# ------------------------------------------------------------------ replay and determinism
def fingerprint(game: Game) -> str:
    d = game.debrief()
    return repr((d.outcome, d.score, d.stance_history, d.rival_history, d.support, game.news_log))


@pytest.mark.parametrize("make", ALL[:2] + ALL[-2:])
def test_replay_gives_the_identical_result(make):
    sc = make()
    game = play_random(sc, seed=11, rng_seed=5)
    again = replay(sc, 11, game.history)
    assert fingerprint(again) == fingerprint(game)


def test_replay_rejects_an_illegal_history_clearly():
    with pytest.raises(IllegalAction, match="round 2"):
        replay(scenario(), 1, [[], [Action("deliver")]])


def test_different_seeds_can_differ():
    sc = scenario_from_data(data(events=[{"id": "e", "stage": "information_gathering", "probability": 0.5,
                                          "type": "budget_cut"}]))
    prints = {fingerprint(play_random(sc, seed=s)) for s in range(8)}
    assert len(prints) > 1


def test_batch_of_one_plays_exactly_like_game():
    sc = scenario_from_data(with_gate())
    game = play_random(sc, seed=4, rng_seed=2)
    bg = BatchGame(compile_tables(sc), 4, 1)
    from game.engine.legality import resolve
    for actions in game.history:
        for a in actions:
            k, m, b = resolve(bg.state, bg.tables, a)
            assert bg.apply(np.array([k]), np.array([m]), np.array([b]))[0]
        bg.end_round()
    assert bg.done
    assert np.array_equal(bg.state.stance_history, game.state.stance_history)
    assert bg.scores()[0] == game.debrief().score.total


SUBPROCESS = textwrap.dedent("""
    import json, sys
    import numpy as np
    sys.path.insert(0, sys.argv[1])
    from test_engine_game import play_random, fingerprint
    from test_engine_fixtures import scenario_from_data, with_gate
    import game.engine
    print(json.dumps([fingerprint(play_random(scenario_from_data(with_gate()), seed=s, rng_seed=s)) for s in (3, 9)]))
    print(json.dumps("pygame" in sys.modules))
""")


def test_same_seed_same_result_in_separate_processes():
    here_dir = str(pathlib.Path(__file__).resolve().parent)
    runs = [subprocess.run([sys.executable, "-c", SUBPROCESS, here_dir], capture_output=True, text=True, check=True)
            for _ in range(2)]
    outs = [r.stdout.splitlines() for r in runs]
    assert outs[0][0] == outs[1][0]
    here = [fingerprint(play_random(scenario_from_data(with_gate()), seed=s, rng_seed=s)) for s in (3, 9)]
    assert json.loads(outs[0][0]) == here
    assert json.loads(outs[0][1]) is False


def test_import_engine_does_not_import_pygame():
    code = "import sys, game.engine; print('pygame' in sys.modules, any(m.startswith('pygame') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_base_fixture_is_not_mutated():
    assert BASE["members"][0]["id"] == "cfo" and "gated_by" not in BASE["members"][0]

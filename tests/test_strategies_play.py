"""Baseline strategies: legal on both paths, fair information, and the batch agrees with single games."""
from __future__ import annotations

import copy

import numpy as np
import pytest

from game.engine import Game, compile_tables, knowledge
from game.engine import actions as A
from game.engine.strategies import STRATEGIES, get_strategy, plan_round, play_batch, play_single, strategy_rng
from game.engine.strategies.base import Strategy, play_round
from game.engine.batch import BatchGame
from game.scenario import bundled_scenarios, load_scenario, scenario_from_data
from test_engine_fixtures import group, with_gate

SCENARIOS = [pytest.param(lambda p=p: load_scenario(p), id=p.stem) for p in bundled_scenarios()] + [
    pytest.param(lambda: scenario_from_data(with_gate()), id="gate"),
    pytest.param(lambda: scenario_from_data(group(1)), id="one-member"),
]
NAMES = list(STRATEGIES)


def test_the_ladder_of_strategies_exists_by_name():
    assert NAMES == ["random", "price_only", "greedy", "novice", "memorizer", "expert", "oracle"]
    assert [n for n in NAMES if get_strategy(n).sees_hidden] == ["oracle"]
    assert [n for n in NAMES if getattr(get_strategy(n), "reads_file", False)] == ["memorizer"]
    with pytest.raises(KeyError, match="one of"):
        get_strategy("cheater")


@pytest.mark.parametrize("make", SCENARIOS)
@pytest.mark.parametrize("name", NAMES)
def test_plans_for_a_single_game_are_legal_and_spend_the_points(make, name):
    sc = make()
    rng = strategy_rng(3)
    for seed in range(3):
        game = Game(sc)
        game.reset(seed=seed)
        while not game.done:
            plan = plan_round(game, name, rng)
            assert game.check(plan) is None, (plan, game.check(plan))
            # price_only may run out of reachable members to pitch; after the sale the expert's policy spends
            # only what the account's potential is worth (strategies/service.py: service effort costs margin)
            if name != "price_only" and game.observation.phase == "pre_sale":
                assert sum(a.cost for a in plan) >= game.observation.points - 1
            game.step(plan)
        assert game.debrief().outcome in ("won", "lost", "no_decision")


class Watch:
    """Wraps a strategy and records any non-NOOP slot that the engine would reject."""

    def __init__(self, inner):
        self.inner, self.illegal, self.slots = inner, 0, 0

    def start_round(self, st, tb, rng):
        return self.inner.start_round(st, tb, rng)

    def slot(self, st, tb, rng, ctx):
        k, m, b = self.inner.slot(st, tb, rng, ctx)
        chose = k >= 0
        self.illegal += int((chose & ~A.slot_legal(st, tb, k, m, b)).sum())
        self.slots += int(chose.sum())
        return k, m, b


@pytest.mark.parametrize("make", SCENARIOS)
@pytest.mark.parametrize("name", NAMES)
def test_batch_choices_are_always_legal(make, name):
    tb = compile_tables(make())
    watch = Watch(get_strategy(name))
    bg = BatchGame(tb, 11, 300)
    rng = strategy_rng(11)
    while not bg.done:
        play_round(bg.state, tb, watch, rng)
        bg.end_round()
    assert watch.slots > 300 and watch.illegal == 0


@pytest.mark.parametrize("name", NAMES)
def test_a_batch_of_one_plays_exactly_like_a_single_game(name):
    sc = load_scenario(bundled_scenarios()[0])
    tb = compile_tables(sc)
    for seed in (0, 1, 2, 3):
        game = play_single(sc, name, seed)
        bg = play_batch(tb, name, seed, 1)
        assert np.array_equal(game.state.stance_history, bg.state.stance_history)
        assert int(game.state.outcome[0]) == int(bg.state.outcome[0])
        assert game.debrief().score.total == int(bg.scores()[0])


@pytest.mark.parametrize("name,games", [("expert", 160), ("greedy", 160), ("random", 160)])
def test_batch_and_single_games_agree_on_rates(name, games):
    """Same strategy, different seeds on each path: win / loss / no-decision rates agree within 5 sigma."""
    sc = load_scenario(bundled_scenarios()[0])
    tb = compile_tables(sc)
    batch = play_batch(tb, name, 12345, 4000).state.outcome
    single = np.array([play_single(sc, name, 1000 + s).state.outcome[0] for s in range(games)])
    for code in (0, 1, 2):
        p = (batch == code).mean()
        q = (single == code).mean()
        pooled = (p * 4000 + q * games) / (4000 + games)
        se = np.sqrt(max(pooled * (1 - pooled), 1e-4) * (1 / 4000 + 1 / games))
        assert abs(p - q) <= 5 * se + 1e-9, (code, p, q)


def hide_differently(st, tb, noise: np.random.Generator):
    """A copy of ``st`` whose hidden information is redrawn, keeping exactly what the player knows.

    Known: the priorities that hold now (``known_level``: a first answer of an earlier stage went stale),
    the reveal depth asked (``revealed``), and a concern once a follow-up surfaced it (``revealed`` >= 2).
    Redrawn: care, raw priorities and ranks beyond that (ranks stay beyond the known depth, so the
    reveal levels still list the same benefits), credibility, a concern not yet surfaced (which concern,
    or none, and whether it was addressed), the rivals' plans and what each rival has learned, a doomed
    pilot, this round's random draws and the decision's noise.
    """
    twin = st.copy()
    known = knowledge.known_mask(st.rank, st.known_level)
    twin.care = np.where(known, st.care, noise.random(st.care.shape))
    twin.prio = np.where(known, st.prio, noise.random(st.prio.shape) * max(float(st.prio.max()), 1.0))
    depth = knowledge.REVEAL_LIMITS[st.known_level][..., None]             # ranks below this are known
    twin.rank = np.where(known, st.rank, (depth + noise.integers(0, 3, st.rank.shape)).astype(st.rank.dtype))
    hidden = st.revealed < 2                                                # concern not surfaced yet
    twin.concern = np.where(hidden, noise.integers(-1, 3 + tb.B, st.concern.shape), st.concern)
    twin.addressed = np.where(hidden, noise.random(st.addressed.shape) < 0.5, st.addressed)
    for name in ("cred", "rcred", "rival_pitch_base", "rival_pitch_fix", "rival_ref_base", "u"):
        setattr(twin, name, noise.random(getattr(st, name).shape))
    twin.rival_best = noise.integers(0, tb.B, st.rival_best.shape).astype(st.rival_best.dtype)
    twin.rival_known = noise.random(st.rival_known.shape) < 0.5
    twin.pilot_doomed = noise.random(st.G) < 0.5
    if st.z is not None:
        twin.z = noise.gumbel(size=st.z.shape)
    return twin


class Twin(Strategy):
    """Plays ``inner``; before every slot, asks ``inner`` the same question on a twin state whose hidden
    information differs, and records whether the two answers differ."""

    def __init__(self, inner):
        self.inner, self.name = inner, inner.name
        self.noise = np.random.default_rng(99)
        self.slots = self.differing = 0

    def start_round(self, st, tb, rng):
        return self.inner.start_round(st, tb, rng)

    def slot(self, st, tb, rng, ctx):
        seen = self.inner.slot(hide_differently(st, tb, self.noise), tb, copy.deepcopy(rng), copy.deepcopy(ctx))
        chosen = self.inner.slot(st, tb, rng, ctx)
        self.slots += 1
        self.differing += not all(np.array_equal(a, b) for a, b in zip(chosen, seen))
        return chosen


def play_twin(tb, name: str, games: int = 24) -> Twin:
    twin = Twin(get_strategy(name))
    bg = BatchGame(tb, 4, games)
    rng = strategy_rng(4)
    while not bg.done:
        play_round(bg.state, tb, twin, rng)
        bg.end_round()
    return twin


@pytest.mark.parametrize("make", SCENARIOS)
@pytest.mark.parametrize("name", ["random", "price_only", "greedy", "novice", "memorizer", "expert"])
def test_fair_strategies_do_not_read_hidden_information(make, name):
    """Every decision of whole games, pre- and post-sale: a fair strategy decides the same when what it
    cannot see (undiscovered or stale priorities, unsurfaced concerns, credibility, rival plans and what
    the rivals learned, random draws) is different."""
    twin = play_twin(compile_tables(make()), name)
    assert twin.slots > 10 and twin.differing == 0


def test_the_oracle_does_read_hidden_information():
    twin = play_twin(compile_tables(load_scenario(bundled_scenarios()[0])), "oracle")
    assert twin.differing > 0


def test_the_memorizer_reads_the_file_and_nothing_else_hidden():
    """The memorizer's decisions follow the file's written priorities (its name says it knows them):
    the same deal with other authored priorities is played differently."""
    sc = load_scenario(bundled_scenarios()[0])
    data = sc.model_dump(mode="json", exclude_none=True)
    for member in data["members"]:
        member["priorities"] = dict(reversed(list(member["priorities"].items())))
        top = max(member["priorities"].values())
        member["priorities"] = {b: top + 1 - w for b, w in member["priorities"].items()}
    other = scenario_from_data(data)
    plans = [play_single(s, "memorizer", 3).history for s in (sc, other)]
    assert plans[0] != plans[1]
    assert all(a.kind != "ask" for plan in plans[0] for a in plan)


def test_the_novice_asks_pitches_what_it_heard_and_ignores_doors_and_extras():
    sc = scenario_from_data(with_gate())
    for seed in range(4):
        game = play_single(sc, "novice", seed)
        kinds = {a.kind for plan in game.history[: game.tables.decision + 1] for a in plan}
        assert "ask" in kinds and "pitch" in kinds
        assert not kinds & {"refer", "discount", "reference", "demo", "pilot"}
        heard: set = set()
        for plan in game.history:
            for a in plan:
                if a.kind == "ask":
                    heard.add(a.member)
                elif a.kind == "pitch" and a.member in heard:
                    row = game.tables.row(a.member)
                    known = game.state.rank[0, row] < 3
                    assert known[game.tables.benefit_ids.index(a.benefit)], a


def test_the_novice_asks_the_people_in_the_meeting_and_pitches_only_whom_it_heard():
    """A beginner listens to whoever takes part in the stage (a role in its focus), pitches only members it
    has asked, and starts with the heaviest decision weight it can talk to."""
    sc = load_scenario(next(p for p in bundled_scenarios() if p.stem == "robot_cell_japanese"))
    tb = compile_tables(sc)
    for seed in range(3):
        game = play_single(sc, "novice", seed)
        asked: set = set()
        for r, plan in enumerate(game.history[: tb.decision + 1]):
            for a in plan:
                m = tb.row(a.member)
                if a.kind == "ask":
                    assert tb.activity[r, m] >= tb.params.act_focus, (r, a)
                    asked.add(a.member)
                else:
                    assert a.kind == "pitch" and a.member in asked, (r, a)
        first = game.history[0][0]
        in_focus = [m for m in range(tb.M) if tb.activity[0, m] >= tb.params.act_focus]
        assert first.kind == "ask" and tb.row(first.member) == max(in_focus, key=lambda m: tb.weight[m])


def test_expert_asks_before_it_pitches_and_greedy_never_asks():
    sc = load_scenario(bundled_scenarios()[0])
    for name, asks in (("expert", True), ("greedy", False)):
        game = play_single(sc, name, 5)
        seen: set = set()
        kinds = set()
        for plan in game.history:
            for a in plan:
                kinds.add(a.kind)
                if a.kind == "ask":
                    seen.add(a.member)
                if a.kind == "pitch" and name == "expert":
                    assert a.member in seen, a
        assert ("ask" in kinds) == asks


def test_greedy_never_asks_never_repeats_a_flat_pitch_and_gets_past_the_door():
    """The never-asker (issue 12): no question ever; a pitch that fell flat (the round's news) is never made to
    that member again, one that landed is made again; it reaches the gated decider (a referral, or by warming
    the gatekeeper) in most games of the gated scenario, where the pusher, which does not look, does not."""
    sc = scenario_from_data(with_gate())
    tb = compile_tables(sc)
    gated = list(tb.gated_rows)
    reached = {"greedy": 0, "pusher": 0}
    for name in reached:
        for seed in range(12):
            game = play_single(sc, name, seed)
            st = game.state
            assert st.asks.sum() == 0 and all(a.kind != "ask" for plan in game.history for a in plan), name
            if name == "greedy":
                assert st.wasted_pitch.max() <= 1, seed                       # a flat pitch is never repeated
                assert ((st.pitch_count - st.wasted_pitch) >= 2).any(), seed  # a landed one is
            reached[name] += bool(st.engaged[0, gated].sum() > 0)
    assert reached["greedy"] >= 11 and reached["pusher"] <= reached["greedy"] - 5, reached

"""The customer of each game (issue 10): seeded variation around the file, pins, the same customer everywhere."""
from __future__ import annotations

import json
import subprocess
import sys

import numpy as np

from game import SCENARIO_DIR
from game.engine import Game, compile_tables, new_batch
from game.engine.customer import draw_customer
from game.scenario import load_scenario, scenario_from_data
from test_engine_fixtures import data

HANBIT = SCENARIO_DIR / "data_platform_hanbit.yaml"


def file_values(sc):
    tb = compile_tables(sc)
    return tb.prio0, tb.stance0


def test_variation_none_is_exactly_the_file():
    sc = scenario_from_data(data(variation="none"))
    prio0, stance0 = file_values(sc)
    st = new_batch(compile_tables(sc), 11, 50)
    assert (st.prio == prio0).all() and (st.stance == stance0).all()


def test_seeds_meet_different_customers_within_what_the_author_wrote():
    sc = scenario_from_data({k: v for k, v in data().items() if k != "variation"})   # default: normal
    tb = compile_tables(sc)
    prio, stance = draw_customer(tb, 5, 400)
    top = prio.argmax(axis=2)                            # each game's top priority per member
    assert len({tuple(t) for t in top.tolist()}) > 3     # not one customer for every seed
    assert ((prio > 0) == (tb.prio0 > 0)).all()          # nobody cares about what the author left out
    for m in range(tb.M):                                # the file is the centre: its top is the usual top
        assert np.bincount(top[:, m]).argmax() == tb.prio0[m].argmax()
    assert np.abs(stance - tb.stance0).max() <= tb.params.vary_stance + 1e-12
    assert len(np.unique(stance[:, 0])) > 100


def test_pins_keep_single_values_as_written():
    d = data(variation="high")
    d["members"][0]["pin"] = ["priorities"]
    d["members"][1]["pin"] = ["stance"]
    tb = compile_tables(scenario_from_data(d))
    prio, stance = draw_customer(tb, 3, 200)
    assert (prio[:, 0] == tb.prio0[0]).all() and (stance[:, 1] == tb.stance0[1]).all()
    assert (prio[:, 1] != tb.prio0[1]).any() and (stance[:, 0] != tb.stance0[0]).any()


def test_the_single_game_meets_game_zero_of_a_batch_and_every_batch_row_is_its_seed():
    sc = load_scenario(HANBIT)
    tb = compile_tables(sc)
    game = Game(sc)
    game.reset(seed=21)
    st = new_batch(tb, 21, 7)
    assert (game._st.prio[0] == st.prio[0]).all() and (game._st.stance[0] == st.stance[0]).all()
    big = new_batch(tb, 21, 300)
    assert (big.prio[:7] == st.prio).all() and (big.start_stance[:7] == st.start_stance).all()


def test_the_debrief_matrix_is_that_games_customer():
    sc = load_scenario(HANBIT)
    mats = set()
    for seed in range(8):
        game = Game(sc)
        game.reset(seed=seed)
        while not game.done:
            game.step([])
        mats.add(game.debrief().mattered)
    assert len(mats) > 1


_SCRIPT = """
import json, sys
from game.engine import Game
from game.engine.strategies import plan_round, strategy_rng
from game.scenario import load_scenario
game = Game(load_scenario(sys.argv[1])); game.reset(seed=int(sys.argv[2])); rng = strategy_rng(game.seed)
prio = game._st.prio[0].tolist(); stance = game._st.stance[0].tolist()
while not game.done:
    game.step(plan_round(game, "expert", rng))
print(json.dumps([prio, stance, game.debrief().score.total, game.observation.outcome]))
"""


def test_same_scenario_and_seed_give_the_same_customer_and_result_in_two_processes():
    runs = [subprocess.run([sys.executable, "-c", _SCRIPT, str(HANBIT), "4242"], capture_output=True, text=True,
                           check=True, env={"PYTHONHASHSEED": str(h), "PATH": ""}, cwd=str(SCENARIO_DIR.parents[2])).stdout
            for h in (1, 2)]
    assert runs[0] == runs[1]
    prio, stance, total, outcome = json.loads(runs[0])
    tb = compile_tables(load_scenario(HANBIT))
    assert (np.array(prio) == draw_customer(tb, 4242, 1)[0][0]).all()


# ------------------------------------------------------------------ needs that move with the stage
def test_what_matters_moves_with_the_stage_and_a_first_answer_goes_stale():
    from game.engine import Action
    from test_engine_fixtures import CALM, started
    d = data(stages=[
        {"id": "early", "name": "Early", "actions": 4}, {"id": "early2", "name": "Early 2", "actions": 4},
        {"id": "late", "name": "Late", "actions": 4, "emphasis": {"price": 3}},
        {"id": "buy", "name": "Buy", "actions": 4, "decision": True, "emphasis": {"price": 3}}])
    game = started(scenario_from_data(d), CALM)
    game.step([Action("ask", "cfo"), Action("ask", "eng")])
    assert game.observation.member("cfo").known_priorities == (("cost_saving", 1.0),)
    game.step([Action("ask", "eng")])                                        # eng: a follow-up
    cfo, eng = game.observation.member("cfo"), game.observation.member("eng")
    assert game.observation.round == 2
    # the price now weighs 3 x 3 = 9 against cost 5 for the CFO: the earlier answer is stale, not wrong
    assert cfo.revealed == 1 and cfo.known_priorities == ()
    assert len(eng.known_priorities) == 3
    game.step([Action("ask", "cfo")])
    assert game.observation.member("cfo").known_priorities[0][0] == "affordable_price"

def test_a_member_shift_overrides_the_stage_for_that_member_only():
    d = data(stages=[{"id": "a", "name": "A", "emphasis": {"technology": 2}},
                     {"id": "b", "name": "B", "decision": True}])
    d["members"][1]["emphasis"] = {"a": {"technology": 0.5}}
    tb = compile_tables(scenario_from_data(d))
    tech = tb.benefit_ids.index("advanced_technology")
    eng, cfo = tb.row("eng"), tb.row("cfo")
    assert tb.emphasis[0, eng, tech] == 0.5 and tb.emphasis[0, cfo, tech] == 2.0
    assert tb.emphasis[1, eng, tech] == 1.0 and list(tb.regime) == [0, 1]


def test_the_standard_stages_shift_toward_technology_then_price():
    tb = compile_tables(scenario_from_data(data()))
    b = {k: tb.benefit_ids.index(k) for k in ("advanced_technology", "affordable_price", "cost_saving")}
    s = {k: tb.stage_ids.index(k) for k in ("problem_identification", "evaluating_alternatives",
                                              "choosing_alternative")}
    assert tb.emphasis[s["problem_identification"], 0].tolist() == [1.0] * tb.B
    assert tb.emphasis[s["evaluating_alternatives"], 0, b["advanced_technology"]] == 2.0
    assert tb.emphasis[s["choosing_alternative"], 0, b["affordable_price"]] == 2.0
    assert list(tb.regime) == [0, 0, 0, 1, 1, 2, 2, 2]      # two shifts before the decision, none after


# ------------------------------------------------------------------ discovery with depth: hidden concerns
def concern_game(cure="reference"):
    from test_engine_fixtures import CALM, started
    d = data()
    d["members"][0]["concern"] = cure
    return started(scenario_from_data(d), CALM)


def test_a_follow_up_surfaces_the_hidden_concern_and_only_then_the_right_action_addresses_it():
    from game.engine import Action
    game = concern_game("reference")
    game.step([Action("ask", "cfo"), Action("reference", "cfo")])    # a cure before the concern is known
    cfo = game.observation.member("cfo")
    assert cfo.concern is None and not game.state.addressed[0, 0]
    game.step([Action("ask", "cfo")])                                 # the follow-up
    assert game.observation.member("cfo").concern == "reference"
    assert "news.concern_reference" in [m.key for m in game.observation.news]
    game.step([Action("demo", "cfo"), Action("pitch", "cfo", "cost_saving")])      # not its cure
    assert not game.observation.member("cfo").concern_addressed
    game.step([Action("reference", "cfo")])
    assert game.observation.member("cfo").concern_addressed
    assert "news.concern_addressed" in [m.key for m in game.observation.news]


def test_a_pitch_concern_names_its_benefit_and_the_pitch_addresses_it():
    from game.engine import Action
    game = concern_game("affordable_price")
    game.step([Action("ask", "cfo")])
    game.step([Action("ask", "cfo")])
    assert game.observation.member("cfo").concern == "affordable_price"
    game.step([Action("pitch", "cfo", "affordable_price")])
    assert game.observation.member("cfo").concern_addressed


def test_an_unaddressed_concern_pulls_the_member_toward_doing_nothing():
    from game.engine import decision
    from game.engine.state import NO_DECISION, WON
    from test_engine_fixtures import CALM
    d = data()
    d["members"] = d["members"][:1]
    d["members"][0]["concern"] = "demo"
    tb = compile_tables(scenario_from_data(d), CALM)
    st = new_batch(tb, 1, 2)
    st.stance[:] = -0.15                       # above doing nothing (-0.2), below it with the concern's pull
    st.rival[:] = -0.5
    st.addressed[1] = True
    st.z = np.zeros((2, 2 + tb.K, tb.M))
    decision.decide(st, tb, np.ones(2, bool))
    assert st.outcome.tolist() == [NO_DECISION, WON]


def test_concerns_are_drawn_per_seed_and_pinned_members_keep_the_file():
    d = data(variation="high")
    d["members"][1]["pin"] = ["concern"]
    tb = compile_tables(scenario_from_data(d))
    st = new_batch(tb, 8, 500)
    carried = (st.concern >= 0).mean(axis=0)
    assert carried[1] == 0.0 and 0.08 < carried[0] < 0.25            # concern_chance x 1.6 (high)
    assert len(np.unique(st.concern[:, 0])) >= 4                      # reference, demo, pilot, pitches
    assert (new_batch(compile_tables(scenario_from_data(data())), 8, 50).concern == -1).all()   # none: none

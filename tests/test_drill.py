"""The matrix drill's rules (game.drill): answer key, verdicts and score."""
import numpy as np
import pytest

from game import drill
from game.scenario import bundled_scenarios, load_scenario, scenario_from_data

BASE = {
    "format": 1, "id": "drill-test", "title": "Drill test", "variation": "none",
    "customer": {"name": "Acme"}, "deal": {"value": 1000},
    "vendor": {"name": "Us", "capabilities": {"cost_saving": 0.5}},
    "members": [
        {"id": "cfo", "name": "A", "title": "CFO", "roles": ["decider"], "influence": 0.9,
         "priorities": {"cost_saving": 5, "affordable_price": 3, "exact_delivery_date": 1, "nearby_factory": 1}},
        {"id": "it", "name": "B", "title": "IT", "roles": ["user"], "influence": 0.4,
         "priorities": {"support_24_7": 2}},
    ],
}


@pytest.fixture
def setup():
    return drill.make_drill(scenario_from_data(BASE), np.random.default_rng(0))


def test_answer_key_follows_priorities(setup):
    answer = setup.answer("cfo")
    assert answer[:2] == ("cost_saving", "affordable_price")
    assert answer[2] in ("exact_delivery_date", "nearby_factory")      # a tie: either one
    assert setup.answer("it") == ("support_24_7",)
    assert setup.picks_of("cfo") == 3 and setup.picks_of("it") == 1


@pytest.mark.parametrize("links, member, benefit, verdict, points", [
    (set(), "cfo", "cost_saving", "strong", 100),
    (set(), "cfo", "affordable_price", "some", 60),
    (set(), "cfo", "support_24_7", "miss", drill.MISS_POINTS),
    ({("cfo", "cost_saving")}, "cfo", "cost_saving", "repeat", 0),
    ({("it", "support_24_7")}, "it", "cost_saving", "full", 0),
])
def test_verdicts(setup, links, member, benefit, verdict, points):
    fb = drill.judge(setup, links, member, benefit)
    assert (fb.verdict, fb.points) == (verdict, points)
    assert fb.accepted == (verdict in ("strong", "some", "miss"))


@pytest.mark.parametrize("links, time_left, total, grade", [
    ([("cfo", "cost_saving"), ("cfo", "affordable_price"), ("cfo", "exact_delivery_date"),
      ("it", "support_24_7")], 60.0, 1000, "S"),                       # perfect and fast
    ([("cfo", "cost_saving"), ("cfo", "affordable_price"), ("cfo", "exact_delivery_date"),
      ("it", "support_24_7")], 0.0, 850, "A"),                         # perfect but out of time
    ([], 60.0, 0, "F"),
    ([("cfo", "support_24_7"), ("it", "cost_saving")], 60.0, 0, "F"),  # wrong answers never go negative
])
def test_score(setup, links, time_left, total, grade):
    limit = setup.time_limit
    res = drill.score(setup, links, time_left if time_left == 0 else limit)
    assert (res.total, res.grade) == (total, grade)
    assert 0 <= res.accuracy <= 1


def test_a_wrong_link_lowers_the_score(setup):
    good = [("cfo", "cost_saving"), ("it", "support_24_7")]
    assert drill.score(setup, good + [("cfo", "support_24_7")], 10).total < drill.score(setup, good, 10).total


def test_same_seed_same_board_different_seed_other_order():
    s = load_scenario(bundled_scenarios()[0])
    a = drill.make_drill(s, np.random.default_rng(np.random.SeedSequence(7)))
    b = drill.make_drill(s, np.random.default_rng(np.random.SeedSequence(7)))
    c = drill.make_drill(s, np.random.default_rng(np.random.SeedSequence(8)))
    assert a == b
    assert (a.members, a.benefits) != (c.members, c.benefits)


@pytest.mark.parametrize("path", bundled_scenarios(), ids=lambda p: p.stem)
def test_every_bundled_scenario_can_be_drilled_perfectly(path):
    s = load_scenario(path)
    setup = drill.make_drill(s, np.random.default_rng(1))
    links = set()
    for m in setup.members:
        for b in setup.answer(m):
            assert drill.judge(setup, links, m, b).verdict in ("strong", "some")
            links.add((m, b))
    assert drill.is_complete(setup, links)
    assert drill.score(setup, links, setup.time_limit).total == 1000


def test_the_drill_draws_its_own_customer_from_its_seed():
    """With variation, drills of different seeds ask for different answer keys; the same seed, the same one."""
    s = scenario_from_data({**BASE, "variation": "high"})
    keys = {drill.make_drill(s, np.random.default_rng(np.random.SeedSequence(seed))).answer("cfo")
            for seed in range(40)}
    assert len(keys) > 2
    again = [drill.make_drill(s, np.random.default_rng(np.random.SeedSequence(3))) for _ in range(2)]
    assert again[0] == again[1]

"""The forecast ("if they decided now") applies the customer's own decision
rule (``decision.tally``) to public information, and previews planned actions."""
import dataclasses

import pytest

from game.engine.forecast import forecast
from game.engine.game import Game
from game.engine.params import DEFAULT_PARAMS
from game.scenario import bundled_scenarios, load_scenario

EXACT = dataclasses.replace(DEFAULT_PARAMS, decision_noise=0.0, unheard_stall=0.0,   # no random hold-outs either:
                            doubt_risk=0.0, doubt_fit=0.0, doubt_use=0.0,     # (unheard members, open doubts,
                            doubt_expected=0.0)                               # a proof a member expects)


def decided_game(path, seed, params=EXACT):
    g = Game(load_scenario(path), params)
    obs = g.reset(seed=seed)
    while True:
        prev = obs
        obs = g.step([a for a in obs.legal_actions if a.kind in ("ask", "pitch")][:2]).observation
        if prev.outcome is None and obs.outcome is not None:
            return g, obs


SINGLE_RIVAL = [p for p in bundled_scenarios() if len(load_scenario(p).competitors) == 1]


@pytest.mark.parametrize("path", SINGLE_RIVAL, ids=[p.stem for p in SINGLE_RIVAL])
@pytest.mark.parametrize("seed", range(4))
def test_without_noise_the_forecast_is_the_decision(path, seed):
    """With one rival (all stances public) and no random draws, the forecast
    on the stances the customer decided on is exactly what they decided."""
    g, obs = decided_game(path, seed)
    fc = forecast(obs, g.tables)
    assert fc.outcome == obs.outcome
    backing = g.state.backing[0]
    rivals = [c.id for c in g.scenario.competitors]
    for mf in fc.members:
        real = int(backing[g.tables.member_ids.index(mf.member)])
        expected = "status_quo" if real == -1 else ("player" if real == 0 else rivals[real - 1])
        assert mf.backs == expected, mf


def test_the_forecast_mostly_agrees_with_several_rivals_too():
    agree = total = 0
    for path in bundled_scenarios():
        for seed in range(3):
            g, obs = decided_game(path, seed)
            agree += forecast(obs, g.tables).outcome == obs.outcome
            total += 1
    assert agree >= 0.75 * total


def test_planned_pitches_of_known_priorities_raise_the_forecast():
    path = next(p for p in bundled_scenarios() if p.stem == "electronics_support")
    g = Game(load_scenario(path))
    obs = g.reset(seed=1)
    obs = g.step([a for a in obs.legal_actions if a.kind == "ask"][:4]).observation
    before = forecast(obs, g.tables)
    known = [(mv, mv.known_priorities[0][0]) for mv in obs.members if mv.known_priorities and not mv.locked]
    assert known, "asking taught nothing"
    mv, benefit = known[0]
    plan = [a for a in obs.legal_actions if a.kind == "pitch" and a.member == mv.id and a.benefit == benefit][:1]
    after = forecast(obs, g.tables, plan)
    moved = {m.member: m.moved for m in after.members}
    assert moved[mv.id] > 0 and all(v == 0 for k, v in moved.items() if k != mv.id)
    assert after.share >= before.share
    assert forecast(obs, g.tables, plan) == after            # pure: same input, same answer
    assert g.observation == obs                              # and the game is untouched


def test_the_forecast_names_the_share_needed_and_the_weights_sum_to_one():
    g = Game(load_scenario(bundled_scenarios()[0]))
    fc = forecast(g.reset(seed=3), g.tables)
    assert fc.needed == DEFAULT_PARAMS.consensus and fc.stall_needed == DEFAULT_PARAMS.stall_weight
    assert sum(m.weight for m in fc.members) == pytest.approx(1.0)
    assert 0 <= fc.share <= 1 and fc.outcome in ("won", "lost", "no_decision")

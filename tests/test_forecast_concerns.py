"""The forecast counts a hidden concern only once the PLAYER knows it (a follow-up
surfaced it), exactly as the real decision counts it (``concern_pull``), and
a planned cure lifts it; a concern never surfaced stays out of the forecast.
Open doubts (proofs.py) are public and counted as the decision counts them.

These deals keep the member clear of a veto (``veto_influence`` out of reach): the
edge sits below ``veto_stance`` since status_quo is -0.6, and the veto is not what
is tested here."""
import dataclasses

import numpy as np
import pytest

from game.engine import Action, Game, compile_tables, decision
from game.engine.decision import status_quo_utility
from game.engine.forecast import forecast
from game.scenario import scenario_from_data
from test_engine_fixtures import CALM, data


NO_VETO = CALM.with_(veto_influence=1.5)


def one_member_game(cure: str, asks: int, params=NO_VETO):
    """A one-member deal whose member carries the written concern ``cure``, asked ``asks`` times."""
    d = data()
    d["members"] = d["members"][:1]
    if cure:
        d["members"][0]["concern"] = cure
    game = Game(scenario_from_data(d), params)
    game.reset(seed=1)
    for _ in range(asks):
        game.step([Action("ask", "cfo")])
    return game


def on_the_edge(game):
    """The observation with the member's stance just above doing nothing, but below it once the
    concern's pull counts (and the rival far behind)."""
    p = game.tables.params
    sq = float(status_quo_utility(np.ones((1, 1), bool), np.zeros((1, 1), bool), p)[0, 0])
    obs = game.observation
    mv = dataclasses.replace(obs.members[0], stance=sq + p.concern_pull / 2, rival_stance=-0.9)
    return dataclasses.replace(obs, members=(mv,)), sq + p.concern_pull / 2


def test_a_surfaced_unaddressed_concern_turns_the_forecast_as_it_turns_the_decision():
    game = one_member_game("reference", asks=2)
    assert game.observation.members[0].concern == "reference"           # the follow-up surfaced it
    obs, stance = on_the_edge(game)
    fc = forecast(obs, game.tables)
    cfo = fc.members[0]
    assert cfo.worried and cfo.backs == "status_quo" and fc.outcome == "no_decision"
    # the real rule on the same numbers says the same
    st = game.state
    st.stance[0, 0], st.rival[0, :, 0] = stance, -0.9
    st.z = np.zeros((1, 2 + game.tables.K, game.tables.M))          # no random draw
    decision.decide(st, game.tables, np.ones(1, bool))
    assert int(st.outcome[0]) == decision.NO_DECISION
    # the same member without the concern known would back you
    plain = dataclasses.replace(obs, members=(dataclasses.replace(obs.members[0], concern=None),))
    assert forecast(plain, game.tables).members[0].backs == "player"


def test_a_planned_cure_lifts_the_concern_in_the_preview_and_a_pilot_does_not():
    game = one_member_game("reference", asks=2)
    obs, _ = on_the_edge(game)
    cured = forecast(obs, game.tables, [Action("reference", "cfo")])
    assert not cured.members[0].worried and cured.members[0].backs == "player"
    wrong = forecast(obs, game.tables, [Action("pilot")])
    assert wrong.members[0].worried
    addressed = dataclasses.replace(obs, members=(dataclasses.replace(obs.members[0], concern_addressed=True),))
    assert forecast(addressed, game.tables).members[0].backs == "player"


def test_a_pitch_concern_is_lifted_by_pitching_its_benefit_only():
    game = one_member_game("affordable_price", asks=2)
    obs, _ = on_the_edge(game)
    assert forecast(obs, game.tables, [Action("pitch", "cfo", "cost_saving")]).members[0].worried
    assert not forecast(obs, game.tables, [Action("pitch", "cfo", "affordable_price")]).members[0].worried


def decided_now(game, stance):
    """The real decision on the game's state with the member at ``stance``, every random draw 0."""
    st = game.state
    st.stance[0, 0], st.rival[0, :, 0] = stance, -0.9
    st.z = np.zeros((1, 2 + game.tables.K, game.tables.M))
    decision.decide(st, game.tables, np.ones(1, bool))
    return {decision.WON: "won", decision.NO_DECISION: "no_decision"}.get(int(st.outcome[0]), "lost")


def test_an_unsurfaced_concern_is_not_used():
    """One ask shows the top priority but not the concern: the hidden state holds it, the
    forecast does not see it, so it is the forecast of the same deal without any concern."""
    game = one_member_game("reference", asks=1)
    assert int(game.state.concern[0, 0]) == 0 and game.observation.members[0].concern is None
    obs, _ = on_the_edge(game)
    fc = forecast(obs, game.tables)
    assert not fc.members[0].worried and fc.members[0].backs == "player" and fc.outcome == "won"
    d = data()
    d["members"] = d["members"][:1]
    clean = Game(scenario_from_data(d), NO_VETO)
    clean.reset(seed=1)
    clean.step([Action("ask", "cfo")])
    obs2, _ = on_the_edge(clean)
    assert forecast(obs2, clean.tables) == fc
    assert compile_tables(clean.scenario, CALM).concern0[0] == -1


def test_the_forecast_panel_names_a_known_open_concern(monkeypatch, tmp_path):
    """The board's panel says whose known concern still counts against you (en/ko/ja); not once cured."""
    import pygame
    from game.ui.app import App
    from game.ui.cards import forecast_lines
    from game.ui.settings import Settings
    monkeypatch.setenv("B2BSIM_DATA_DIR", str(tmp_path))
    game = one_member_game("reference", asks=2)
    obs, _ = on_the_edge(game)
    for lang in ("en", "ko", "ja"):
        app = App(Settings(language=lang), fps=0, persist_settings=False)
        line = app.i18n.t("forecast.concern", members=app.names_member("cfo"))
        assert line in [text for text, _ in forecast_lines(app, forecast(obs, game.tables))]
        cured = forecast(obs, game.tables, [Action("reference", "cfo")])
        assert line not in [text for text, _ in forecast_lines(app, cured)]
        pygame.display.quit()


def test_an_open_doubt_is_counted_as_the_decision_counts_it():
    """(A member without a hidden concern.)  A decider's doubt about risk (public: their roles) strong enough to hold out even with no random draw:
    the forecast backs doing nothing, as the real decision does; a planned reference answers it in the
    preview, a planned demo does not; once the reference was shown (``answered``) the forecast counts it."""
    # two asks: the follow-up told what worries them, so a reference answers the doubt (proof_heard)
    game = one_member_game(None, asks=2, params=NO_VETO.with_(doubt_risk=0.9))
    obs, _ = on_the_edge(game)
    stance = obs.members[0].stance
    fc = forecast(obs, game.tables)
    assert fc.members[0].backs == "status_quo" and fc.outcome == "no_decision"
    assert fc.members[0].doubt == pytest.approx(0.9 * (1 - 0.0))          # stance below 0: all of the doubt counts
    assert decided_now(game, stance) == fc.outcome == "no_decision"
    assert forecast(obs, game.tables, [Action("reference", "cfo")]).outcome == "won"
    assert forecast(obs, game.tables, [Action("demo", "cfo")]).outcome == "no_decision"
    once = one_member_game(None, asks=1, params=NO_VETO.with_(doubt_risk=0.9))
    obs1, _ = on_the_edge(once)                  # asked once: a reference impresses but answers no doubt
    assert forecast(obs1, once.tables, [Action("reference", "cfo")]).outcome == "no_decision"
    shown = one_member_game(None, asks=2, params=NO_VETO.with_(doubt_risk=0.9))
    shown.step([Action("reference", "cfo")])                             # the reference is shown in play
    assert shown.observation.members[0].answered == ("reference",)
    obs, _ = on_the_edge(shown)
    assert forecast(obs, shown.tables).outcome == decided_now(shown, stance) == "won"
    plain = one_member_game(None, asks=1)                                # the default doubt: no hold-out at draw 0
    weak, _ = on_the_edge(plain)
    assert forecast(weak, plain.tables).outcome == decided_now(plain, stance) == "won"

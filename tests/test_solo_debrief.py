"""After a solo game: the debrief shows the practice plan's next step (P starts
it), a game played before any profile was chosen is still kept (under a
profile made silently), and the debrief's forecast tab shows the board's
forecast just before the decision beside what happened, with the board's own
drawing code."""
import pygame
import pytest

from game.engine.forecast import forecast
from game.engine.game import replay
from game.engine.strategies import play_single
from game.practice.history import load_history
from game.practice.plan import PlanStep, bundled_playable, suggest
from game.practice.profiles import default_name, load_profiles, use_profile
from game.practice.progress import build_progress
from game.scenario import bundled_scenarios, load_scenario
from game.session import check_file
from game.ui import hindsight as hindsight_module
from game.ui.app import App
from game.ui.scenes.debrief import TABS, DebriefScene
from game.ui.scenes.decision import DecisionScene
from game.ui.scenes.title import TitleScene
from game.ui.settings import Settings


def scenario():
    return load_scenario(next(p for p in bundled_scenarios() if p.stem == "robot_cell_japanese"))


def play_to_the_end(app, sc, seed, strategy="greedy"):
    """A person's game, round by round through the flow (as the board's End does), to the debrief."""
    rounds = play_single(sc, strategy, seed).history
    app.flow.begin_deal(sc, seed)
    app.flow.coach = False
    deal = app.flow.deal
    for actions in rounds:
        previous = deal.observation
        result = deal.step(list(actions))
        app.flow.round_played(previous, tuple(actions), result)
    assert deal.done
    app.flow.after_decision()
    assert app.stack.top.name == "debrief"
    return app.stack.top


def person_app(lang="en", size=(1280, 720)):
    app = App(Settings(language=lang, width=size[0], height=size[1], fullscreen=False), fps=0, persist_settings=False)
    app.stack.push(TitleScene(app))
    shown = []
    real = app.notify
    app.notify = lambda text, seconds=3.0: (shown.append(text), real(text, seconds))
    return app, shown


def drawn_texts(app, scene):
    texts = []
    draw, wrapped = app.text.draw, app.text.draw_wrapped
    app.text.draw = lambda surface, text, *a, **k: (texts.append(text), draw(surface, text, *a, **k))[1]
    app.text.draw_wrapped = lambda surface, text, *a, **k: (texts.append(text), wrapped(surface, text, *a, **k))[1]
    try:
        scene.cache.clear()
        scene.draw(app.surface)
    finally:
        app.text.draw, app.text.draw_wrapped = draw, wrapped
    return texts


@pytest.mark.parametrize("lang", ["en", "ko", "ja"])
def test_the_debrief_shows_the_plan_for_the_history(tmp_path, monkeypatch, lang):
    monkeypatch.setenv("B2BSIM_DATA_DIR", str(tmp_path))
    use_profile("Ara")
    app, _ = person_app(lang)
    debrief = play_to_the_end(app, scenario(), 5)
    expected = suggest(build_progress(load_history(load_profiles().folder())), list(bundled_playable()))
    assert debrief.plan == expected
    words = app.flow.plan_text(expected)
    assert words and "{" not in words and words != expected.key
    texts = drawn_texts(app, debrief)
    assert any(words in t for t in texts), texts
    assert app.i18n.t("debrief.plan") in " ".join(texts)
    pygame.display.quit()


def test_p_starts_a_step_that_names_a_drill_or_a_scenario(tmp_path, monkeypatch):
    monkeypatch.setenv("B2BSIM_DATA_DIR", str(tmp_path))
    use_profile("Ara")
    app, _ = person_app()
    debrief = play_to_the_end(app, scenario(), 5)
    p = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_p, mod=0, unicode="p")
    target = next(s for s in bundled_playable() if any("gatekeeper" in m.roles for m in s.members))
    app.flow.plan = debrief.plan = PlanStep("scenario", "plan.gatekeeper", {"title": target.title}, target.id)
    debrief.handle(p)
    assert app.stack.top.name == "briefing" and app.stack.top.scenario.id == target.id
    app.stack.replace(debrief)
    app.flow.plan = debrief.plan = PlanStep("drill", "plan.drill", {"role": "buyer"})
    debrief.handle(p)
    assert app.stack.top.name == "drill"
    app.stack.replace(debrief)
    app.flow.plan = debrief.plan = PlanStep("part", "plan.part.asking", {"difficulty": "easy"})
    debrief.handle(p)                                        # names neither: nothing to start
    assert app.stack.top is debrief
    assert app.i18n.t("debrief.plan_start") not in " ".join(drawn_texts(app, debrief))
    pygame.display.quit()


def test_a_game_without_a_profile_is_kept_under_one_made_for_the_player(tmp_path, monkeypatch):
    """`b2bsim play FILE` opens the briefing with no profile question; the finished game is still kept."""
    monkeypatch.setenv("B2BSIM_DATA_DIR", str(tmp_path))
    assert load_profiles().current is None
    app, shown = person_app()
    debrief = play_to_the_end(app, scenario(), 7)
    profiles = load_profiles()
    assert profiles.current == default_name()
    history = load_history(profiles.folder())
    assert len(history.games) == 1 and history.games[0].practice.mode == "solo"
    assert check_file(str(history.paths[0])).ok                 # `b2bsim verify` replays it
    assert app.i18n.t("history.default_profile", name=profiles.current) in shown
    assert debrief.plan is not None                                # the plan follows the kept game
    play_to_the_end(app, scenario(), 8)                            # the next game: same profile, no new one
    assert load_profiles().names == [default_name()] and len(load_history(profiles.folder()).games) == 2
    pygame.display.quit()


def test_declining_history_on_the_profile_screen_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("B2BSIM_DATA_DIR", str(tmp_path))
    app, _ = person_app()
    app.flow.choose_profile()
    app.stack.top.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode="\x1b"))
    debrief = play_to_the_end(app, scenario(), 7)
    assert load_profiles().current is None and not (tmp_path / "history").exists()
    assert debrief.plan is None
    drawn_texts(app, debrief)
    pygame.display.quit()


def deciding_round(sc, seed, rounds):
    """The observation before the round in which the customer decided, found by replaying the engine."""
    for k in range(len(rounds)):
        before = replay(sc, seed, rounds[:k]).observation
        after = replay(sc, seed, rounds[:k + 1]).observation
        if before.outcome is None and after.outcome is not None:
            return k, before
    raise AssertionError("no decision")


@pytest.mark.parametrize("seed, strategy", [(5, "greedy"), (11, "expert"), (2, "random")])
def test_the_debrief_forecast_is_the_engines_forecast_before_the_decision(tmp_path, monkeypatch, seed, strategy):
    monkeypatch.setenv("B2BSIM_DATA_DIR", str(tmp_path))
    app, _ = person_app()
    sc = scenario()
    debrief = play_to_the_end(app, sc, seed, strategy)
    rounds = app.flow.deal.game.history
    k, before_obs = deciding_round(sc, seed, rounds)
    picture = debrief.hindsight
    assert picture.round == k
    assert picture.before == forecast(before_obs, app.flow.deal.game.tables, rounds[k])
    # what happened: exactly the decision screen's picture
    deal = app.flow.deal
    previous, actions, result = deal.results[k]
    decision = DecisionScene(app, deal, result)
    decision.enter()
    assert picture.after == decision.picture
    # drawn with the board's own panel code, once for each side
    seen = []
    real = hindsight_module.forecast_panel
    monkeypatch.setattr(hindsight_module, "forecast_panel", lambda app_, s, r, fc, decided=False: (
        seen.append((fc, decided)), real(app_, s, r, fc, decided)))
    debrief.set_tab(TABS.index("forecast"))
    texts = drawn_texts(app, debrief)
    assert seen == [(picture.before, False), (picture.after, True)]
    assert app.i18n.t("debrief.forecast.before", n=k + 1) in texts
    pygame.display.quit()


def test_the_forecast_tab_is_the_boards_panel_function():
    from game.ui import cards
    assert hindsight_module.forecast_panel is cards.forecast_panel


@pytest.mark.parametrize("lang, size", [("ko", (1024, 640)), ("ja", (1920, 1080)), ("en", (1280, 720))])
def test_the_forecast_tab_draws_in_every_language(tmp_path, monkeypatch, lang, size):
    monkeypatch.setenv("B2BSIM_DATA_DIR", str(tmp_path))
    app, _ = person_app(lang, size)
    debrief = play_to_the_end(app, scenario(), 5)
    assert app.surface.get_size() == size
    debrief.set_tab(TABS.index("forecast"))
    texts = drawn_texts(app, debrief)
    assert not any("{" in t or t.startswith("debrief.") for t in texts), texts
    pygame.display.quit()


def test_a_drill_without_a_profile_is_kept_too(tmp_path, monkeypatch):
    import numpy as np
    from game import drill as rules
    monkeypatch.setenv("B2BSIM_DATA_DIR", str(tmp_path))
    app, shown = person_app()
    sc = scenario()
    setup = rules.make_drill(sc, np.random.default_rng(np.random.SeedSequence(3)))
    links = [(m, setup.answer(m)[0]) for m in setup.members[:2]]
    app.flow.record_drill(sc, 3, setup, links, 10.0, rules.score(setup, links, 10.0))
    profiles = load_profiles()
    assert profiles.current == default_name() and len(load_history(profiles.folder()).drills) == 1
    assert app.i18n.t("history.default_profile", name=profiles.current) in shown
    pygame.display.quit()


def test_the_plan_does_not_send_a_learner_without_a_sale_to_after_sale_work():
    from game.practice.progress import GamePoint, Progress

    def point(n, outcome, relationship):
        parts = {"outcome": 0.3, "alignment": 0.6, "coverage": 0.5, "efficiency": 0.7, "relationship": relationship}
        return GamePoint(n, "", "s", "S", 300, "D", outcome, parts, False, ())
    lost = Progress(games=[point(n, "no_decision", 0.0) for n in range(1, 5)])
    step = suggest(lost)
    assert step.key == "plan.part.outcome"               # the weakest part that can be practised now
    won = Progress(games=[point(n, "won", 0.1) for n in range(1, 5)])
    assert suggest(won).key == "plan.part.relationship"

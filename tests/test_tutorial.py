"""The guided first deal: an autoplay run completes it, and a run that makes
each taught mistake is stopped at that step with the right explanation."""
import pygame
import pytest

from game.engine import Game
from game.engine.types import Action
from game.practice.tutorial import STEPS, TUTORIAL_PATH, TUTORIAL_SEED, Tutorial, tutorial_scenario
from game.scenario import bundled_scenarios, validate_file
from game.ui.app import App
from game.ui.autoplay import AutoplayDriver
from game.ui.scenes.title import TitleScene
from game.ui.settings import Settings


def test_the_tutorial_scenario_is_bundled_apart_and_valid():
    assert TUTORIAL_PATH.exists() and TUTORIAL_PATH not in bundled_scenarios()
    scenario, diags = validate_file(TUTORIAL_PATH)
    assert scenario is not None and not [d for d in diags if d.is_error]
    assert len(scenario.stages) == len(STEPS)


def started(upto: int):
    """A tutorial game played right up to the start of step ``upto``."""
    game, tutorial = Game(tutorial_scenario()), Tutorial()
    obs = game.reset(seed=TUTORIAL_SEED)
    for _ in range(upto):
        plan = tutorial.model_plan(obs)
        assert tutorial.check(obs, plan) is None
        tutorial.advance()
        obs = game.step(plan).observation
    return game, tutorial, obs


def test_the_model_plan_passes_every_step_and_reaches_the_decision():
    game, tutorial, obs = started(len(STEPS))
    assert tutorial.done and game.done and obs.outcome is not None


def unasked_pitch(obs):
    m = next(m for m in obs.members if not m.locked and not m.known_priorities)
    return [Action("pitch", m.id, obs.benefits[0].id)]


def wrong_person(obs):
    known = {m.id: [b for b, w in m.known_priorities if w > 0] for m in obs.members}
    a, b = [m for m in known if known[m]][:2]
    benefit = next(x for x in known[b] if x not in known[a])
    return [Action("pitch", a, benefit)]


def wrong_benefit(obs):
    wanted = {b for m in obs.members for b, w in m.known_priorities if w > 0}
    m = next(m for m in obs.members if m.known_priorities)
    return [Action("pitch", m.id, next(b.id for b in obs.benefits if b.id not in wanted))]


def only_asks(obs):
    return [Action("ask", m.id) for m in obs.members if not m.locked][:1]


def leave_out_gatekeeper(obs):
    return [Action("ask", "shop_manager"), Action("ask", "baker")]


def leave_out_decider(obs):
    return [Action("ask", "shop_manager"), Action("ask", "baker"), Action("ask", "office_assistant")]


def points_unspent(obs):
    return [Action("ask", "owner")]


#: (step, a plan making the mistake, the explanation expected)
MISTAKES = [
    ("ask", lambda obs: [], "tutorial.mistake.no_ask"),
    ("ask", unasked_pitch, "tutorial.mistake.pitch_unasked"),
    ("pitch", only_asks, "tutorial.mistake.no_pitch"),
    ("pitch", wrong_person, "tutorial.mistake.wrong_person"),
    ("pitch", wrong_benefit, "tutorial.mistake.wrong_benefit"),
    ("gatekeeper", leave_out_gatekeeper, "tutorial.mistake.gatekeeper"),
    ("decision", leave_out_decider, "tutorial.mistake.decider"),
    ("decision", points_unspent, "tutorial.mistake.points_left"),
]


@pytest.mark.parametrize("step, plant, key", MISTAKES, ids=[m[2].split(".")[-1] for m in MISTAKES])
def test_each_taught_mistake_is_stopped_at_its_step(step, plant, key):
    game, tutorial, obs = started(STEPS.index(step))
    assert tutorial.current == step
    planted = plant(obs)
    assert game.refusal(planted) is None, "the planted plan must be legal: only the lesson stops it"
    mistake = tutorial.check(obs, planted)
    assert mistake is not None and mistake.key == key
    assert tutorial.current == step                 # stopped: the step is not passed


def test_the_board_stops_a_mistaken_round_and_explains(tmp_path, monkeypatch):
    """Through the real scenes: the card names the mistake and the round is not played."""
    monkeypatch.setenv("B2BSIM_DATA_DIR", str(tmp_path))
    app = App(Settings(language="ko"), fps=0, persist_settings=False)
    app.stack.push(TitleScene(app))
    app.flow.start_tutorial()
    assert app.stack.top.name == "tutorial" and app.stack.top.kind == "intro"
    app.stack.top.go_on()
    assert app.stack.top.kind == "goal" and app.stack.top.step == 0
    app.stack.top.draw(app.surface)
    app.stack.pop()
    board = app.stack.top
    board.plan = unasked_pitch(board.obs)
    board.end_round()
    card = app.stack.top
    assert card.kind == "mistake" and card.message.key == "tutorial.mistake.pitch_unasked"
    card.draw(app.surface)
    assert len(app.flow.deal.game.history) == 0
    app.stack.pop()
    board.plan = app.flow.tutorial.model_plan(board.obs)
    board.end_round()                               # the right plan is played
    assert len(app.flow.deal.game.history) == 1 and app.flow.tutorial.current == "pitch"
    pygame.display.quit()


def test_skipping_the_intro_goes_back_to_the_title(tmp_path, monkeypatch):
    monkeypatch.setenv("B2BSIM_DATA_DIR", str(tmp_path))
    app = App(Settings(), fps=0, persist_settings=False)
    app.stack.push(TitleScene(app))
    app.flow.start_tutorial()
    app.stack.top.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_s, mod=0, unicode="s"))
    assert app.stack.top.name == "title" and app.flow.tutorial is None
    pygame.display.quit()


class TutorDriver(AutoplayDriver):
    """Autoplay that follows the tutorial's own plans (what a learner following the cards does)."""

    def __init__(self, app_ref):
        super().__init__("expert", 1, mode="tutorial")
        self.app_ref = app_ref

    def plan(self, deal):
        return self.app_ref[0].flow.tutorial.model_plan(deal.observation)


def test_an_autoplay_run_completes_the_tutorial(tmp_path, monkeypatch):
    monkeypatch.setenv("B2BSIM_DATA_DIR", str(tmp_path))
    ref = []
    app = App(Settings(), fps=0, fixed_dt=0.1, autoplay=TutorDriver(ref), exit_at_end=True,
              persist_settings=False, max_frames=6000)
    ref.append(app)
    assert app.run(TitleScene(app)) == 0
    entered = [scene for event, scene in app.stack.log if event == "enter"]
    assert entered.count("tutorial") >= len(STEPS) + 2      # intro, a goal per step, the end
    assert "debrief" in entered and app.flow.deal.done and app.flow.tutorial is None
    assert app.flow.tutorial_game

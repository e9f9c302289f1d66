"""Which scene comes next: the paths through the game in one place.

``Flow`` is the only code that builds scenes for another scene: scenes call
its methods (``app.flow.after_outcome(...)``) and never import each other,
so the scene modules form no import circle. It also owns the deal being
played (``flow.deal``).
"""
from __future__ import annotations

from game.engine.coach import check_round
from game.engine.types import Message
from game.practice.history import drill_result, game_result, games_played, load_history, record_drill, record_game
from game.practice.plan import bundled_playable, suggest
from game.practice.profiles import coach_on, ensure_profile, load_profiles
from game.practice.progress import build_progress
from game.practice.tutorial import STEPS, TUTORIAL_SEED, Tutorial, tutorial_scenario
from game.ui.deal import Deal, fresh_seed
from game.ui.launch import Launch
from game.ui.scenes.board import BoardScene
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.coach import CoachScene
from game.ui.scenes.confirm import ConfirmScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.decision import DecisionScene
from game.ui.scenes.drill import DrillScene
from game.ui.scenes.howto import HowtoScene
from game.ui.scenes.outcome import OutcomeScene
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.picker import PickerScene
from game.ui.scenes.profile import ProfileScene
from game.ui.scenes.progress import ProgressScene
from game.ui.scenes.settings import SettingsScene
from game.ui.scenes.title import TitleScene
from game.ui.scenes.tutorial import TutorialScene


class Flow:
    def __init__(self, app):
        self.app = app
        self.deal: Deal | None = None
        self.coach = False          # whether the coach helps in the deal being played (kept in its result)
        self.coach_spoke = None     # (deal, round) the coach last spoke in: once a round
        self.tutorial: Tutorial | None = None     # the guided first deal's steps, while it is taught
        self.tutorial_game = False  # the deal being played is the guided first deal (kept as such)
        self.history_declined = False   # the person chose "play without keeping history" on the profile screen
        self.plan = None            # the practice plan's next step after the last finished game (debrief)

    @property
    def stack(self):
        return self.app.stack

    # ---------------------------------------------------------------- entry points
    def first_scenes(self, drill: bool, person: bool) -> list:
        """The title, and for a person what they asked for on top of it
        (Esc goes back to the title); autoplay starts at the title so a demo
        passes every screen."""
        scenes = [TitleScene(self.app)]
        if person:
            launch = self.app.launch
            if launch.scenario is not None:
                scenes.append(self.opening(launch.scenario, "drill" if drill else "play"))
            else:
                scenes.append(PickerScene(self.app, "drill" if drill else "play"))
                if self.needs_profile():        # plain `b2bsim`: asked once, over the picker
                    scenes.append(ProfileScene(self.app))
        return scenes

    def to_title(self) -> None:
        self.stack.clear(TitleScene(self.app))

    def deal_running(self) -> bool:
        """A deal is on screen (board, round result, reveal, or an overlay above them) and not over yet."""
        deal = self.deal
        return deal is not None and not deal.done and any(getattr(s, "deal", None) is deal
                                                          for s in self.stack.scenes)

    def leave_deal(self, then) -> None:
        """Quit or go to the title; during a deal in progress, ask first ("Quit this deal?",
        Cancel by default).  Asked again while the question shows, it goes (a second window close)."""
        if not self.deal_running() or isinstance(self.stack.top, ConfirmScene):
            then()
            return
        self.stack.push(ConfirmScene(self.app, "confirm.quit_deal.title", "confirm.quit_deal.body",
                                     "confirm.quit", then))

    def opening(self, scenario, mode: str):
        """The first scene of ``scenario`` in ``mode``: its drill, or its briefing before the deal."""
        seed = self.app.launch.seed
        return DrillScene(self.app, scenario, seed) if mode == "drill" else BriefingScene(self.app, scenario, seed)

    def start(self, mode: str) -> None:
        """The title's Play or Drill: the scenario from the command line, else the picker."""
        scenario = self.app.launch.scenario
        self.stack.push(self.opening(scenario, mode) if scenario is not None else PickerScene(self.app, mode))
        self.ask_profile_once()

    def start_play(self) -> None:
        self.start("play")

    def start_drill(self) -> None:
        self.start("drill")

    # ---------------------------------------------------------------- overlays
    def pause(self) -> None:
        self.stack.push(PauseScene(self.app))

    def howto(self) -> None:
        self.stack.push(HowtoScene(self.app))

    def settings(self) -> None:
        self.stack.push(SettingsScene(self.app))

    def progress(self) -> None:
        self.stack.push(ProgressScene(self.app))

    def choose_profile(self) -> None:
        self.stack.push(ProfileScene(self.app))

    # ---------------------------------------------------------------- practice history
    def needs_profile(self) -> bool:
        """A person playing with saved settings and no profile yet is asked for one (once)."""
        return self.app.autoplay is None and self.app.persist_settings and load_profiles().current is None

    def ask_profile_once(self) -> None:
        if self.needs_profile():
            self.stack.push(ProfileScene(self.app))

    def profile_folder(self):
        """The current profile's history folder, or None when no profile was chosen (nothing is kept)."""
        profiles = load_profiles()
        return profiles.folder() if profiles.current else None

    def history_profile(self):
        """(profiles, made now) to keep a finished game or drill under, or None to keep nothing.  A person
        who never chose a profile (``b2bsim play FILE``) gets one made silently under their login name;
        one who chose to play without history keeps nothing; autoplay keeps only under a chosen one."""
        profiles = load_profiles()
        if profiles.current is not None:
            return profiles, False
        if self.app.autoplay is not None or self.history_declined:
            return None
        try:
            return ensure_profile()
        except OSError as exc:
            self.app.notify(self.app.i18n.t("profile.not_saved", problem=exc.strerror or str(exc)), 8.0)
            return None

    def record_game(self, game) -> None:
        """Keep the finished game in the profile's history (a verifiable result file) and work out the
        practice plan's next step (the debrief shows it)."""
        self.plan = None
        kept = self.history_profile()
        if kept is None:
            return
        profiles, made = kept
        session = getattr(self.app.launch.on_deal_end, "session", None)
        try:
            result = game_result(self.deal.scenario, game, profiles.current, session=session, coach=self.coach,
                                 mode="tutorial" if self.tutorial_game else None)
            record_game(profiles.folder(), result)
        except OSError as exc:
            self.app.notify(self.app.i18n.t("history.not_saved", problem=exc.strerror or str(exc)), 8.0)
            return
        if made:
            self.app.notify(self.app.i18n.t("history.default_profile", name=profiles.current), 10.0)
        if not self.tutorial_game:       # the practice plan: the next step, from the learner's record
            self.plan = suggest(build_progress(load_history(profiles.folder())), list(bundled_playable()))
            # shown on the debrief's score tab (no notice: it would cover that very line)

    def start_plan(self) -> None:
        """The debrief's key for the plan's step: the drill on this deal's scenario, the named
        scenario's briefing, or the guided first deal."""
        step = self.plan
        if step is None or not step.startable:
            return
        if step.kind == "tutorial":
            self.to_title()
            self.start_tutorial()
        elif step.kind == "drill":
            self.stack.replace(DrillScene(self.app, self.deal.scenario, fresh_seed()))
        else:
            scenario = next((s for s in bundled_playable() if s.id == step.scenario_id), None)
            if scenario is not None:
                self.stack.replace(BriefingScene(self.app, scenario, None))

    def plan_text(self, step) -> str:
        """A practice-plan step in the player's language (role and difficulty words translated)."""
        t = self.app.i18n.t
        params = dict(step.params)
        if "role" in params:
            params["role"] = t(f"role.{params['role']}")
        if "difficulty" in params:
            params["difficulty"] = t(f"difficulty.{params['difficulty']}")
        return t(step.key, **params)

    def record_drill(self, scenario, seed, setup, links, time_left, score) -> None:
        kept = self.history_profile()
        if kept is None:
            return
        profiles, made = kept
        if made:
            self.app.notify(self.app.i18n.t("history.default_profile", name=profiles.current), 10.0)
        try:
            record_drill(profiles.folder(), drill_result(scenario, seed, setup, links, time_left, score,
                                                         profiles.current))
        except OSError as exc:
            self.app.notify(self.app.i18n.t("history.not_saved", problem=exc.strerror or str(exc)), 8.0)

    def coach_for_next_deal(self) -> bool:
        profiles = load_profiles()
        if profiles.current is None:
            return False
        return coach_on(profiles.coach_mode(), games_played(profiles.folder()))

    # ---------------------------------------------------------------- the deal
    def chosen(self, scenario, mode: str) -> None:
        """The picker chose ``scenario``: go on to its briefing or its drill."""
        self.stack.replace(self.opening(scenario, mode))

    def join_session(self, launch: Launch, scenario) -> None:
        """The picker opened a session file: play its deal under the new launch."""
        self.app.launch = launch
        self.chosen(scenario, "play")

    # ---------------------------------------------------------------- the guided first deal
    def start_tutorial(self) -> None:
        """From the title: the intro card, then the tutorial deal (replayable any time)."""
        self.tutorial = Tutorial()
        self.stack.push(TutorialScene(self.app, "intro", Message("tutorial.intro")))

    def tutorial_deal(self) -> None:
        self.deal = Deal(tutorial_scenario(), TUTORIAL_SEED)
        self.coach, self.tutorial_game = False, True
        self.tutorial = Tutorial()
        self.stack.replace(BoardScene(self.app, self.deal))
        self.tutorial_card()

    def tutorial_card(self) -> None:
        if self.tutorial is not None and self.tutorial_game and not self.tutorial.done:
            goal = self.tutorial.goal(self.deal.observation)
            self.stack.push(TutorialScene(self.app, "goal", goal, self.deal.names, self.tutorial.step, len(STEPS)))

    def skip_tutorial(self) -> None:
        """Leave the lessons: from the intro back to the title; in the deal, play on without checks."""
        self.tutorial = None
        if self.tutorial_game:
            self.stack.pop()
        else:
            self.to_title()

    def begin_deal(self, scenario, seed: int | None) -> None:
        self.deal = Deal(scenario, seed if seed is not None else fresh_seed())
        self.tutorial, self.tutorial_game = None, False
        self.coach = self.coach_for_next_deal()
        self.stack.replace(BoardScene(self.app, self.deal))

    def restart_deal(self, same_seed: bool) -> None:
        self.deal = self.deal.again(same_seed)
        if self.tutorial_game and same_seed:
            self.tutorial = Tutorial()          # the guided deal again, from its first step
        self.coach = self.coach_for_next_deal()
        self.stack.replace(BoardScene(self.app, self.deal))

    def undo_reason(self) -> str | None:
        """Why the pause menu cannot take back the last round (translated), or None when it can.
        A class session records the result as played and the guided deal follows its lessons;
        otherwise the engine says (``Game.undo_refusal``)."""
        t = self.app.i18n.t
        if not self.deal_running():
            return t("board.why.engine", reason=t("refusal.undo_decided" if self.deal else "refusal.undo_nothing"))
        if self.app.launch.on_deal_end is not None:
            return t("pause.undo.session")
        if self.tutorial_game:
            return t("pause.undo.tutorial")
        refused = self.deal.undo_refusal()
        return None if refused is None else t("board.why.engine", reason=self.app.i18n.message(refused, self.deal.names))

    def undo_round(self) -> None:
        """From the pause menu: take back the last round and plan it again on a fresh board."""
        if self.undo_reason() is not None:
            return
        self.deal.undo_round()
        while self.stack.top is not None and getattr(self.stack.top, "deal", None) is not self.deal:
            self.stack.pop()                    # the pause menu (and anything else above the deal)
        self.stack.replace(BoardScene(self.app, self.deal))
        self.app.notify(self.app.i18n.t("pause.undone", n=self.deal.observation.round + 1))

    def hold_round(self, observation, actions) -> bool:
        """As the player ends a round: in the guided deal, stop a plan that makes the step's mistake
        (with the explanation); in coach mode, show what an expert would not do in this plan
        (once a round; ending again plays it).  True when the round waits for the player."""
        if self.tutorial is not None and self.tutorial_game and self.deal is not None:
            mistake = self.tutorial.check(observation, list(actions))
            if mistake is not None:
                self.stack.push(TutorialScene(self.app, "mistake", mistake, self.deal.names,
                                              self.tutorial.step, len(STEPS)))
                return True
            self.tutorial.advance()
            return False
        if not self.coach or self.deal is None:
            return False
        key = (id(self.deal), observation.round)
        if self.coach_spoke == key:
            return False
        flags = check_round(observation, list(actions))
        if not flags:
            return False
        self.coach_spoke = key
        self.stack.push(CoachScene(self.app, flags, self.deal.names))
        return True

    def round_played(self, previous, actions, result) -> None:
        on_end = self.app.launch.on_deal_end
        if result.done and on_end is not None:
            on_end(self.app, self.deal.game)     # e.g. a session's result file, before any reveal
        if result.done:
            self.record_game(self.deal.game)     # the learner's own history (game.practice)
        self.stack.replace(OutcomeScene(self.app, self.deal, previous, actions, result))

    def after_outcome(self, previous, result) -> None:
        """After the round summary: the decision reveal when the customer has
        just decided, the debrief when the game is over, else the next round."""
        if previous.outcome is None and result.observation.outcome is not None:
            self.stack.replace(DecisionScene(self.app, self.deal, result))
        else:
            self.after_decision()

    def after_decision(self) -> None:
        if self.deal.done:
            self.stack.replace(DebriefScene(self.app, self.deal))
            if self.tutorial is not None and self.tutorial_game:
                self.stack.push(TutorialScene(self.app, "done", Message("tutorial.done")))
                self.tutorial = None
        else:
            self.stack.replace(BoardScene(self.app, self.deal))
            self.tutorial_card()

    def finish(self) -> None:
        """Leaving the debrief or the drill results."""
        if self.app.launch.exit_at_end:
            self.app.quit(0)
        else:
            self.to_title()

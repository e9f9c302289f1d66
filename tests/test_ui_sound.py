"""Short optional sounds: planning plays the plan sound at the set volume; mute plays nothing;
autoplay and a mixer that cannot open play nothing (no crash, no message)."""
import numpy as np
import pygame
import pytest

from game.scenario import bundled_scenarios, load_scenario
from game.ui.app import App
from game.ui.autoplay import AutoplayDriver
from game.ui.launch import Launch
from game.ui.scenes.title import TitleScene
from game.ui.settings import Settings, load_settings, save_settings
from game.ui.sound import TONES, Sounds, tone
from game.ui.widgets import key_event


class FakeSound:
    def __init__(self, mixer, buffer):
        self.mixer, self.buffer, self.volume = mixer, buffer, 1.0

    def set_volume(self, v):
        self.volume = v

    def play(self):
        name = next(n for n, s in self.mixer.made.items() if s is self)
        self.mixer.played.append((name, round(self.volume, 3)))


class FakeMixer:
    """Stands in for pygame.mixer: records what is made and played."""

    def __init__(self, fail=False):
        self.fail, self.opened, self.played, self.buffers = fail, False, [], []
        self.made = {}

    def init(self, frequency, size, channels, buffer):
        if self.fail:
            raise pygame.error("ALSA: Couldn't open audio device")
        self.opened = (frequency, size, channels)

    def get_init(self):
        return self.opened or None

    def Sound(self, buffer):
        s = FakeSound(self, buffer)
        self.made[list(TONES)[len(self.made)]] = s
        return s


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(bundled_scenarios()[0])


def board_app(scenario, mixer, **settings):
    app = App(Settings(**settings), fps=0, persist_settings=False)
    app.sounds = Sounds(mixer=mixer)
    app.flow.begin_deal(scenario, 3)
    app.draw()
    return app


def plan_one(app):
    board = app.stack.top
    before = len(board.plan)
    app.handle(key_event(pygame.K_RETURN))
    assert len(board.plan) == before + 1


@pytest.mark.parametrize("volume", [40, 100])
def test_planning_plays_the_plan_sound_at_the_set_volume(scenario, volume):
    mixer = FakeMixer()
    app = board_app(scenario, mixer, volume=volume)
    assert mixer.opened == (44100, -16, 2) and set(mixer.made) == set(TONES)
    plan_one(app)
    assert mixer.played == [("plan", volume / 100)]


def test_mute_plays_nothing(scenario):
    mixer = FakeMixer()
    app = board_app(scenario, mixer, muted=True, volume=80)
    plan_one(app)
    app.handle(key_event(pygame.K_e))
    app.handle(key_event(pygame.K_e))
    assert mixer.played == []


def test_ending_rounds_plays_end_round_then_win_or_loss_when_the_customer_decides(scenario):
    mixer = FakeMixer()
    app = board_app(scenario, mixer, volume=60)
    deal = app.deal
    while True:
        board = app.stack.top
        while board.name != "board":               # past the round result
            app.stack.update(10.0)
            app.handle(key_event(pygame.K_RETURN))
            board = app.stack.top
        mixer.played.clear()
        app.handle(key_event(pygame.K_e))
        app.handle(key_event(pygame.K_e))           # ends with points left: asked, then ended
        if deal.observation.outcome is not None:
            break
        assert mixer.played == [("end_round", 0.6)]
    assert mixer.played == [("win" if deal.observation.outcome == "won" else "loss", 0.6)]


def test_autoplay_plays_nothing_even_with_a_working_mixer(scenario, monkeypatch, tmp_path):
    mixer = FakeMixer()
    monkeypatch.setattr(pygame, "mixer", mixer)
    monkeypatch.setenv("SDL_AUDIODRIVER", "pulseaudio")
    app = App(Settings(width=1024, height=640), fps=0, fixed_dt=0.1, autoplay=AutoplayDriver("random", 3),
              launch=Launch(scenario=scenario, seed=3, exit_at_end=True), persist_settings=False, max_frames=6000)
    assert app.run(TitleScene(app)) == 0
    assert not mixer.opened and mixer.played == [] and not app.sounds.ready


def test_a_mixer_that_cannot_open_is_silent(scenario, capfd):
    mixer = FakeMixer(fail=True)
    app = board_app(scenario, mixer)
    plan_one(app)
    assert not app.sounds.ready and mixer.played == []
    assert capfd.readouterr().err == ""


def test_the_dummy_audio_driver_keeps_sounds_off(monkeypatch):
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    assert not Sounds().ready


def test_tones_are_short_soft_and_end_silent():
    for name, notes in TONES.items():
        wave = tone(notes, 44100, 2)
        seconds = sum(s for _, s in notes)
        assert wave.dtype == np.int16 and wave.shape == (pytest.approx(44100 * seconds, abs=len(notes)), 2)
        assert seconds <= 0.6 and 0 < np.abs(wave).max() <= 0.36 * 32767
        assert abs(int(wave[-1, 0])) < 50              # faded out: no click at the end
    assert tone(TONES["plan"], 22050, 1).shape[1] == 1


def test_volume_and_mute_are_saved_and_bad_values_fall_back(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(Settings(volume=20, muted=True), path)
    assert load_settings(path)[0].volume == 20 and load_settings(path)[0].muted
    path.write_text('{"volume": 250, "muted": "yes"}', encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings.volume == Settings().volume and settings.muted is False and len(problems) == 2


def test_the_settings_scene_sets_mute_and_volume(scenario):
    from game.ui.scenes.settings import ROWS, SettingsScene
    mixer = FakeMixer()
    app = board_app(scenario, mixer, volume=60)
    scene = SettingsScene(app)
    app.stack.push(scene)
    scene.row = ROWS.index("sound")
    app.draw()
    scene.handle(key_event(pygame.K_RIGHT))                    # 60% -> 80%, heard at once
    assert (app.settings.muted, app.settings.volume) == (False, 80) and mixer.played[-1] == ("plan", 0.8)
    for _ in range(2):
        scene.handle(key_event(pygame.K_RIGHT))                # 100%, then round to Off
    assert app.settings.muted and app.settings.volume == 100
    mixer.played.clear()
    app.play("plan")
    assert mixer.played == []
    scene.handle(key_event(pygame.K_LEFT))                     # back on, at the last volume
    assert not app.settings.muted and app.settings.volume == 100

"""Whole deals autoplayed through the real scenes (dummy video driver): every
bundled scenario and unseen ones, keyboard input only, screenshots of each scene."""
import hashlib
from pathlib import Path

import pytest

from game.engine import Game
from game.scenario import bundled_scenarios, load_scenario, load_scenario_text
from game.ui.app import App
from game.ui.autoplay import AutoplayDriver
from game.ui.launch import Launch
from game.ui.scenes.title import TitleScene
from game.ui.settings import Settings
from test_ui_unseen import UNSEEN

CASES = [(p.stem, lambda p=p: load_scenario(p), (1280, 720), "en") for p in bundled_scenarios()] + [
    ("unseen_korean_12", lambda: load_scenario_text(UNSEEN["korean_12"], "k12.yaml"), (1024, 640), "ko"),
    ("unseen_english_tiny", lambda: load_scenario_text(UNSEEN["english_tiny"], "tiny.yaml"), (1280, 720), "ko"),
    ("unseen_japanese", lambda: load_scenario_text(UNSEEN["japanese_benefits"], "ja.yaml"), (1600, 900), "en"),
]


def autoplay(scenario, tmp_path, size=(1280, 720), lang="en", seed=3, mode="play", strategy="random"):
    app = App(Settings(language=lang, width=size[0], height=size[1]), fps=0, fixed_dt=0.1,
              screenshots=tmp_path, autoplay=AutoplayDriver(strategy, seed, mode=mode),
              launch=Launch(scenario=scenario, seed=seed, exit_at_end=True),
              persist_settings=False, max_frames=6000)
    code = app.run(TitleScene(app))
    return app, code


def distinct(paths):
    return {hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in paths}


@pytest.mark.parametrize("name, make, size, lang", CASES, ids=[c[0] for c in CASES])
def test_autoplay_finishes_a_deal(tmp_path, name, make, size, lang):
    app, code = autoplay(make(), tmp_path, size, lang)
    assert code == 0, "autoplay did not reach the end"
    entered = [scene for event, scene in app.stack.log if event == "enter"]
    for scene in ("title", "briefing", "board", "round", "decision", "debrief"):
        assert scene in entered
    assert app.deal.done and app.deal.observation.outcome in ("won", "lost", "no_decision")
    assert len(distinct(app.screenshots)) >= 5
    import pygame
    assert pygame.image.load(str(app.screenshots[0])).get_size() == size


def test_after_sale_rounds_are_played_when_the_deal_is_won(tmp_path):
    """A stronger autoplayer on the easy scenario: once it wins, the post-sale
    rounds go through the board again and the debrief shows the loyalty rung."""
    scenario = load_scenario(next(p for p in bundled_scenarios() if p.stem == "robot_cell_japanese"))
    assert any(s.post_sale for s in Game(scenario).reset(seed=0).stages)
    for seed in range(16):
        app, code = autoplay(scenario, tmp_path / str(seed), seed=seed, strategy="expert")
        assert code == 0
        if app.deal.observation.outcome == "won":
            break
    else:
        pytest.fail("the expert autoplayer won none of 16 deals on the easy scenario")
    entered = [scene for event, scene in app.stack.log if event == "enter"]
    assert entered.index("decision") < entered.index("aftersale") < entered.index("debrief")
    assert app.deal.debrief().loyalty is not None


def test_same_seed_same_screens(tmp_path):
    s = load_scenario(bundled_scenarios()[0])
    a, _ = autoplay(s, tmp_path / "a", seed=11)
    b, _ = autoplay(s, tmp_path / "b", seed=11)
    assert a.deal.game.history == b.deal.game.history
    assert [p.name for p in a.screenshots] == [p.name for p in b.screenshots]


def test_drill_autoplay_reaches_a_score(tmp_path):
    app, code = autoplay(load_scenario_text(UNSEEN["korean_12"], "k.yaml"), tmp_path, (1024, 640), "ko",
                         mode="drill")
    assert code == 0
    names = [p.name for p in app.screenshots]
    assert any("drill_result" in n for n in names) and any(n.endswith("_drill.png") for n in names)


def test_picker_lists_broken_files_with_their_first_error(tmp_path, monkeypatch):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "broken.yaml").write_text("format: 1\nid: x\ntitle: [unclosed\n", encoding="utf-8")
    (folder / "wrong.yaml").write_text("format: 1\nid: ok-id\ntitle: T\n", encoding="utf-8")
    (folder / "good.yaml").write_text(UNSEEN["english_tiny"], encoding="utf-8")
    monkeypatch.setenv("B2BSIM_SCENARIO_DIR", str(folder))
    app = App(Settings(), fps=0, fixed_dt=0.1, autoplay=AutoplayDriver("random", 1), exit_at_end=True,
              persist_settings=False, max_frames=6000, screenshots=tmp_path / "shots")
    code = app.run(TitleScene(app))        # no scenario given: title -> picker -> first valid one
    assert code == 0 and "picker" in [s for _, s in app.stack.log]
    from game.ui.scenes.picker import scan
    entries = {e.path.name: e for e in scan() if e.source == "user"}
    assert entries["good.yaml"].scenario is not None
    for bad in ("broken.yaml", "wrong.yaml"):
        assert entries[bad].scenario is None and entries[bad].errors and bad in entries[bad].errors[0]


@pytest.mark.parametrize("strategy", ["expert", "greedy"])
def test_playing_through_the_ui_equals_playing_the_engine_directly(tmp_path, strategy):
    """The key presses autoplay makes plan exactly the strategy's actions: the
    game played through the scenes is the game the engine plays on its own."""
    play_single = pytest.importorskip("game.engine.strategies").play_single
    scenario = load_scenario(bundled_scenarios()[0])
    app, code = autoplay(scenario, tmp_path, seed=5, strategy=strategy)
    assert code == 0
    direct = play_single(scenario, strategy, seed=5)
    assert app.deal.game.history == direct.history
    assert app.deal.debrief().score == direct.debrief().score

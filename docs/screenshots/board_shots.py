#!/usr/bin/env python3
"""Board pictures autoplay cannot take: a tooltip under the mouse and the
forecast panel ("if they decided now").  Real frames of the game's board:

    SDL_VIDEODRIVER=dummy python docs/screenshots/board_shots.py docs/screenshots

writes tooltip.png (1280x720, the mouse on the greyed Pilot button in round 2
of data_platform_hanbit, seed 1, after four asks) and forecast.png (the board's
side column of the same round with three pitches planned: your share against
the share needed).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import pygame  # noqa: E402

from game import SCENARIO_DIR  # noqa: E402
from game.scenario import load_scenario  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.deal import Deal  # noqa: E402
from game.ui.scenes.board import BoardScene  # noqa: E402
from game.ui.settings import Settings  # noqa: E402


def board(size=(1280, 720)) -> tuple[App, BoardScene]:
    app = App(Settings(width=size[0], height=size[1], motion="reduced"), fps=0, persist_settings=False)
    app.deal = Deal(load_scenario(SCENARIO_DIR / "data_platform_hanbit.yaml"), 1)
    obs = app.deal.observation
    app.deal.step([a for a in obs.legal_actions if a.kind == "ask"][:4])
    scene = BoardScene(app, app.deal)
    app.stack.push(scene)
    app.stack.update(5.0)
    app.draw()
    return app, scene


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app, scene = board()
    scene.try_plan([a for a in scene.obs.legal_actions if a.kind == "ask"][0])
    pilot = scene.kind_rects[scene.kinds.index("pilot")]
    app.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=pilot.center, rel=(0, 0), buttons=(0, 0, 0)))
    app.draw()
    pygame.image.save(app.surface, str(out / "tooltip.png"))

    app, scene = board()
    asked = [mv for mv in scene.obs.members if mv.known_priorities and not mv.locked]
    for mv in asked[:3]:
        scene.try_plan(next(a for a in scene.obs.legal_actions
                            if a.kind == "pitch" and a.member == mv.id and a.benefit == mv.known_priorities[0][0]))
    app.draw()
    side = scene.side_rect.inflate(16, 16).clip(app.surface.get_rect())
    pygame.image.save(app.surface.subsurface(side), str(out / "forecast.png"))
    print(f"saved {out / 'tooltip.png'} and {out / 'forecast.png'}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))

#!/usr/bin/env python3
"""Frame time of the round board (GAME.md): the largest bundled scenario at
1280x720 under the dummy video driver, at least 300 frames.

Each measured frame is what the game loop does besides waiting for the 60 FPS
clock: handle the frame's input, update, draw every visible scene, flip.
Input varies over the run (focus moves, actions are planned and undone, the
mouse hovers) so the text cache and the layout work as in play.

Prints a few lines and, last, one JSON object: {"p50_ms": ..., "p95_ms": ...}.
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import pygame  # noqa: E402

from game.scenario import bundled_scenarios, load_scenario  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.deal import Deal  # noqa: E402
from game.ui.scenes.board import BoardScene  # noqa: E402
from game.ui.settings import Settings  # noqa: E402
from game.ui.widgets import key_event  # noqa: E402

FRAMES = int(os.environ.get("FRAMES", "600"))
WARMUP = 30


def main() -> None:
    scenarios = [load_scenario(p) for p in bundled_scenarios()]
    scenario = max(scenarios, key=lambda s: (len(s.members), len(s.benefits)))
    app = App(Settings(width=1280, height=720), fps=0, persist_settings=False)
    app.deal = Deal(scenario, seed=1)
    # play one round so the board shows news and animates stance changes
    app.deal.step([a for a in app.deal.observation.legal_actions if a.kind == "ask"][:2])
    board = BoardScene(app, app.deal)
    app.stack.push(board)
    rng = np.random.default_rng(0)
    keys = [pygame.K_TAB, pygame.K_TAB, pygame.K_a, pygame.K_RETURN, pygame.K_2, pygame.K_RETURN,
            pygame.K_BACKSPACE, pygame.K_RIGHT, pygame.K_p, pygame.K_BACKSPACE]
    times = []
    for i in range(FRAMES + WARMUP):
        if i % 6 == 0:
            pygame.event.post(key_event(keys[(i // 6) % len(keys)]))
        if i % 3 == 0:
            pos = (int(rng.integers(0, 1280)), int(rng.integers(0, 720)))
            pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
        start = time.perf_counter()
        for event in pygame.event.get():
            app.handle(event)
        app.stack.update(1 / 60)
        app.draw(1 / 60)
        pygame.display.flip()
        elapsed = (time.perf_counter() - start) * 1000
        if i >= WARMUP:
            times.append(elapsed)
    times = np.array(times)
    p50, p95 = float(np.percentile(times, 50)), float(np.percentile(times, 95))
    print(f"scenario: {scenario.id} ({len(scenario.members)} members, {len(scenario.benefits)} benefits)")
    print(f"frames measured: {len(times)} at 1280x720, dummy driver")
    print(f"frame time ms: p50 {p50:.2f}  p95 {p95:.2f}  max {times.max():.2f}")
    print(f"text cache: {app.text.hits} hits, {app.text.misses} renders")
    print(json.dumps({"p50_ms": round(p50, 3), "p95_ms": round(p95, 3), "frames": len(times),
                      "scenario": scenario.id}))
    pygame.quit()


if __name__ == "__main__":
    main()

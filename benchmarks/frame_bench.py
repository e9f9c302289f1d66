#!/usr/bin/env python3
"""Frame time of the round board (GAME.md): the largest bundled scenario at
1280x720 under the dummy video driver, at least 300 frames.

Each measured frame is what the game loop does besides waiting for the 60 FPS
clock: handle the frame's input, update, draw every visible scene, flip.
Input varies over the run (focus moves, actions are planned and undone, the
mouse hovers) so the text cache and the layout work as in play.

Prints a few lines and, last, one JSON object: {"p50_ms": ..., "p95_ms": ...}.

``--real-window --size 1920x1080 --scenario FILE`` measures whole frames of
the game's own loop (``App.frame``: input, update, draw when something
changed, display update) in a real window under the X server of ``DISPLAY``
(e.g. ``xvfb-run -s "-screen 0 1920x1080x24" python benchmarks/frame_bench.py
--real-window ...``) while actions are planned; its JSON adds
``"real_window": true`` and ``"size"``.  ``--idle SECONDS`` instead measures
the CPU time an idle board uses over that many seconds.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REAL = "--real-window" in sys.argv or "--idle" in sys.argv
if not REAL:
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


def real_window(size: tuple[int, int], scenario_path: str | None, idle: float | None) -> None:
    """Whole frames of ``App.frame`` in a real window while planning (or idle CPU)."""
    if not os.environ.get("DISPLAY"):
        print("frame_bench: --real-window needs an X server: run it under xvfb-run "
              "(xvfb-run -s '-screen 0 1920x1080x24' ...)", file=sys.stderr)
        raise SystemExit(1)
    if scenario_path:
        try:
            scenario = load_scenario(Path(scenario_path))
        except Exception as exc:   # a bad file: one clear line, no traceback
            print(f"frame_bench: cannot load the scenario {scenario_path}: {exc}", file=sys.stderr)
            raise SystemExit(1)
    else:
        scenario = max((load_scenario(p) for p in bundled_scenarios()), key=lambda s: len(s.members))
    app = App(Settings(width=size[0], height=size[1]), fps=60, persist_settings=False)
    app.deal = Deal(scenario, seed=1)
    app.deal.step([a for a in app.deal.observation.legal_actions if a.kind == "ask"][:2])
    board = BoardScene(app, app.deal)
    app.stack.push(board)
    app.running = True
    for _ in range(90):                      # let the stance animation finish and the window settle
        app.frame()
    while app.needs_redraw():
        app.frame()
    if idle is not None:
        cpu0, wall0 = time.process_time(), time.perf_counter()
        frames0, redraws0 = app.frames, app.redraws
        while time.perf_counter() - wall0 < idle:
            app.frame()
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        share = 100 * cpu / wall
        print(f"idle board {size[0]}x{size[1]}: {cpu:.2f} s CPU in {wall:.1f} s = {share:.1f}% of one core, "
              f"{app.frames - frames0} loop turns, {app.redraws - redraws0} redraws")
        print(json.dumps({"real_window": True, "size": f"{size[0]}x{size[1]}", "idle_cpu_percent": round(share, 2),
                          "seconds": round(wall, 1), "scenario": scenario.id}))
        return
    keys = [pygame.K_TAB, pygame.K_a, pygame.K_RETURN, pygame.K_TAB, pygame.K_2, pygame.K_RETURN,
            pygame.K_BACKSPACE, pygame.K_RIGHT, pygame.K_p, pygame.K_RETURN, pygame.K_BACKSPACE, pygame.K_BACKSPACE]
    rng = np.random.default_rng(0)
    times = []
    app.fps = 0                              # measure the frame, not the wait for the 60 FPS clock
    for i in range(FRAMES + WARMUP):
        pygame.event.post(key_event(keys[i % len(keys)]))
        if i % 2 == 0:
            pos = (int(rng.integers(0, size[0])), int(rng.integers(0, size[1])))
            pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
        start = time.perf_counter()
        app.frame()
        elapsed = (time.perf_counter() - start) * 1000
        if i >= WARMUP:
            times.append(elapsed)
    times = np.array(times)
    p50, p95 = float(np.percentile(times, 50)), float(np.percentile(times, 95))
    print(f"scenario: {scenario.id} ({len(scenario.members)} members, {len(scenario.benefits)} benefits)")
    print(f"frames measured: {len(times)} at {size[0]}x{size[1]}, real window ({os.environ.get('DISPLAY')}), "
          "a key press every frame")
    print(f"frame time ms: p50 {p50:.2f}  p95 {p95:.2f}  max {times.max():.2f}")
    print(json.dumps({"real_window": True, "size": f"{size[0]}x{size[1]}", "p50_ms": round(p50, 3),
                      "p95_ms": round(p95, 3), "frames": len(times), "scenario": scenario.id}))


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1920x1080, not {text!r}") from None
    return w, h


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--real-window", action="store_true", help="measure in a real window (needs an X server)")
    ap.add_argument("--size", type=parse_size, default=(1920, 1080), help="window size, e.g. 1920x1080")
    ap.add_argument("--scenario", help="scenario file (default: the largest bundled one)")
    ap.add_argument("--idle", type=float, metavar="SECONDS", help="measure the CPU an idle board uses")
    args = ap.parse_args()
    if args.real_window or args.idle is not None:
        real_window(args.size, args.scenario, args.idle)
    else:
        main()

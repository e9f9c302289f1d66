"""``b2bsim play`` and ``b2bsim drill``: open the game window.

pygame is imported only inside :func:`run`, so the rest of the command line
never needs it.  ``play SCENARIO`` opens its briefing, ``play`` alone the
scenario picker, ``drill SCENARIO`` the drill (the title screen lies beneath,
Esc goes back to it).  ``--autoplay`` starts at the title so that a demo passes
every screen; ``drill --autoplay`` (or ``B2BSIM_AUTOPLAY_DRILL=1``) lets the
drill play itself.  A bad scenario file prints the loader's messages (one line
each, FILE:LINE:COL) and exits with 1, without a traceback.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from game.cli.terminal import safe
from game.files import NotARegularFile, check_regular
from game.session.formats import SessionFileError, sniff
from game.session.join import join


#: autoplay runs the animations this many times faster than a person sees them
AUTOPLAY_SPEED = 4.0


def _fail(message: str) -> int:
    print(f"b2bsim: {safe(message)}", file=sys.stderr)
    return 1


def parse_size(text: str | None) -> tuple[int, int] | None:
    """``"1280x720"`` -> (1280, 720); raises ValueError with a helpful message."""
    if not text:
        return None
    match = re.fullmatch(r"\s*(\d{1,5})\s*[xX×*]\s*(\d{1,5})\s*", text)
    if not match:
        raise ValueError(f"--size {text!r}: write it as WIDTHxHEIGHT, for example --size 1280x720")
    w, h = int(match.group(1)), int(match.group(2))
    if w < 1024 or h < 640:
        raise ValueError(f"--size {text!r}: the smallest window is 1024x640")
    return w, h


def load(path_text: str):
    """The scenario at ``path_text`` or (None, error lines)."""
    from game.scenario import validate_file
    path = Path(path_text)
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None, [f"{safe(path)}: no such file. Check the path, or run 'b2bsim play' without a file "
                      "to choose a bundled scenario."]
    except (OSError, ValueError):
        pass                          # e.g. a name too long: the loader says so in one line
    try:
        scenario, diags = validate_file(path)    # refuses folders, FIFOs and devices before reading
    except Exception as exc:  # a loader bug must still not print a traceback
        return None, [safe(f"{path}: could not be read: {exc}")]
    errors = [d for d in diags if getattr(d, "severity", "error") == "error"]
    if scenario is None or errors:
        return None, [safe(d) for d in (errors or diags)] or [f"{safe(path)}: could not be read"]
    return scenario, []


def missing_display(env, platform: str) -> str | None:
    """On Linux without X11/Wayland, SDL would open an invisible window and wait forever."""
    if not platform.startswith("linux") or env.get("SDL_VIDEODRIVER"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return ("no screen found (neither DISPLAY nor WAYLAND_DISPLAY is set). Run b2bsim play on a desktop "
            "session; on a server use a virtual screen, e.g. 'xvfb-run b2bsim play', or, for autoplay with "
            "screenshots only, SDL_VIDEODRIVER=dummy b2bsim play FILE --autoplay expert "
            "--screenshots DIR --exit-at-end")


def run(args) -> int:
    drill = getattr(args, "command", "play") == "drill"
    try:
        size = parse_size(getattr(args, "size", None))
    except ValueError as exc:
        return _fail(str(exc))
    if getattr(args, "seed", None) is not None and args.seed < 0:
        return _fail(f"--seed {args.seed}: use a whole number of 0 or more")
    scenario = None
    if getattr(args, "scenario", None):
        try:                          # a FIFO or a device would block whoever reads it first
            check_regular(args.scenario)
        except NotARegularFile as exc:
            return _fail(f"{args.scenario} is {exc.kind}, not a scenario file — give the path of a .yaml file")
        except (OSError, ValueError):
            pass                      # missing, too long a name...: the loader explains below
    joined = None
    if getattr(args, "scenario", None) and sniff(args.scenario) == "session" and not drill:
        try:
            joined = join(args.scenario, getattr(args, "player", None), getattr(args, "team", None),
                          getattr(args, "results", None), args.seed)
        except SessionFileError as exc:
            return _fail(str(exc))
        scenario, args.seed = joined.scenario, joined.session.seed
    elif any(getattr(args, name, None) for name in ("player", "team", "results")):
        return _fail("--player, --team and --results go with a session file: b2bsim play SESSION_FILE --player NAME")
    if getattr(args, "scenario", None) and joined is None:
        scenario, errors = load(args.scenario)
        if scenario is None:
            for line in errors:
                print(line, file=sys.stderr)
            print(f"b2bsim: {safe(args.scenario)} has errors; fix them (see above) and try again. "
                  "'b2bsim validate FILE' checks a file without opening the game.", file=sys.stderr)
            return 1

    problem = missing_display(os.environ, sys.platform)
    if problem:
        return _fail(problem)
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        import pygame
    except ImportError:
        return _fail("pygame-ce is not installed. Install it with: pip install pygame-ce")

    from game.ui.app import App, StartupError
    from game.ui.launch import Launch
    from game.ui.settings import load_settings

    settings, problems = load_settings()
    for p in problems:
        print(f"b2bsim: warning: {safe(p)}", file=sys.stderr)
    if getattr(args, "lang", None):
        settings = settings.with_(language=args.lang)
    if size:
        settings = settings.with_(width=size[0], height=size[1], fullscreen=False)

    driver = None
    autoplay = getattr(args, "autoplay", None)
    if drill:
        autoplay = None        # the drill's --autoplay is a switch, not a strategy name
    drill_autoplay = drill and (getattr(args, "autoplay", False) or os.environ.get("B2BSIM_AUTOPLAY_DRILL"))
    if autoplay or drill_autoplay:
        from game.ui.autoplay import AutoplayDriver
        driver = AutoplayDriver(autoplay or "random", seed=args.seed, mode="drill" if drill else "play")
    exit_at_end = bool(getattr(args, "exit_at_end", False)) or (drill and driver is not None)
    launch = Launch(scenario=scenario, seed=args.seed, exit_at_end=exit_at_end)
    if joined is not None:     # the recorder writes the result file when the deal ends
        launch = launch.joined(joined.session.seed, joined.recorder,
                               hide_matrix=not joined.session.options.show_matrix)
    try:
        app = App(settings, screenshots=getattr(args, "screenshots", None), autoplay=driver,
                  launch=launch, persist_settings=driver is None,
                  max_frames=200_000 if driver else None, speed=AUTOPLAY_SPEED if driver else 1.0)
    except StartupError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"could not create the screenshot folder: {exc}")
    for p in problems:                # a settings file moved aside is also said in the window
        if getattr(p, "kept", None) is not None:
            app.notify(app.i18n.t("settings.kept_aside", name=p.kept.name), seconds=12.0)
    scenes = app.flow.first_scenes(drill=drill, person=driver is None)
    # autoplay starts at the title, so a demo passes every screen
    try:
        code = app.run(*scenes)
    finally:
        pygame.quit()
    if app.screenshots:
        print(f"b2bsim: saved {len(app.screenshots)} screenshots in {app.screenshot_dir}", file=sys.stderr)
    if joined is not None:
        for path in joined.recorder.written:
            print(f"b2bsim: result saved: {path}", file=sys.stderr)
        for problem in joined.recorder.errors:
            print(f"b2bsim: {problem}", file=sys.stderr)
        if joined.recorder.errors:
            return 1
    return code

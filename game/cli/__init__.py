"""The ``b2bsim`` command line.

Each sub-command lives in its own module with a ``run(args) -> int``; this
module only parses arguments and imports the chosen module lazily, so that
``validate`` and ``balance`` never import pygame.
"""
from __future__ import annotations

import argparse
import errno
import importlib
import sys

from game import __version__
from game.cli.terminal import output_failed, prepare_streams

#: errors of a write to stdout that are the reader's or the disk's, not a bug
OUTPUT_ERRORS = tuple(getattr(errno, name) for name in ("EPIPE", "ENOSPC", "EDQUOT", "EFBIG")
                      if hasattr(errno, name))

STRATEGIES = ("random", "price_only", "greedy", "expert", "oracle")


class Parser(argparse.ArgumentParser):
    """argparse with exit code 1 (not 2) for a mistyped command line, like every other bad input."""

    def error(self, message: str) -> "NoReturn":  # type: ignore[name-defined]
        self.print_usage(sys.stderr)
        self.exit(1, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="b2bsim",
        description="B2B sales simulation game: win a deal by selling to the whole buying center.",
        epilog="SCENARIO is a scenario file, or the id of a bundled scenario (e.g. data-platform-hanbit).",
    )
    p.add_argument("--version", action="version", version=f"b2bsim {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    play = sub.add_parser("play", help="open the game window")
    play.add_argument("scenario", nargs="?", help="scenario file or bundled id (default: the scenario picker)")
    play.add_argument("--seed", type=int, default=None, help="random seed (default: a new one)")
    play.add_argument("--autoplay", choices=STRATEGIES, help="let a baseline strategy play through the UI")
    play.add_argument("--screenshots", metavar="DIR", help="save a PNG of every scene passed")
    play.add_argument("--exit-at-end", action="store_true", help="close after the debrief")
    play.add_argument("--lang", choices=("en", "ko", "ja"), help="interface language")
    play.add_argument("--size", metavar="WxH", help="window size, e.g. 1280x720")
    play.add_argument("--player", metavar="NAME", help="with a session file: your name on the result")
    play.add_argument("--team", metavar="NAME", help="with a session file: your team")
    play.add_argument("--results", metavar="DIR", help="with a session file: where the result file goes")

    drill = sub.add_parser("drill", help="the benefit x member matrix drill")
    drill.add_argument("scenario", nargs="?", help="scenario file or bundled id (default: the picker)")
    drill.add_argument("--seed", type=int, default=None)
    drill.add_argument("--lang", choices=("en", "ko", "ja"))
    drill.add_argument("--size", metavar="WxH")
    drill.add_argument("--screenshots", metavar="DIR", help="save a PNG of every scene passed")
    drill.add_argument("--autoplay", action="store_true", help="let the drill play itself (demos, tests)")

    val = sub.add_parser("validate", help="check scenario files; exit 1 on any error")
    val.add_argument("files", nargs="+", metavar="FILE", help="scenario file or bundled id")

    bal = sub.add_parser("balance", help="batch-simulate baseline strategies on a scenario")
    bal.add_argument("scenario", help="scenario file or bundled id")
    bal.add_argument("--games", type=int, default=2000, help="games per strategy (default 2000)")
    bal.add_argument("--seed", type=int, default=0)
    bal.add_argument("--json", action="store_true", help="print one JSON object")
    bal.add_argument("--yes", action="store_true",
                     help="run even when the estimate is over 10 minutes or 2 GB of memory")

    sub.add_parser("schema", help="print the scenario JSON Schema (draft-07)")

    new = sub.add_parser("new", help="write a commented starter scenario")
    new.add_argument("--lang", choices=("en", "ko"), default="en")
    new.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    add_session_commands(sub)
    return p


def add_session_commands(sub) -> None:
    """The trainer's commands: session new, verify, report, xapi."""
    ses = sub.add_parser("session", help="training sessions: 'session new SCENARIO' writes a session file")
    ses_sub = ses.add_subparsers(dest="action", metavar="ACTION")
    sn = ses_sub.add_parser("new", help="one session file for the class, and the par of its deal")
    sn.add_argument("scenario", help="scenario file or bundled id")
    sn.add_argument("--seed", type=int, default=None, help="the deal's seed (default: a new short one)")
    sn.add_argument("--title", help="the session's title (default: the scenario's)")
    sn.add_argument("--lang", choices=("en", "ko"), help="the report's language (default en)")
    sn.add_argument("--out", metavar="FILE", help="session file (default: ID-seedN.session.json here)")
    sn.add_argument("--hide-matrix", action="store_true", help="learners' debrief hides the benefit matrix")
    sn.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    ver = sub.add_parser("verify", help="replay result files; exit 1 unless all match")
    ver.add_argument("results", nargs="+", metavar="RESULT")
    ver.add_argument("--session", metavar="FILE", help="the session file the results must belong to")

    rep = sub.add_parser("report", help="class report: DIR/index.html and DIR/results.csv")
    rep.add_argument("results", nargs="+", metavar="RESULT")
    rep.add_argument("--session", metavar="FILE", help="the session file (par, title, verification)")
    rep.add_argument("--out", metavar="DIR", required=True, help="folder to write the report into")
    rep.add_argument("--lang", choices=("en", "ko"), help="report language (default: the session's)")

    xa = sub.add_parser("xapi", help="xAPI 1.0.3 statements for result files: to a file or an LRS")
    xa.add_argument("results", nargs="+", metavar="RESULT")
    xa.add_argument("--session", metavar="FILE", help="the session file the results must belong to")
    dest = xa.add_mutually_exclusive_group(required=True)
    dest.add_argument("--out", metavar="FILE", help="write the statements (a JSON array) here")
    dest.add_argument("--lrs", metavar="URL", help="post them to this LRS endpoint (…/xAPI/)")
    xa.add_argument("--auth", metavar="USER:PASS", help="the LRS's basic-auth credentials")


MODULES = {
    "play": "game.cli.play",
    "drill": "game.cli.play",
    "validate": "game.cli.validate",
    "balance": "game.cli.balance",
    "schema": "game.cli.schema",
    "new": "game.cli.new",
    "session": "game.cli.session",
    "verify": "game.cli.verify",
    "report": "game.cli.report",
    "xapi": "game.cli.xapi",
}


def resolve_scenarios(args) -> str | None:
    """Turn bundled ids in the SCENARIO arguments into their files, in place;
    a one-line message when a name is neither a file nor a bundled id."""
    if args.command not in ("play", "drill", "balance", "validate"):
        return None
    from game.scenario.bundled import UnknownScenario, scenario_path
    try:
        if args.command == "validate":
            args.files = [str(scenario_path(name)) for name in args.files]
        elif args.scenario:
            args.scenario = str(scenario_path(args.scenario))
    except UnknownScenario as exc:
        return f"b2bsim {args.command}: {exc}"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 0
    problem = resolve_scenarios(args)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    try:
        module = importlib.import_module(MODULES[args.command])
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("game."):
            print(f"b2bsim: the '{args.command}' command is not available in this version", file=sys.stderr)
            return 1
        print(f"b2bsim: missing dependency '{exc.name}' — run 'make play' or "
              f"'pip install -e .' to install it", file=sys.stderr)
        return 1
    prepare_streams()
    try:
        code = int(module.run(args) or 0)
        sys.stdout.flush()          # a closed pipe or a full disk shows here, not at exit
        return code
    except KeyboardInterrupt:
        print("b2bsim: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        if exc.errno not in OUTPUT_ERRORS and not isinstance(exc, BrokenPipeError):
            raise
        return output_failed(exc, args.command)

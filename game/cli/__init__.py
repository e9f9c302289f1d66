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
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    play = sub.add_parser("play", help="open the game window")
    play.add_argument("scenario", nargs="?", help="scenario YAML file (default: the scenario picker)")
    play.add_argument("--seed", type=int, default=None, help="random seed (default: a new one)")
    play.add_argument("--autoplay", choices=STRATEGIES, help="let a baseline strategy play through the UI")
    play.add_argument("--screenshots", metavar="DIR", help="save a PNG of every scene passed")
    play.add_argument("--exit-at-end", action="store_true", help="close after the debrief")
    play.add_argument("--lang", choices=("en", "ko"), help="interface language")
    play.add_argument("--size", metavar="WxH", help="window size, e.g. 1280x720")

    drill = sub.add_parser("drill", help="the benefit x member matrix drill")
    drill.add_argument("scenario", nargs="?", help="scenario YAML file")
    drill.add_argument("--seed", type=int, default=None)
    drill.add_argument("--lang", choices=("en", "ko"))
    drill.add_argument("--size", metavar="WxH")
    drill.add_argument("--screenshots", metavar="DIR", help="save a PNG of every scene passed")
    drill.add_argument("--autoplay", action="store_true", help="let the drill play itself (demos, tests)")

    val = sub.add_parser("validate", help="check scenario files; exit 1 on any error")
    val.add_argument("files", nargs="+", metavar="FILE")

    bal = sub.add_parser("balance", help="batch-simulate baseline strategies on a scenario")
    bal.add_argument("scenario")
    bal.add_argument("--games", type=int, default=2000, help="games per strategy (default 2000)")
    bal.add_argument("--seed", type=int, default=0)
    bal.add_argument("--json", action="store_true", help="print one JSON object")

    sub.add_parser("schema", help="print the scenario JSON Schema (draft-07)")

    new = sub.add_parser("new", help="write a commented starter scenario")
    new.add_argument("--lang", choices=("en", "ko"), default="en")
    new.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    return p


MODULES = {
    "play": "game.cli.play",
    "drill": "game.cli.play",
    "validate": "game.cli.validate",
    "balance": "game.cli.balance",
    "schema": "game.cli.schema",
    "new": "game.cli.new",
}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 0
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

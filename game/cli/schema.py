"""``b2bsim schema``: print the scenario JSON Schema (draft-07).

A closed pipe (``| head``) or a full disk is handled by the command line's
entry point: a quiet exit or one line, never a traceback."""
from __future__ import annotations

import sys

from game.scenario.schema import schema_text


def run(args) -> int:
    sys.stdout.buffer.write(schema_text().encode("utf-8"))
    sys.stdout.flush()
    return 0

"""``b2bsim schema``: print the scenario JSON Schema (draft-07)."""
from __future__ import annotations

import sys

from game.scenario.schema import schema_text


def run(args) -> int:
    try:
        sys.stdout.buffer.write(schema_text().encode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into 'head'
        sys.stderr.close()
    return 0

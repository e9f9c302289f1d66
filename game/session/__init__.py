"""Training sessions: the session file a trainer hands out, the result file
every finished game writes, checking results by replaying them, and the
class report / xAPI statements built from them.

The engine never does I/O; this package is the layer that reads and writes
those files (atomically, through :mod:`game.files`) and feeds the engine.
"""
from game.session.formats import (  # noqa: F401
    Result, Session, SessionFileError, read_result, read_session, sniff, write_json,
)
from game.session.record import new_session, par_for, result_from_game, scenario_of, write_result  # noqa: F401
from game.session.verify import Checked, check_file, check_result  # noqa: F401

"""Run ralph's LRS API with its file-system backend, appending statements.

Ralph's ``fs`` backend is its development backend and writes each POST with
operation ``create``, so a second POST to the same store fails with HTTP 500.
A real LRS keeps accepting; so this launcher (.ci/ralph_lrs.py, run with ralph's own Python, in
its own venv) switches the backend to ``append`` and serves the API with
uvicorn:  .ci/ralph-venv/bin/python .ci/ralph_lrs.py HOST PORT
Settings come from ralph's environment variables (RALPH_AUTH_FILE,
RALPH_RUNSERVER_BACKEND=fs, RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH).
"""
import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.data.fs import FSDataBackend

FSDataBackend.default_operation_type = BaseOperationType.APPEND

if __name__ == "__main__":
    from ralph.api import app
    uvicorn.run(app, host=sys.argv[1], port=int(sys.argv[2]), log_level="warning")

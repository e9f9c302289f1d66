"""The b2bsim dispatcher: a mistyped command line is bad input too — exit 1, a hint, no traceback."""
import subprocess
import sys

import pytest


@pytest.mark.parametrize("argv, expected", [
    (["frob"], "invalid choice: 'frob'"),
    (["validate"], "the following arguments are required: FILE"),
    (["balance", "x.yaml", "--games", "many"], "invalid int value: 'many'"),
    (["play", "--autoplay", "genius"], "invalid choice: 'genius'"),
])
def test_bad_command_lines_exit_1_with_usage(argv, expected):
    result = subprocess.run([sys.executable, "-m", "game", *argv], capture_output=True, text=True)
    assert result.returncode == 1
    assert expected in result.stderr
    assert "--help" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_lists_every_command():
    result = subprocess.run([sys.executable, "-m", "game", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    for command in ("play", "drill", "validate", "balance", "schema", "new"):
        assert command in result.stdout


def test_validate_and_balance_do_not_import_pygame():
    code = ("import sys; from game.cli import main; "
            "main(['validate', 'game/content/scenarios/robot_cell_japanese.yaml']); "
            "main(['balance', 'game/content/scenarios/robot_cell_japanese.yaml', '--games', '20', '--json']); "
            "sys.exit(1 if 'pygame' in sys.modules else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, "pygame was imported by validate/balance"

"""Issue 8: bad input never gives a traceback, never hangs, never loses data.

Every reproduction from the issue is one row of a table and runs the real
command line (``python -m game ...``) in a subprocess with a timeout, so that
a hang fails the test instead of blocking the suite.  Unit-level checks of the
same guarantees (settings, text rendering, terminal output) live in
tests/test_bad_input_units.py.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "fixtures" / "tiny.yaml"
LONG_NAME = "a" * 300 + ".yaml"
TIMEOUT = 90

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
needs_dev_full = pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is Linux-only")
needs_dev_zero = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="/dev/zero is POSIX-only")


def tiny_with(old: str, new: str) -> str:
    text = TINY.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


ALL_LEAVE = """\
format: 1
id: all_leave
title: Everyone leaves
customer: {name: Acme}
deal: {value: 1000}
members:
  - id: boss
    name: Ann
    title: CEO
    roles: [decider]
    influence: 0.9
    priorities: {cost_saving: 3}
vendor:
  name: Us
  capabilities: {cost_saving: 0.7}
events:
  - {id: gone, stage: information_gathering, type: member_leaves, member: boss}
"""

#: scenario files of the issue's reproductions, by name
FILES = {
    "nul.yaml": tiny_with("name: Ann", 'name: "An\\0n"'),
    "zero_width.yaml": tiny_with("name: Ann", 'name: "\\u200b"'),
    "escape_title.yaml": tiny_with("title: Tiny deal", 'title: "Tiny \\e[2J\\e[31mRED\\a deal"'),
    "escape_key.yaml": tiny_with("title: Tiny deal", 'title: Tiny deal\n"\\e[2J\\e[31mcolour": red'),
    "all_leave.yaml": ALL_LEAVE,
}


@dataclass
class Case:
    id: str
    argv: list[str]                       # after 'python -m game'; {dir} is the work folder
    code: int                             # expected exit code
    says: tuple[str, ...] = ()            # each must be in stderr
    setup: Callable[[Path], None] | None = None
    stdout: str = "pipe"                  # pipe | dev_full | closed
    env: dict = field(default_factory=dict)
    marks: tuple = ()
    check: Callable[[Path, subprocess.CompletedProcess], None] | None = None


def make_fifo(name: str) -> Callable[[Path], None]:
    def setup(d: Path) -> None:
        os.mkfifo(d / name)
    return setup


def link_to_dev_zero(name: str) -> Callable[[Path], None]:
    def setup(d: Path) -> None:
        (d / name).parent.mkdir(parents=True, exist_ok=True)
        os.symlink("/dev/zero", d / name)
    return setup


def user_folder(d: Path) -> None:
    """The user scenario folder holds a FIFO, a NUL name and an invisible name."""
    folder = d / "user_scenarios"
    folder.mkdir()
    os.mkfifo(folder / "pipe.yaml")
    (folder / "nul.yaml").write_text(FILES["nul.yaml"], encoding="utf-8")
    (folder / "zero_width.yaml").write_text(FILES["zero_width.yaml"], encoding="utf-8")


DEEP = "[" * 30_000 + "]" * 30_000          # 60 kB: under the size limit, far over any nesting limit


def settings_file(content: str | None = None, special: str | None = None) -> Callable[[Path], None]:
    def setup(d: Path) -> None:
        cfg = d / "config"
        cfg.mkdir(exist_ok=True)
        if special == "fifo":
            os.mkfifo(cfg / "settings.json")
        elif special == "dev_zero":
            os.symlink("/dev/zero", cfg / "settings.json")
        else:
            (cfg / "settings.json").write_text(content, encoding="utf-8")
    return setup


def kept_aside(content: str | None):
    """The broken settings file is kept beside, with all of its bytes."""
    def check(d: Path, result) -> None:
        kept = sorted((d / "config").glob("settings.json.broken-*"))
        assert len(kept) == 1, list((d / "config").iterdir())
        assert kept[0].name in result.stderr
        if content is not None:
            assert kept[0].read_text(encoding="utf-8") == content
    return check


def escaped_not_raw(d: Path, result) -> None:
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\\x1b[2J" in result.stderr


def screenshots_of_picker(d: Path, result) -> None:
    shots = [p.name for p in (d / "shots").iterdir()]
    assert any("picker" in name for name in shots), shots


def board_without_members(d: Path, result) -> None:
    shots = [p.name for p in (d / "shots").iterdir()]
    assert any("debrief" in name for name in shots), shots       # played to the end


CASES = [
    # ---- tracebacks
    Case("play-every-member-leaves", ["play", "{dir}/all_leave.yaml", "--autoplay", "expert", "--exit-at-end",
                                      "--seed", "3", "--screenshots", "{dir}/shots"], 0,
         check=board_without_members),
    Case("validate-nul-name", ["validate", "{dir}/nul.yaml"], 1, ("members[0].name", "U+0000 NUL")),
    Case("validate-zero-width-name", ["validate", "{dir}/zero_width.yaml"], 1, ("members[0].name", "shows as nothing")),
    Case("play-nul-name", ["play", "{dir}/nul.yaml"], 1, ("U+0000 NUL",)),
    Case("drill-nul-name", ["drill", "{dir}/nul.yaml"], 1, ("U+0000 NUL",)),
    Case("play-zero-width-name", ["play", "{dir}/zero_width.yaml"], 1, ("shows as nothing",)),
    Case("drill-zero-width-name", ["drill", "{dir}/zero_width.yaml"], 1, ("shows as nothing",)),
    Case("picker-user-folder-fifo-nul-zero-width", ["play", "--autoplay", "expert", "--exit-at-end", "--seed", "1",
                                                    "--screenshots", "{dir}/shots"], 0,
         setup=user_folder, env={"B2BSIM_SCENARIO_DIR": "{dir}/user_scenarios"}, marks=(needs_fifo,),
         check=screenshots_of_picker),
    Case("settings-deeply-nested", ["drill", str(TINY), "--autoplay", "--seed", "1"], 0, ("nested too deeply",),
         setup=settings_file(DEEP), check=kept_aside(DEEP)),
    Case("balance-negative-seed", ["balance", str(TINY), "--seed", "-1"], 1, ("--seed -1", "0 or more")),
    Case("balance-zero-games", ["balance", str(TINY), "--games", "0"], 1, ("--games",)),
    Case("schema-to-dev-full", ["schema"], 1, ("could not write the output", "No space left"),
         stdout="dev_full", marks=(needs_dev_full,)),
    Case("new-to-dev-full", ["new"], 1, ("could not write the output",), stdout="dev_full", marks=(needs_dev_full,)),
    Case("balance-json-to-dev-full", ["balance", str(TINY), "--games", "5", "--json"], 1,
         ("could not write the output",), stdout="dev_full", marks=(needs_dev_full,)),
    Case("schema-to-closed-pipe", ["schema"], 1, stdout="closed"),
    Case("balance-json-to-closed-pipe", ["balance", str(TINY), "--games", "5", "--json"], 1, stdout="closed"),
    Case("new-out-long-name", ["new", "--out", "{dir}/" + LONG_NAME], 1, ("too long",)),
    Case("play-long-name", ["play", "{dir}/" + LONG_NAME], 1, ("too long",)),
    Case("drill-long-name", ["drill", "{dir}/" + LONG_NAME], 1, ("too long",)),
    Case("validate-long-name", ["validate", "{dir}/" + LONG_NAME], 1, ("too long",)),
    # ---- hangs
    Case("validate-fifo", ["validate", "{dir}/pipe.yaml"], 1, ("named pipe (FIFO)",),
         setup=make_fifo("pipe.yaml"), marks=(needs_fifo,)),
    Case("balance-fifo", ["balance", "{dir}/pipe.yaml"], 1, ("named pipe (FIFO)",),
         setup=make_fifo("pipe.yaml"), marks=(needs_fifo,)),
    Case("play-fifo", ["play", "{dir}/pipe.yaml"], 1, ("named pipe (FIFO)",),
         setup=make_fifo("pipe.yaml"), marks=(needs_fifo,)),
    Case("drill-fifo", ["drill", "{dir}/pipe.yaml"], 1, ("named pipe (FIFO)",),
         setup=make_fifo("pipe.yaml"), marks=(needs_fifo,)),
    Case("validate-link-to-dev-zero", ["validate", "{dir}/zero.yaml"], 1, ("a device",),
         setup=link_to_dev_zero("zero.yaml"), marks=(needs_dev_zero,)),
    Case("balance-link-to-dev-zero", ["balance", "{dir}/zero.yaml"], 1, ("a device",),
         setup=link_to_dev_zero("zero.yaml"), marks=(needs_dev_zero,)),
    Case("settings-fifo", ["drill", str(TINY), "--autoplay", "--seed", "1"], 0, ("named pipe (FIFO)",),
         setup=settings_file(special="fifo"), marks=(needs_fifo,), check=kept_aside(None)),
    Case("settings-link-to-dev-zero", ["drill", str(TINY), "--autoplay", "--seed", "1"], 0, ("a device",),
         setup=settings_file(special="dev_zero"), marks=(needs_dev_zero,), check=kept_aside(None)),
    # ---- data lost
    Case("settings-invalid-json-kept", ["drill", str(TINY), "--autoplay", "--seed", "1"], 0, ("not valid JSON",),
         setup=settings_file('{"language": "ko",'), check=kept_aside('{"language": "ko",')),
    # ---- silent wrong output
    Case("validate-escape-codes-in-title", ["validate", "{dir}/escape_title.yaml"], 1, ("U+001B ESC",)),
    Case("validate-escape-codes-echoed", ["validate", "{dir}/escape_key.yaml"], 1, ("colour",),
         check=escaped_not_raw),
    Case("balance-billion-games-needs-yes", ["balance", str(TINY), "--games", "1000000000"], 1,
         ("1,000,000,000 games per strategy will take", "GB of memory", "add --yes")),
]


def run_case(case: Case, d: Path) -> subprocess.CompletedProcess:
    for name, text in FILES.items():
        (d / name).write_text(text, encoding="utf-8")
    if case.setup:
        case.setup(d)
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "B2BSIM_CONFIG_DIR": str(d / "config"), "B2BSIM_SCENARIO_DIR": str(d / "no_user_scenarios"),
           "PYTHONPATH": str(ROOT), "LC_ALL": "C.UTF-8"}
    env.update({k: v.format(dir=d) for k, v in case.env.items()})
    argv = [sys.executable, "-m", "game"] + [a.format(dir=d) for a in case.argv]
    stdout, closer = subprocess.PIPE, None
    if case.stdout == "dev_full":
        stdout = closer = open("/dev/full", "wb")
    elif case.stdout == "closed":
        read_end, write_end = os.pipe()
        os.close(read_end)                 # the reader has gone, like 'head' after its bytes
        stdout = write_end
    try:
        result = subprocess.run(argv, cwd=d, env=env, stdin=subprocess.DEVNULL, stdout=stdout,
                                stderr=subprocess.PIPE, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{case.id}: no answer within {TIMEOUT} s (a hang)")
    finally:
        if closer:
            closer.close()
        if case.stdout == "closed":
            os.close(write_end)
    result.stderr = result.stderr.decode("utf-8", "replace")
    return result


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id, marks=c.marks) for c in CASES])
def test_bad_input(case: Case, tmp_path: Path) -> None:
    result = run_case(case, tmp_path)
    err = result.stderr
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert result.returncode == case.code, err
    for words in case.says:
        assert words in err, err
    if case.code == 1 and case.stdout == "dev_full":
        assert len(err.strip().splitlines()) == 1, err          # one message, nothing else
    if case.stdout == "closed":
        assert err.strip() == "", err                            # the reader left: nothing to say
    if case.check:
        case.check(tmp_path, result)


def test_every_case_has_a_distinct_name() -> None:
    assert len({c.id for c in CASES}) == len(CASES)


def test_the_bad_settings_file_is_moved_aside_and_a_new_one_written_on_save(tmp_path: Path) -> None:
    """After a start with a broken settings file, a change saves a fresh file and the broken one stays."""
    cfg = tmp_path / "config"
    cfg.mkdir()
    (cfg / "settings.json").write_text("{broken", encoding="utf-8")
    code = ("from game.ui.settings import load_settings, save_settings\n"
            "s, problems = load_settings()\n"
            "print(len(problems))\n"
            "save_settings(s.with_(language='ko'))\n")
    env = {**os.environ, "B2BSIM_CONFIG_DIR": str(cfg), "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=TIMEOUT)
    assert out.returncode == 0 and out.stdout.strip() == "1", out.stderr
    assert json.loads((cfg / "settings.json").read_text(encoding="utf-8"))["language"] == "ko"
    kept = list(cfg.glob("settings.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{broken"

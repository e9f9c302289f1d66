"""The validate, schema and new commands as an instructor uses them."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game import PROJECT_ROOT
from game.cli import main
from game.scenario.loader import bundled_scenarios, validate_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TINY = (FIXTURES / "tiny.yaml").read_text(encoding="utf-8")
PREFIX = re.compile(r"^(.+?):(\d+):(\d+): ")


def b2bsim(*args, env=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "game", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=120,
                          env={**os.environ, **(env or {})}, cwd=cwd or PROJECT_ROOT)


def malformed_files(folder: Path) -> dict[str, Path]:
    marker = folder / "pwned"
    texts = {
        "syntax.yaml": TINY.replace("title: Tiny deal", "title: Tiny deal: again"),
        "tag.yaml": TINY.replace("influence: 0.3", f"influence: !!python/object/apply:os.system ['touch {marker}']"),
        "reference.yaml": TINY.replace("gated_by: assistant", "gated_by: asistant"),
        "range.yaml": TINY.replace("influence: 0.9", "influence: 9"),
        "bomb.yaml": "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(9)),
        "indent.yaml": TINY.replace("    name: Bo", "      name: Bo"),
    }
    paths = {}
    for name, text in texts.items():
        paths[name] = folder / name
        paths[name].write_text(text, encoding="utf-8")
    paths["latin1.yaml"] = folder / "latin1.yaml"
    paths["latin1.yaml"].write_bytes(TINY.replace("Acme", "Caf\u00e9").encode("latin-1"))
    return paths


def test_validate_bundled_scenarios_exit_0():
    files = bundled_scenarios() + sorted(FIXTURES.glob("*.yaml"))
    result = b2bsim("validate", *files)
    assert result.returncode == 0, result.stderr
    n = len(files)
    assert result.stderr.strip() == f"{n} files checked: {n} valid, 0 with errors, 0 warnings"


def test_malformed_files_exit_1_with_positions_and_no_traceback(tmp_path):
    files = malformed_files(tmp_path)
    result = b2bsim("validate", *files.values())
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "pwned").exists()
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == f"{len(files)} files checked: 0 valid, {len(files)} with errors, 0 warnings"
    reported = {}
    for line in lines[:-1]:
        match = PREFIX.match(line)
        assert match, line
        reported.setdefault(Path(match.group(1)).name, []).append((int(match.group(2)), line))
    assert set(reported) == set(files)
    assert reported["syntax.yaml"][0][0] == 3
    assert reported["tag.yaml"][0][0] == 18
    assert reported["reference.yaml"][0][0] == 13
    assert reported["range.yaml"][0][0] == 11
    assert reported["indent.yaml"][0][0] == 15
    assert reported["latin1.yaml"][0][0] == 4


def test_messages_survive_an_ascii_only_terminal(tmp_path):
    path = tmp_path / "한국.yaml"
    path.write_text(TINY.replace("{cost_saving: 3}", "{비용: 3}"), encoding="utf-8")
    result = b2bsim("validate", path, env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C"})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert ":12:18: members[0].priorities" in result.stderr


def run_main(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_warnings_are_marked_and_do_not_fail(tmp_path, capsys):
    path = tmp_path / "warn.yaml"
    path.write_text(TINY.replace("type: budget_cut}", "type: budget_cut, probability: 0}"), encoding="utf-8")
    code, out, err = run_main(capsys, "validate", str(path))
    assert code == 0 and out == ""
    assert f"{path}:26:65: warning: events[0].probability:" in err
    assert err.strip().endswith("1 file checked: 1 valid, 0 with errors, 1 warning")


def empty_file(path: Path) -> Path:
    path.write_text("", encoding="utf-8")
    return path


@pytest.mark.parametrize("make,expected", [
    (lambda d: d / "missing.yaml", "missing.yaml: no such file"),
    (lambda d: d, "this is a folder, not a file"),
    (lambda d: empty_file(d / "empty.yaml"), "empty.yaml: the file is empty"),
])
def test_odd_paths_get_a_message(tmp_path, capsys, make, expected):
    path = make(tmp_path)
    code, _, err = run_main(capsys, "validate", str(path))
    assert code == 1 and expected in err and "Traceback" not in err


def test_one_bad_file_fails_the_run_but_all_are_checked(tmp_path, capsys):
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(TINY, encoding="utf-8")
    bad.write_text(TINY.replace("roles: [decider]", "roles: [user]"), encoding="utf-8")
    code, _, err = run_main(capsys, "validate", str(bad), str(good))
    assert code == 1
    assert err.strip().splitlines() == [
        f"{bad}:6:1: members: no member has the role 'decider' — give the person with the final say `roles: [decider]`",
        "2 files checked: 1 valid, 1 with errors, 0 warnings",
    ]


# ------------------------------------------------------------ schema
def test_schema_command_prints_the_committed_schema(capsysbinary):
    assert main(["schema"]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert json.loads(out)["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert out == (PROJECT_ROOT / "docs" / "scenario.schema.json").read_text(encoding="utf-8")


# ------------------------------------------------------------ new
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_new_prints_a_starter_that_validates(tmp_path, capsysbinary, lang):
    assert main(["new", "--lang", lang]) == 0
    path = tmp_path / "starter.yaml"
    path.write_bytes(capsysbinary.readouterr().out)
    scenario, diagnostics = validate_file(path)
    assert diagnostics == [] and scenario.language == lang


def test_new_out_writes_then_refuses_to_overwrite_unless_forced(tmp_path, capsys):
    path = tmp_path / "Plant Deal.yaml"
    code, _, err = run_main(capsys, "new", "--out", str(path))
    assert code == 0 and "wrote" in err
    scenario, diagnostics = validate_file(path)
    assert diagnostics == [] and scenario.id == "plant-deal"

    path.write_text("my own edits\n", encoding="utf-8")
    code, _, err = run_main(capsys, "new", "--out", str(path))
    assert code == 1 and "already exists" in err and "--force" in err
    assert path.read_text(encoding="utf-8") == "my own edits\n"

    code, _, _ = run_main(capsys, "new", "--lang", "ko", "--out", str(path), "--force")
    assert code == 0 and validate_file(path)[0].language == "ko"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Plant Deal.yaml"]  # no temp files left


@pytest.mark.parametrize("target,expected", [
    (lambda d: d / "no_folder" / "x.yaml", "does not exist"),
    (lambda d: d, "is a folder"),
])
def test_new_out_bad_target(tmp_path, capsys, target, expected):
    code, _, err = run_main(capsys, "new", "--out", str(target(tmp_path)))
    assert code == 1 and expected in err

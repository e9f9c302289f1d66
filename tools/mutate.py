#!/usr/bin/env python3
"""Mutation testing of the engine's rule modules with mutmut, on a frozen snapshot.

    python tools/mutate.py run    [--minutes 40] [--children 2] [--dir DIR] [--rev HEAD]
    python tools/mutate.py verify [--dir DIR] [--tests-from .]
    python tools/mutate.py report [--dir DIR] [--json]

``run`` exports the committed tree ``--rev`` (default HEAD; uncommitted edits
are not part of it) into DIR (default ``<tmp>/b2bsim-mutation``), writes the
``[tool.mutmut]`` settings below into the copy's pyproject.toml and runs
``mutmut run`` there under ``nice -n 10``. After ``--minutes`` it stops mutmut;
the results so far stay in DIR/mutants and ``run`` again resumes. The checkout
you work in is never touched, so people may keep editing while it runs.

``verify`` re-checks every mutant mutmut calls "survived" the slow, honest way:
it writes the mutant into the copy's source (``mutmut apply``), runs the test
subset in a fresh interpreter and restores the file. mutmut switches mutants
on inside each function call, so a mutant in code that runs once at import
(a handler built by a factory such as ``actions._show``) is never switched on
and looks like a survivor; ``verify`` gives those their real verdict.
``--tests-from`` copies the test subset from a checkout first (new tests
written against the survivors count this way, on the same engine snapshot);
``--unchecked`` also tests the sampled mutants mutmut did not reach in time.

``report`` prints the counts per module and the remaining survivors with their
diffs (markdown), or ``--json``.

Needs mutmut in the running interpreter: ``pip install -c constraints.txt -e .[mutation]``.
"""
from __future__ import annotations

import argparse
import json
import random
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = Path(tempfile.gettempdir()) / "b2bsim-mutation"
VERIFIED = "verified.json"
SAMPLE = "sample.txt"
PRIME = "game.engine.knowledge.*"

# The engine's rule modules (plumbing such as types, messages, tables, state,
# observe, news, game and batch is left out: it holds no rule of its own).
RULE_MODULES = [f"game/engine/{name}.py" for name in (
    "access", "actions", "decision", "effects", "events", "knowledge",
    "legality", "postsale", "rivals", "rounds", "scoring")]

# Quick killers first, so that -x stops early on a killed mutant: the balance digest (every rule, through
# whole games, in a subprocess mutmut cannot see), then the engine tests, the strategies last.
TEST_SUBSET = [f"tests/{name}.py" for name in (
    "test_balance_digest", "test_engine_mutants", "test_engine_rules", "test_engine_game",
    "test_engine_legality", "test_engine_outcomes", "test_engine_batch", "test_engine_fastpaths",
    "test_engine_api", "test_engine_debrief", "test_engine_fixtures", "test_engine_messages",
    "test_strategies_expert", "test_strategies_play")]

PYTEST_ARGS = ["-x", "-q", "-p", "no:cacheprovider"]
COPY_ALSO = ["game", "tests", "docs", "constraints.txt"]
VERIFY_TIMEOUT_S = 600


def fail(message: str) -> "NoReturn":  # type: ignore[name-defined]
    print(f"mutate.py: {message}", file=sys.stderr)
    raise SystemExit(1)


def toml_list(values: list[str]) -> str:
    return "[" + ", ".join(json.dumps(v) for v in values) + "]"


def mutmut_config(tests: list[str]) -> str:
    return ("\n[tool.mutmut]\n"
            f"source_paths = {toml_list(RULE_MODULES)}\n"
            f"pytest_add_cli_args_test_selection = {toml_list(tests)}\n"
            f"also_copy = {toml_list(COPY_ALSO)}\n"
            f"pytest_add_cli_args = {toml_list(['-p', 'no:cacheprovider', '-x'])}\n")


def present_tests(where: Path) -> list[str]:
    return [t for t in TEST_SUBSET if (where / t).exists()]


def need_mutmut() -> None:
    try:
        import mutmut  # noqa: F401  (only to tell the user it is missing)
    except ImportError:
        fail("mutmut is not installed here; run: pip install -c constraints.txt -e '.[mutation]'")


def mutmut(work: Path, *args: str, timeout: float | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mutmut", *args], cwd=work, text=True,
                          capture_output=True, timeout=timeout)


def export_snapshot(work: Path, rev: str) -> None:
    work.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True)
    if archive.returncode != 0:
        shutil.rmtree(work)
        fail(f"git archive {rev} failed: {archive.stderr.decode().strip()}")
    subprocess.run(["tar", "-x", "-C", str(work)], input=archive.stdout, check=True)
    with open(work / "pyproject.toml", "a", encoding="utf-8") as f:
        f.write(mutmut_config(present_tests(work)))
    (work / "SNAPSHOT").write_text(subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", rev], capture_output=True, text=True).stdout)


def run_mutmut(work: Path, args: list[str], children: int, deadline: float) -> bool:
    """Run ``mutmut run`` niced until it ends or ``deadline`` (monotonic); False if the time box cut it."""
    cmd = ["nice", "-n", "10", sys.executable, "-m", "mutmut", "run", "--max-children", str(children), *args]
    with open(work / "mutmut-run.log", "ab") as log:
        proc = subprocess.Popen(cmd, cwd=work, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            proc.wait(timeout=max(1.0, deadline - time.monotonic()))
            return True
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGINT)      # mutmut keeps what it has finished
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            return False


def cmd_run(args: argparse.Namespace) -> None:
    need_mutmut()
    work = args.dir
    deadline = time.monotonic() + args.minutes * 60
    if not (work / "SNAPSHOT").exists():
        if work.exists() and any(work.iterdir()):
            fail(f"{work} exists and is not a mutation snapshot; pick another --dir")
        export_snapshot(work, args.rev)
    print(f"mutate.py: snapshot {(work / 'SNAPSHOT').read_text().strip()[:10]} in {work}; "
          f"mutmut runs for at most {args.minutes} min", file=sys.stderr)
    finished = True
    if args.sample:
        if not (work / "mutants").exists():      # generate every mutant (and run the few of the smallest module)
            finished = run_mutmut(work, [PRIME], args.children, deadline)
        found = statuses(work)
        sample_file = work / SAMPLE
        if not sample_file.exists():
            chosen = random.Random(args.seed).sample(sorted(found), min(args.sample, len(found)))
            sample_file.write_text("\n".join(sorted(chosen)) + "\n")
        todo = [n for n in sample_file.read_text().split() if found.get(n) == "not checked"]
        if todo and finished:
            finished = run_mutmut(work, todo, args.children, deadline)
    else:
        finished = run_mutmut(work, [], args.children, deadline)
    if not finished:
        print("mutate.py: time box reached; run again to resume", file=sys.stderr)
    cmd_report(argparse.Namespace(dir=work, json=False))


def statuses(work: Path) -> dict[str, str]:
    out = mutmut(work, "results", "--all", "true")
    if out.returncode != 0:
        fail(f"mutmut results failed in {work}: {out.stderr.strip().splitlines()[-1:]}")
    found = {}
    for line in out.stdout.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and name.startswith("game."):
            found[name] = status
    return found


def sampled_statuses(work: Path) -> dict[str, str]:
    """mutmut's verdicts, limited to the random sample when ``run`` drew one."""
    found = statuses(work)
    if (work / SAMPLE).exists():
        found = {n: found[n] for n in (work / SAMPLE).read_text().split() if n in found}
    return found


def load_verified(work: Path) -> dict[str, str]:
    path = work / VERIFIED
    return json.loads(path.read_text()) if path.exists() else {}


def run_subset(work: Path) -> str:
    cmd = ["nice", "-n", "10", sys.executable, "-m", "pytest", *PYTEST_ARGS, *present_tests(work)]
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    try:
        done = subprocess.run(cmd, cwd=work, capture_output=True, text=True, env=env,
                              timeout=VERIFY_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return "timeout"
    return {0: "survived", 1: "killed"}.get(done.returncode, f"error {done.returncode}")


def cmd_verify(args: argparse.Namespace) -> None:
    need_mutmut()
    work = args.dir
    if not (work / "SNAPSHOT").exists():
        fail(f"no mutation snapshot in {work}; run 'python tools/mutate.py run' first")
    if args.tests_from is not None:
        for test in TEST_SUBSET:
            if (args.tests_from / test).exists():
                shutil.copy2(args.tests_from / test, work / test)
    if run_subset(work) != "survived":
        fail(f"the test subset does not pass on the unmutated snapshot in {work}; fix that first")
    verified = load_verified(work)
    wanted = {"survived"} | ({"not checked"} if args.unchecked else set())
    survivors = [n for n, s in sampled_statuses(work).items() if s in wanted and n not in verified]
    for i, name in enumerate(survivors, 1):
        path = next(work / m for m in RULE_MODULES
                    if name.startswith(m[:-3].replace("/", ".") + "."))
        original = path.read_bytes()
        try:
            applied = mutmut(work, "apply", name)
            verdict = run_subset(work) if applied.returncode == 0 else "not applicable"
        finally:
            path.write_bytes(original)
        verified[name] = verdict
        (work / VERIFIED).write_text(json.dumps(verified, indent=1, sort_keys=True))
        print(f"[{i}/{len(survivors)}] {name}: {verdict}", file=sys.stderr)


def final_status(name: str, status: str, verified: dict[str, str]) -> str:
    """mutmut's verdict, replaced by the fresh-process one for a re-checked survivor."""
    if status in ("survived", "not checked") and name in verified:
        return {"killed": "killed (verify)", "timeout": "timeout"}.get(verified[name], verified[name])
    return status


def cmd_report(args: argparse.Namespace) -> None:
    need_mutmut()
    work = args.dir
    verified = load_verified(work)
    found = sampled_statuses(work)
    per_module: dict[str, Counter] = {}
    survivors = []
    for name, status in found.items():
        module = name.split(".")[2]
        final = final_status(name, status, verified)
        per_module.setdefault(module, Counter())[final] += 1
        if final == "survived":
            survivors.append(name)
    if args.json:
        print(json.dumps({"modules": {m: dict(c) for m, c in per_module.items()},
                          "survivors": survivors}, indent=1, sort_keys=True))
        return
    columns = sorted({s for c in per_module.values() for s in c})
    total = sum(per_module.values(), Counter())
    print("| module | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    for module in sorted(per_module) + ["all"]:
        row = total if module == "all" else per_module[module]
        print(f"| {module} | " + " | ".join(str(row[c]) for c in columns) + " |")
    for name in survivors:
        print(f"\n### {name}\n\n```diff\n{mutmut(work, 'show', name).stdout.strip()}\n```")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="tools/mutate.py", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="snapshot the tree and run mutmut, time-boxed")
    run.add_argument("--minutes", type=float, default=40)
    run.add_argument("--children", type=int, default=2)
    run.add_argument("--rev", default="HEAD")
    run.add_argument("--sample", type=int, default=300, help="mutants drawn at random (0 = all)")
    run.add_argument("--seed", type=int, default=9)
    verify = sub.add_parser("verify", help="re-check survivors in fresh processes")
    verify.add_argument("--tests-from", type=Path, default=None)
    verify.add_argument("--unchecked", action="store_true",
                        help="also test, the same way, the sampled mutants mutmut did not reach in its time box")
    report = sub.add_parser("report", help="counts per module and the survivors")
    report.add_argument("--json", action="store_true")
    for p in (run, verify, report):
        p.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    args = parser.parse_args(argv)
    args.dir = args.dir.resolve()
    started = time.monotonic()
    {"run": cmd_run, "verify": cmd_verify, "report": cmd_report}[args.command](args)
    print(f"mutate.py: {args.command} took {time.monotonic() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()

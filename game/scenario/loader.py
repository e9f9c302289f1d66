"""Load and validate scenario files, reporting every mistake with its position.

Public API:
    Diagnostic, ScenarioError, load_scenario, load_scenario_text,
    scenario_from_data, validate_file, validate_text, bundled_scenarios,
    bundled_ids, scenario_path

The work is split into small modules: ``file_text`` (bytes → text),
``yaml_source`` (safe parsing with positions), ``errors`` (model errors → messages), ``checks`` (references
between parts), ``lint`` (warnings) and ``bundled`` (the scenarios shipped in the package,
named by id on the command line).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.scenario.bundled import bundled_ids, bundled_scenarios, scenario_path
from game.scenario.checks import check_references
from game.scenario.diagnostics import Diagnostic, ScenarioError
from game.scenario.errors import pydantic_diagnostics
from game.scenario.file_text import read_text
from game.scenario.lint import lint
from game.scenario.model import Scenario
from game.scenario.text_checks import check_text
from game.scenario.yaml_source import Source, parse

__all__ = [
    "Diagnostic", "ScenarioError", "bundled_ids", "bundled_scenarios", "load_scenario", "load_scenario_text",
    "scenario_from_data", "scenario_path", "validate_file", "validate_text",
]


def _freeze(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return {k: _freeze(v) for k, v in value.items()}
    return value


def _order(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: (d.severity != "error", d.line, d.col))


def _build(source: Source) -> Scenario | None:
    """Validate ``source.data``; errors are added to ``source.diagnostics``."""
    if source.data is None:
        return None
    scenario = None
    try:
        scenario = Scenario.model_validate(_freeze(source.data))
    except ValidationError as exc:
        pydantic_diagnostics(exc, source)
    check_references(source)
    if any(d.is_error for d in source.diagnostics):
        return None
    return scenario


def _check(source: Source) -> tuple[Scenario | None, list[Diagnostic]]:
    check_text(source)            # NUL, escape codes, names that show as nothing
    scenario = _build(source)
    warnings = lint(scenario, source) if scenario is not None else []
    return scenario, _order(source.diagnostics) + _order(warnings)


def validate_text(text: str, filename: str = "<string>") -> tuple[Scenario | None, list[Diagnostic]]:
    """``(scenario or None, errors followed by lint warnings)`` for YAML text."""
    return _check(parse(text, filename))


def validate_file(path: str | Path) -> tuple[Scenario | None, list[Diagnostic]]:
    """``(scenario or None, errors followed by lint warnings)`` for a file.

    Never raises for bad input: unreadable, missing, non-UTF-8 or malformed
    files come back as diagnostics."""
    text, problems = read_text(path)
    if text is None:
        return None, problems
    return validate_text(text, str(path))


def load_scenario_text(text: str, filename: str = "<string>") -> Scenario:
    """The scenario in ``text``; raises :class:`ScenarioError` listing every error."""
    scenario, diagnostics = validate_text(text, filename)
    if scenario is None:
        raise ScenarioError([d for d in diagnostics if d.is_error])
    return scenario


def load_scenario(path: str | Path) -> Scenario:
    """The scenario in the file at ``path``; raises :class:`ScenarioError`."""
    scenario, diagnostics = validate_file(path)
    if scenario is None:
        raise ScenarioError([d for d in diagnostics if d.is_error])
    return scenario


def scenario_from_data(data: dict, filename: str = "<data>") -> Scenario:
    """Build a Scenario from plain Python data (lists are accepted), with the
    same checks as a file; raises :class:`ScenarioError`."""
    source = Source(filename, _freeze(data))
    if not isinstance(source.data, dict):
        raise ScenarioError([Diagnostic(filename, 0, 0, "", "scenario data must be a mapping (dict)")])
    scenario = _build(source)
    if scenario is None:
        raise ScenarioError(_order(source.diagnostics))
    return scenario

"""PROVISIONAL minimal loader (to be replaced by the full positioned loader).

Public API (keep it):
    Diagnostic, ScenarioError, load_scenario, load_scenario_text,
    scenario_from_data, validate_file, bundled_scenarios
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from game import SCENARIO_DIR
from game.scenario.model import Scenario


@dataclass(frozen=True)
class Diagnostic:
    file: str
    line: int
    col: int
    path: str
    message: str
    hint: str = ""
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}: "
        tag = "warning: " if self.severity == "warning" else ""
        text = f"{where}{tag}{self.path}: {self.message}" if self.path else f"{where}{tag}{self.message}"
        return f"{text} — {self.hint}" if self.hint else text


class ScenarioError(Exception):
    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


def _freeze(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return {k: _freeze(v) for k, v in value.items()}
    return value


def scenario_from_data(data: dict) -> Scenario:
    """Build a Scenario from plain Python data (lists are accepted)."""
    return Scenario.model_validate(_freeze(data))


def load_scenario_text(text: str, filename: str = "<string>") -> Scenario:
    try:
        return scenario_from_data(yaml.safe_load(text))
    except ValidationError as exc:
        raise ScenarioError([Diagnostic(filename, 1, 1, ".".join(map(str, e["loc"])), e["msg"])
                             for e in exc.errors()]) from None


def load_scenario(path: str | Path) -> Scenario:
    path = Path(path)
    return load_scenario_text(path.read_text(encoding="utf-8"), str(path))


def validate_file(path: str | Path) -> tuple[Scenario | None, list[Diagnostic]]:
    try:
        return load_scenario(path), []
    except ScenarioError as exc:
        return None, exc.diagnostics


def bundled_scenarios() -> list[Path]:
    return sorted(SCENARIO_DIR.glob("*.yaml"))

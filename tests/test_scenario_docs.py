"""docs/scenario-format.md stays true: every key is documented and every
example message is what the validator really prints."""
import importlib.util
import re
from pathlib import Path

import pytest

from game import PROJECT_ROOT
from game.scenario import model as m
from game.scenario.loader import validate_file, validate_text

DOC = (PROJECT_ROOT / "docs" / "scenario-format.md").read_text(encoding="utf-8")
HERE = Path(__file__).resolve().parent


def _load_cases():
    spec = importlib.util.spec_from_file_location("scenario_error_cases", HERE / "test_scenario_errors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.BASE, module.CASES


@pytest.mark.parametrize("model", [m.Scenario, m.Customer, m.Deal, m.Benefit, m.Stage, m.Member, m.Vendor,
                                   m.Competitor, m.MemberLeaves, m.BudgetCut, m.RivalDiscount,
                                   m.MemberTurnsBlocker, m.PilotFailure, m.ScoringWeights],
                         ids=lambda c: c.__name__)
def test_every_key_is_documented(model):
    missing = [name for name in model.model_fields if f"`{name}" not in DOC]
    assert missing == []


def test_every_example_message_is_real(tmp_path):
    base, cases = _load_cases()
    produced = set()
    for old, new, _ in cases:
        produced.update(str(d) for d in validate_text(base.replace(old, new, 1), "tiny.yaml")[1])
    latin = tmp_path / "tiny.yaml"
    latin.write_bytes(base.replace("Acme", "Caf\u00e9").encode("latin-1"))
    produced.update(str(d).replace(str(latin), "tiny.yaml") for d in validate_file(latin)[1])
    documented = [msg for _, msg in re.findall(r"^\| [^|]+ \| (`+) ?(tiny\.yaml:\d+:\d+: .+?) ?\1(?: |$)", DOC, re.M)]
    assert len(documented) >= 25
    assert [msg for msg in documented if msg not in produced] == []

"""Bundled scenarios, fixtures, starters and the JSON Schema agree."""
import copy
from pathlib import Path

import jsonschema
import pytest
import yaml

from game import PROJECT_ROOT
from game.scenario.loader import bundled_scenarios, load_scenario, validate_file, validate_text
from game.scenario.schema import scenario_schema, schema_text
from game.scenario.starter import LANGUAGES, id_from_filename, starter_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"
VALID_FIXTURES = sorted(FIXTURES.glob("*.yaml"))
SCHEMA = scenario_schema()
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)


def plain(path: Path) -> dict:
    """The file as JSON-like data (lists), the form editors check."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", bundled_scenarios(), ids=lambda p: p.name)
def test_bundled_scenario_validates_and_lints_clean(path):
    scenario, diagnostics = validate_file(path)
    assert [str(d) for d in diagnostics] == []
    assert scenario is not None and len(scenario.members) >= 1


@pytest.mark.parametrize("path", bundled_scenarios(), ids=lambda p: p.name)
def test_bundled_scenario_carries_the_schema_modeline(path):
    head = path.read_text(encoding="utf-8").splitlines()[:5]
    assert "# yaml-language-server: $schema=../docs/scenario.schema.json" in head


@pytest.mark.parametrize("path", VALID_FIXTURES, ids=lambda p: p.name)
def test_unseen_valid_scenarios_pass(path):
    scenario, diagnostics = validate_file(path)
    assert [str(d) for d in diagnostics] == []
    assert scenario is not None


def test_japanese_fixture_keeps_its_own_benefits_stages_and_twelve_members():
    scenario = load_scenario(FIXTURES / "ja_custom_12_members.yaml")
    assert len(scenario.members) == 12
    assert "lead_time_cut" in scenario.benefit_ids and "cost_saving" not in scenario.benefit_ids
    assert scenario.stage_ids[scenario.decision_index] == "ringi"
    assert scenario.member("shacho").name == "北村 誠"


@pytest.mark.parametrize("path", bundled_scenarios() + VALID_FIXTURES, ids=lambda p: p.name)
def test_schema_accepts_valid_scenarios(path):
    errors = [e.message for e in VALIDATOR.iter_errors(plain(path))]
    assert errors == []


def test_schema_is_draft_07():
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    assert "$defs" not in schema_text() and "definitions" in SCHEMA


@pytest.mark.parametrize("change", [
    lambda d: d["members"][0].update(influence=1.5),
    lambda d: d["members"][0].update(stance=-2),
    lambda d: d["members"][0]["priorities"].update(cost_saving=-1),
    lambda d: d["members"][0]["priorities"].update({"Not An Id": 1}),
    lambda d: d["members"][0].update(roles=["boss"]),
    lambda d: d["members"][0].update(favourite_colour="blue"),
    lambda d: d["vendor"]["capabilities"].update(cost_saving=1.2),
    lambda d: d.update(difficulty="expert"),
    lambda d: d.update(format=2),
    lambda d: d.pop("members"),
    lambda d: d["deal"].update(value=0),
    lambda d: d["events"].append({"id": "x", "stage": "ringi", "type": "budget_cut", "severity": 3}),
    lambda d: d["events"].append({"id": "x", "stage": "ringi", "type": "no_such_event"}),
], ids=["influence", "stance", "weight", "key", "role", "extra", "capability", "difficulty", "format",
        "no-members", "deal-value", "severity", "event-type"])
def test_schema_rejects_out_of_range_and_unknown_values(change):
    data = copy.deepcopy(plain(FIXTURES / "ja_custom_12_members.yaml"))
    change(data)
    assert not VALIDATOR.is_valid(data)


def test_committed_schema_is_up_to_date():
    committed = (PROJECT_ROOT / "docs" / "scenario.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run: b2bsim schema > docs/scenario.schema.json"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_starter_validates_and_lints_clean(lang):
    scenario, diagnostics = validate_text(starter_text(lang), f"starter_{lang}.yaml")
    assert [str(d) for d in diagnostics] == []
    assert scenario is not None and scenario.language == lang


def test_korean_starter_is_written_in_korean():
    text = starter_text("ko")
    scenario, _ = validate_text(text, "ko.yaml")
    hangul = lambda s: any("\uac00" <= ch <= "\ud7a3" for ch in s)  # noqa: E731
    assert all(hangul(b.name) for b in scenario.benefits)
    assert all(hangul(s.name) for s in scenario.stages)
    assert all(hangul(m.title) for m in scenario.members)
    comments = [line for line in text.splitlines() if line.startswith("# ") and "b2bsim" not in line
                and "yaml-language-server" not in line and "scenario.schema.json" not in line]
    assert comments and all(hangul(c) for c in comments)


def test_starter_is_commented_for_every_top_level_key():
    text = starter_text("en")
    for key in ("format", "id", "title", "language", "difficulty", "benefits", "stages", "members",
                "vendor", "competitors", "events"):
        block = text.split(f"\n{key}:", 1)
        assert len(block) == 2, key
        before = block[0].rsplit("\n", 3)
        assert "#" in block[1].split("\n", 1)[0] or any(line.startswith("#") for line in before), key


@pytest.mark.parametrize("name,expected", [
    ("Hanbit Deal.yaml", "hanbit-deal"), ("plant_2.yaml", "plant_2"), ("한빛.yaml", None), ("--x.yaml", "x"),
])
def test_id_from_filename(name, expected):
    assert id_from_filename(name) == expected


def test_starter_with_an_id_still_validates():
    scenario, diagnostics = validate_text(starter_text("en", "hanbit-deal"), "x.yaml")
    assert diagnostics == [] and scenario.id == "hanbit-deal"

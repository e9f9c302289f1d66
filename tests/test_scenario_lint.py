"""Lint warns about suspicious but valid content, and never fails validation."""
from pathlib import Path

import pytest

from game.scenario.loader import load_scenario_text, validate_text

BASE = (Path(__file__).resolve().parent / "fixtures" / "tiny.yaml").read_text(encoding="utf-8")
TITLE = "title: Tiny deal\n"

CASES = [
    (TITLE, TITLE + "benefits:\n  - {id: cost_saving, name: Savings}\n  - {id: exact_delivery_date, name: Dates}\n"
                    "  - {id: golf_days, name: Golf days, kind: relationship}\n",
     ["tiny.yaml:7:6: warning: benefits[2].id: no member cares about 'golf_days' — "
      "give it a weight in someone's priorities, or remove it"]),
    ("capabilities: {cost_saving: 0.7,", "capabilities: {cost_saving: 0.1,",
     ["tiny.yaml:12:5: warning: members[0].priorities: the vendor has nothing for decider 'boss' (every "
      "capability on what they care about is below 0.25) — raise a vendor capability on one of: cost_saving"]),
    (TITLE, TITLE + "stages:\n  - {id: evaluating_alternatives, name: Only, focus: [gatekeeper, decider]}\n",
     []),
    (TITLE, TITLE + "stages:\n  - {id: evaluating_alternatives, name: Only, focus: [decider]}\n",
     ["tiny.yaml:19:5: warning: members[1].roles: 'assistant' is never in focus: no stage lists gatekeeper "
      "in its focus — add one of these roles to some stage's focus, or change the member's roles"]),
    ("type: budget_cut}", "type: budget_cut, probability: 0}",
     ["tiny.yaml:26:65: warning: events[0].probability: event 'cut' never happens (probability 0) — "
      "raise the probability or remove the event"]),
]


@pytest.mark.parametrize("old,new,expected", CASES, ids=range(len(CASES)))
def test_warnings(old, new, expected):
    text = BASE.replace(old, new, 1)
    scenario, diagnostics = validate_text(text, "tiny.yaml")
    assert scenario is not None
    assert [str(d) for d in diagnostics] == expected
    assert all(d.severity == "warning" for d in diagnostics)
    load_scenario_text(text, "tiny.yaml")  # warnings never make loading fail


SHIFTS = TITLE + ("stages:\n  - {id: talk, name: Talk, focus: [decider, gatekeeper], emphasis: {support: 2}}\n"
                  "  - {id: buy, name: Buy, decision: true, focus: [decider]}\n"
                  "  - {id: use, name: Use, focus: [decider], emphasis: {cost: 2}}\n")


def test_stage_shifts_nobody_can_feel_or_after_the_decision():
    text = BASE.replace(TITLE, SHIFTS, 1).replace("evaluating_alternatives", "talk")
    scenario, diagnostics = validate_text(text, "tiny.yaml")
    assert scenario is not None and [str(d) for d in diagnostics] == [
        "tiny.yaml:5:69: warning: stages[0].emphasis.support: no member can feel this shift: nobody cares about "
        "any benefit 'support' names — give someone a priority on such a benefit, or remove the key",
        "tiny.yaml:7:44: warning: stages[2].emphasis: a shift in stage 'use' changes nothing: it comes after the "
        "decision — move it to a stage up to the decision, or remove it"]


def test_gatekeepers_guarding_each_other_cannot_be_reached():
    text = (BASE.replace("roles: [decider]", "roles: [decider, gatekeeper]")
                .replace("    priorities: {exact_delivery_date: 2}\n",
                         "    priorities: {exact_delivery_date: 2}\n    gated_by: boss\n"))
    scenario, diagnostics = validate_text(text, "tiny.yaml")
    assert scenario is not None
    assert [str(d) for d in diagnostics] == [
        "tiny.yaml:13:5: warning: members[0].gated_by: no one can reach 'boss': the gatekeepers "
        "boss → assistant → boss guard each other — remove gated_by from one of them",
        "tiny.yaml:20:5: warning: members[1].gated_by: no one can reach 'assistant': the gatekeepers "
        "assistant → boss → assistant guard each other — remove gated_by from one of them",
    ]

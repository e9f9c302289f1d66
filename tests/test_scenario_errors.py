"""Every authoring mistake gives one exact message at the right place."""
from pathlib import Path

import pytest

from game.scenario.loader import ScenarioError, load_scenario_text, validate_text

BASE = (Path(__file__).resolve().parent / "fixtures" / "tiny.yaml").read_text(encoding="utf-8")
TITLE = "title: Tiny deal\n"

# (replace this, with that, the exact messages expected)
CASES = [
    ("title: Tiny deal", "title: Tiny deal\nvariation: hihg",
     ["tiny.yaml:4:1: variation: 'hihg' is not a variation — did you mean 'high'? Use one of: none, low, normal, high"]),
    ("    gated_by: assistant", "    gated_by: assistant\n    pin: [stanse]",
     ["tiny.yaml:14:11: members[0].pin[0]: 'stanse' is not a pinnable value — did you mean 'stance'? "
      "Use one of: priorities, stance, concern"]),
    ("    gated_by: assistant", "    gated_by: assistant\n    emphasis: {choosing_alternative: {prise: 2}}",
     ["tiny.yaml:14:39: members[0].emphasis.choosing_alternative.prise: unknown benefit kind or benefit 'prise' — "
      "did you mean 'price'? Name a kind (price, cost, quality, technology, delivery, support, relationship, "
      "other) or a benefit id"]),
    ("    gated_by: assistant", "    gated_by: assistant\n    emphasis: {choosing: {price: 2}}",
     ["tiny.yaml:14:16: members[0].emphasis.choosing: unknown stage 'choosing' — stages here: "
      "problem_identification, information_gathering, situation_analysis, developing_options, "
      "evaluating_alternatives, choosing_alternative, implementing_decision, reviewing_outcome"]),
    ("    influence: 0.9", "    influence: 1.5",
     ["tiny.yaml:11:5: members[0].influence: 1.5 is out of range — use a number from 0 to 1"]),
    ("{cost_saving: 3}", "{cost_savng: 3}",
     ["tiny.yaml:12:18: members[0].priorities.cost_savng: unknown benefit 'cost_savng' — did you mean "
      "'cost_saving'? Benefits are listed under 'benefits' (or the ten standard ones)"]),
    ("gated_by: assistant", "gated_by: asistant",
     ["tiny.yaml:13:5: members[0].gated_by: 'asistant' is not a member — did you mean 'assistant'?"]),
    ("roles: [decider]", "roles: [decidr]",
     ["tiny.yaml:10:13: members[0].roles[0]: 'decidr' is not a role — did you mean 'decider'? "
      "Use one of: initiator, user, buyer, influencer, decider, gatekeeper"]),
    ("roles: [decider]", "roles: [user]",
     ["tiny.yaml:6:1: members: no member has the role 'decider' — give the person with the final say "
      "`roles: [decider]`"]),
    ("    influence: 0.9\n", "    influence: 0.9\n    influence: 0.8\n",
     ["tiny.yaml:12:5: members[0].influence: duplicate key 'influence' (first written at line 11) — "
      "keep only one of them"]),
    ("    influence: 0.9\n", "",
     ["tiny.yaml:7:5: members[0]: missing required key 'influence' — add influence: 0.5 (a number from 0 to 1)"]),
    ("    influence: 0.9\n", "    influnce: 0.9\n",
     ["tiny.yaml:7:5: members[0]: missing required key 'influence' — add influence: 0.5 (a number from 0 to 1)",
      "tiny.yaml:11:5: members[0].influnce: unknown key 'influnce' — did you mean 'influence'? "
      "Keys allowed here: id, name, title, roles, influence, priorities, stance, gated_by, pin, emphasis, concern, "
      "influences, expects_proof"]),
    ("    name: Ann\n    title: CEO\n", "",
     ["tiny.yaml:7:5: members[0]: missing required keys 'name', 'title' — add them; "
      "'b2bsim new' prints an example of every key"]),
    ("{cost_saving: 3}", "{cost_saving: 0}",
     ["tiny.yaml:12:5: members[0].priorities: has no positive weight: this person cares about nothing — "
      "give at least one benefit a weight above 0, e.g. {cost_saving: 3}"]),
    ("{cost_saving: 3}", "{cost_saving: -1}",
     ["tiny.yaml:12:18: members[0].priorities.cost_saving: -1 is out of range — "
      "use a weight from 0 to 1000 (only the ratios between weights matter)"]),
    ("deal: {value: 1000}", "deal: {value: '1,000'}",
     ["tiny.yaml:5:8: deal.value: expected a number, got '1,000' — write numbers without separators, e.g. 1000"]),
    ("deal: {value: 1000}", "deal: {value: 1000, currency: USD, vat: 0.2}",
     ["tiny.yaml:5:36: deal.vat: unknown key 'vat' — keys allowed here: value, currency"]),
    ("customer: {name: Acme}", "customer: Acme",
     ["tiny.yaml:4:1: customer: expected a mapping of keys, got 'Acme' — write customer: {name: …}"]),
    ("roles: [gatekeeper]", "roles: gatekeeper",
     ["tiny.yaml:17:5: members[1].roles: expected a list, got 'gatekeeper' — write it as a list: [gatekeeper]"]),
    ("roles: [gatekeeper]", "roles: [user]",
     ["tiny.yaml:13:5: members[0].gated_by: 'assistant' does not have the role 'gatekeeper' — "
      "add gatekeeper to assistant's roles"]),
    ("    gated_by: assistant\n", "    gated_by: boss\n",
     ["tiny.yaml:13:5: members[0].gated_by: a member cannot be their own gatekeeper — "
      "remove gated_by or name someone else"]),
    ("stance: {boss: 0.2}", "stance: {boss: 2}",
     ["tiny.yaml:24:53: competitors[0].stance.boss: 2 is out of range — use a number from -1 (against) to 1 (for)"]),
    ("stance: {boss: 0.2}", "stance: {bos: 0.2}",
     ["tiny.yaml:24:53: competitors[0].stance.bos: 'bos' is not a member — did you mean 'boss'?"]),
    ("capabilities: {cost_saving: 0.7", "capabilities: {cost_savings: 0.7",
     ["tiny.yaml:22:18: vendor.capabilities.cost_savings: unknown benefit 'cost_savings' — did you mean "
      "'cost_saving'? Benefits are listed under 'benefits' (or the ten standard ones)"]),
    ("stage: evaluating_alternatives", "stage: evaluating",
     ["tiny.yaml:26:15: events[0].stage: unknown stage 'evaluating' — did you mean 'evaluating_alternatives'?"]),
    ("type: budget_cut", "type: budget_cuts",
     ["tiny.yaml:26:47: events[0].type: unknown event type 'budget_cuts' — did you mean 'budget_cut'? "
      "Event types: member_leaves, budget_cut, rival_discount, member_turns_blocker, pilot_failure"]),
    ("type: budget_cut}", "type: rival_discount, competitor: rivl}",
     ["tiny.yaml:26:69: events[0].competitor: unknown competitor 'rivl' — did you mean 'rival'?"]),
    ("type: budget_cut}", "type: member_leaves}",
     ["tiny.yaml:26:5: events[0]: missing required key 'member' — add member: <the id of a member>"]),
    (", type: budget_cut}", "}",
     ["tiny.yaml:26:5: events[0]: this event has no 'type' — add type: member_leaves "
      "(or budget_cut, rival_discount, member_turns_blocker, pilot_failure)"]),
    ("format: 1", "format: 2",
     ["tiny.yaml:1:1: format: format 2 is not supported — write 'format: 1'"]),
    ("id: tiny", "id: Tiny Deal",
     ["tiny.yaml:2:1: id: 'Tiny Deal' is not a valid id — scenario ids use lowercase letters, digits, "
      "'-' and '_', e.g. 'tiny_deal'"]),
    ("title: Tiny deal", "title: Tiny deal: the sequel",
     ["tiny.yaml:3:17: YAML syntax error: mapping values are not allowed in this context — "
      "put text that contains ': ' in quotes, or fix this line's indentation"]),
    ("    name: Bo", "\tname: Bo",
     ["tiny.yaml:15:1: YAML syntax error: found a tab character that violates indentation "
      "(while scanning a plain scalar) — indent with spaces, not tabs"]),
    ("    name: Ann", "    name: true",
     ["tiny.yaml:8:5: members[0].name: true is read as a yes/no value, not as text — put it in quotes: \"true\""]),
    ("    name: Ann", "    name:",
     ["tiny.yaml:8:5: members[0].name: the value is empty — write the value after the colon, or remove the key"]),
    ("    influence: 0.3", "    influence: !!python/object/apply:os.system ['echo hi']",
     ["tiny.yaml:18:16: members[1].influence: unsupported tag '!!python/object/apply:os.system' — "
      "remove the tag; scenarios use plain YAML only"]),
    ("    influence: 0.3", "    influence: 30%",
     ["tiny.yaml:18:5: members[1].influence: expected a number, got '30%' — "
      "write a fraction instead of a percentage, e.g. 0.3 for 30%"]),
    (TITLE, TITLE + "difficulty: expert\n",
     ["tiny.yaml:4:1: difficulty: 'expert' is not a difficulty — use one of: easy, normal, hard"]),
    (TITLE, TITLE + "stages:\n  - {id: evaluating_alternatives, name: Only, decision: yes}\n",
     ["tiny.yaml:5:47: stages[0].decision: expected true or false, got 'yes' — "
      "write true or false (yes/no/on/off are read as text)"]),
    (TITLE, TITLE + "stages:\n  - {id: evaluating_alternatives, name: A, decision: true}\n"
                    "  - {id: b, name: B, decision: true}\n",
     ["tiny.yaml:6:22: stages[1].decision: only one stage can be the decision stage — "
      "remove 'decision: true' here or at line 5"]),
    (TITLE, TITLE + "stages:\n  - {id: evaluating_alternatives, name: A, actions: 2.5, focus: [decider, buyers]}\n",
     ["tiny.yaml:5:44: stages[0].actions: expected a whole number, got 2.5 — use a whole number from 1 to 20",
      "tiny.yaml:5:75: stages[0].focus[1]: 'buyers' is not a role — did you mean 'buyer'? "
      "Use one of: initiator, user, buyer, influencer, decider, gatekeeper"]),
    (TITLE, TITLE + "benefits:\n  - {id: cost_saving, name: Savings, kind: suport}\n"
                    "  - {id: exact_delivery_date, name: Dates, kind: [delivery, qualty]}\n",
     ["tiny.yaml:5:38: benefits[0].kind: 'suport' is not a benefit kind — did you mean 'support'? "
      "Use one of: price, cost, quality, technology, delivery, support, relationship, other",
      "tiny.yaml:6:61: benefits[1].kind[1]: 'qualty' is not a benefit kind — did you mean 'quality'? "
      "Use one of: price, cost, quality, technology, delivery, support, relationship, other"]),
    (TITLE, TITLE + "benefits:\n  - {id: cost_saving, name: Savings}\n",
     ["tiny.yaml:21:18: members[1].priorities.exact_delivery_date: unknown benefit 'exact_delivery_date' — "
      "benefits in this scenario (listed under 'benefits'): cost_saving",
      "tiny.yaml:24:36: vendor.capabilities.exact_delivery_date: unknown benefit 'exact_delivery_date' — "
      "benefits in this scenario (listed under 'benefits'): cost_saving"]),
    ("events:\n", "events:\n  - {id: cut, stage: situation_analysis, type: pilot_failure}\n",
     ["tiny.yaml:27:6: events[1].id: duplicate id 'cut' (first used at line 26) — give every event its own id"]),
    ("{exact_delivery_date: 2}", "{Exact Delivery: 2}",
     ["tiny.yaml:19:18: members[1].priorities[\"Exact Delivery\"]: 'Exact Delivery' is not a valid benefit id — "
      "did you mean 'exact_delivery_date'?"]),
    ("deal: {value: 1000}\n", "",
     ["tiny.yaml:1:1: missing required key 'deal' — add deal: {value: 100000, currency: USD}"]),
]


def test_base_is_valid():
    scenario, diagnostics = validate_text(BASE, "tiny.yaml")
    assert scenario is not None and diagnostics == []


@pytest.mark.parametrize("old,new,expected", CASES, ids=[c[1].strip()[:40] or c[0].strip()[:40] for c in CASES])
def test_message_and_position(old, new, expected):
    assert old in BASE
    scenario, diagnostics = validate_text(BASE.replace(old, new, 1), "tiny.yaml")
    assert scenario is None
    assert [str(d) for d in diagnostics] == expected


def test_all_errors_in_one_run_sorted_by_line():
    text = (BASE.replace("    influence: 0.9", "    influence: 1.5")
                .replace("gated_by: assistant", "gated_by: asistant")
                .replace("stage: evaluating_alternatives", "stage: evaluating")
                .replace("customer: {name: Acme}", "customer: Acme"))
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "tiny.yaml")
    lines = [d.line for d in caught.value.diagnostics]
    assert lines == [4, 11, 13, 26]
    assert str(caught.value).count("\n") == 3


@pytest.mark.parametrize("text", ["name: yes", "name: no", "name: on", "name: off", "name: 2024-05-01"])
def test_yes_no_on_off_and_dates_stay_text(text):
    scenario, _ = validate_text(BASE.replace("name: Ann", text), "tiny.yaml")
    assert scenario is not None
    assert scenario.members[0].name == text.split(": ", 1)[1]


def test_norway_language_code_stays_text():
    scenario, _ = validate_text(BASE.replace(TITLE, TITLE + "language: no\n"), "tiny.yaml")
    assert scenario is not None and scenario.language == "no"

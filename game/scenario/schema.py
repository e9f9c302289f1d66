"""The scenario JSON Schema (draft-07), generated from the pydantic models.

Editors such as VS Code (with the YAML extension) use it for completion and
inline checks through the modeline
``# yaml-language-server: $schema=../docs/scenario.schema.json``.
The schema checks the shape of a file; references between its parts (ids
that must exist, gatekeepers, deciders) are checked by ``b2bsim validate``.
"""
from __future__ import annotations

import json
from typing import Any

from game.scenario.model import Scenario

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def _fix_refs(node: Any) -> Any:
    """``$defs`` → ``definitions`` everywhere; draft-07 ignores siblings of
    ``$ref``, so a ``$ref`` with a default or description is wrapped in ``allOf``."""
    if isinstance(node, list):
        return [_fix_refs(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {("definitions" if k == "$defs" else k): _fix_refs(v) for k, v in node.items()}
    if isinstance(out.get("$ref"), str):
        out["$ref"] = out["$ref"].replace("#/$defs/", "#/definitions/")
        if len(out) > 1:
            ref = out.pop("$ref")
            out["allOf"] = [{"$ref": ref}]
    # The discriminator keyword is OpenAPI, not JSON Schema; keep the oneOf only.
    out.pop("discriminator", None)
    # Maps keyed by ids: a key that is not an id is an error, as in the loader.
    if "patternProperties" in out:
        out.setdefault("additionalProperties", False)
    return out


#: Help shown by editors on hover, per model and key.
DESCRIPTIONS = {
    "": {
        "format": "Always 1 for this version of the format.",
        "id": "Scenario id: lowercase letters, digits, '-' and '_'.",
        "title": "Title shown in the scenario picker.",
        "language": "Language code of the scenario's text, e.g. en, ko, ja.",
        "difficulty": "easy, normal or hard.",
        "variation": ("How much each game's customer varies around the file's priorities and stances: "
                      "none (exactly the file), low, normal or high."),
        "description": "Briefing text shown before the game.",
        "benefits": "What a vendor can offer. Leave out to use the ten standard benefits.",
        "stages": "The customer's decision stages in order. Leave out to use the eight standard stages.",
        "members": "The buying center: one entry per person (1 to 40).",
        "vendor": "The player's company.",
        "competitors": "Rival vendors.",
        "events": "Things that may happen at the start of a stage.",
        "scoring": "Relative weights of the score parts.",
        "champions": ("Who carries a vendor's case inside the account: listed (only members' influences "
                      "lists, the default) or roles (also the role and influence defaults)."),
        "potential": ("How much repeat business the account can bring after the sale: low, medium (default) "
                      "or high. Loyalty is worth more in the score the higher the potential."),
        "expects_proof": ("A proof every decider expects before the decision: reference, demo or pilot. Until "
                          "given (a pilot must succeed), each of them may hold out for doing nothing."),
    },
    "Benefit": {
        "kind": ("What the benefit means to the rules: price, cost, quality, technology, delivery, support, "
                 "relationship or other; one kind or a list. Default: the standard kind of a standard id, "
                 "else other."),
    },
    "Member": {
        "id": "Member id (snake_case), used by gated_by, events and competitor stances.",
        "roles": "Buying-center roles: initiator, user, buyer, influencer, decider, gatekeeper.",
        "influence": "Weight of this person in the group decision, 0 to 1.",
        "priorities": "Hidden weights per benefit id; only the ratios matter. At least one above 0.",
        "stance": "Initial attitude toward the player, -1 (against) to 1 (for).",
        "gated_by": "Id of a gatekeeper member who must be on side before this one can be reached.",
        "pin": "Values kept exactly as written in every game: priorities, stance and/or concern.",
        "concern": ("A hidden concern this member always carries, by what addresses it: reference, demo, pilot "
                    "or a benefit id. A follow-up question surfaces it."),
        "emphasis": ("Per stage id, this member's own shift: benefit kind or id -> factor (0 to 10), "
                     "over the stage's emphasis."),
        "influences": ("Member ids this person speaks to as a champion when they back a vendor strongly; "
                       "[] = nobody. Without a list, and with the scenario's champions: roles, members with "
                       "influence 0.5 or more speak to those sharing a role, and such a decider to everyone less "
                       "influential."),
        "expects_proof": ("A proof this person expects before the decision: reference, demo or pilot. Until "
                          "given (a pilot must succeed), they may hold out for doing nothing."),
    },
    "Stage": {
        "actions": "Action points the player has in this stage (1 to 20).",
        "focus": "Roles most active in this stage.",
        "decision": "true on the stage where the customer decides (at most one).",
        "emphasis": ("What matters more (factor above 1) or less in this stage: benefit kind or id -> factor "
                     "(0 to 10). Leave out for the standard stage's default; {} for no shift."),
    },
    "Vendor": {"capabilities": "How credible the vendor is per benefit id, 0 to 1."},
    "Competitor": {
        "style": "price, technology, relationship or balanced.",
        "capabilities": "How strong the rival is per benefit id, 0 to 1.",
        "stance": "Members' initial stance toward this rival, per member id, -1 to 1.",
    },
}


def _describe(schema: dict) -> None:
    for name, fields in DESCRIPTIONS.items():
        target = schema if not name else schema.get("definitions", {}).get(name, {})
        props = target.get("properties", {})
        for key, text in fields.items():
            if key in props:
                props[key]["description"] = text


def scenario_schema() -> dict:
    """The draft-07 JSON Schema of a scenario file, as a dict."""
    raw = Scenario.model_json_schema(ref_template="#/$defs/{model}")
    schema = _fix_refs(raw)
    _describe(schema)
    head = {
        "$schema": DRAFT_07,
        "title": "b2bsim scenario",
        "description": ("A B2B sales scenario for b2bsim (format 1). See docs/scenario-format.md; "
                        "run 'b2bsim validate FILE' for the checks between parts."),
    }
    schema.pop("title", None)
    schema.pop("description", None)
    return {**head, **schema}


def schema_text() -> str:
    """The schema as the text ``b2bsim schema`` prints (and docs/ holds)."""
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"

"""Turn pydantic's validation errors into messages an instructor can act on.

Each error becomes one :class:`Diagnostic` at the position of the offending
key in the file, with a hint and, for misspellings, a did-you-mean.
"""
from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError

from game.scenario import model as m
from game.scenario.diagnostics import DataPath, did_you_mean, format_path, short_repr, suggestion
from game.scenario.yaml_source import Source

_EVENT_MODELS: dict[str, type[BaseModel]] = {
    "member_leaves": m.MemberLeaves, "budget_cut": m.BudgetCut, "rival_discount": m.RivalDiscount,
    "member_turns_blocker": m.MemberTurnsBlocker, "pilot_failure": m.PilotFailure,
}
_LIST_MODELS = {"benefits": m.Benefit, "stages": m.Stage, "members": m.Member, "competitors": m.Competitor}
_MAP_MODELS = {"customer": m.Customer, "deal": m.Deal, "vendor": m.Vendor, "scoring": m.ScoringWeights}

#: What to write for a missing key (shown after "add").
EXAMPLES = {
    "format": "format: 1", "id": "id: a_short_id (lowercase, digits and _)", "title": "title: …",
    "name": "name: …", "customer": "customer: {name: …}",
    "deal": "deal: {value: 100000, currency: USD}", "value": "value: 100000 (the deal's size)",
    "members": "members: with one entry per person (see 'b2bsim new')",
    "vendor": "vendor: {name: …, capabilities: {cost_saving: 0.7}}",
    "roles": "roles: [decider] (initiator, user, buyer, influencer, decider, gatekeeper)",
    "influence": "influence: 0.5 (a number from 0 to 1)",
    "priorities": "priorities: {cost_saving: 3} (how much this person cares about each benefit)",
    "capabilities": "capabilities: {cost_saving: 0.7} (0 to 1 per benefit)",
    "stage": "stage: <the id of a stage>", "member": "member: <the id of a member>",
    "competitor": "competitor: <the id of a competitor>",
    "type": "type: member_leaves (or budget_cut, rival_discount, member_turns_blocker, pilot_failure)",
}
_ID_HELP = "ids use lowercase letters, digits and '_' and start with a letter"


def model_for(path: DataPath, data: Any) -> type[BaseModel] | None:
    """The model class that describes the mapping at ``path``, if any."""
    if not path:
        return m.Scenario
    head = path[0]
    if len(path) == 1 and head in _MAP_MODELS:
        return _MAP_MODELS[head]
    if len(path) == 2 and head in _LIST_MODELS and isinstance(path[1], int):
        return _LIST_MODELS[head]
    if head == "events" and len(path) >= 2 and isinstance(path[1], int):
        if len(path) == 3 and path[2] == "successor":
            return m.Member
        if len(path) == 2:
            event = _get(data, path)
            kind = event.get("type") if isinstance(event, dict) else None
            return _EVENT_MODELS.get(kind) if isinstance(kind, str) else None
    return None


def _get(data: Any, path: DataPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _clean_loc(loc: tuple) -> tuple[DataPath, bool]:
    """Drop pydantic's discriminator tags from ``loc``; report '[key]' errors."""
    parts = list(loc)
    is_key = bool(parts) and parts[-1] == "[key]"
    if is_key:
        parts.pop()
    if len(parts) >= 3 and parts[0] == "events" and parts[2] in _EVENT_MODELS:
        del parts[2]
    return tuple(parts), is_key


def range_hint(path: DataPath) -> str:
    last = path[-1] if path else ""
    parent = path[-2] if len(path) >= 2 else ""
    if parent == "capabilities" or last in ("influence", "probability", "severity"):
        return "use a number from 0 to 1"
    if last == "stance" or parent == "stance":
        return "use a number from -1 (against) to 1 (for)"
    if parent in ("priorities", "scoring"):
        return "use a weight from 0 to 1000 (only the ratios between weights matter)"
    if last == "actions":
        return "use a whole number from 1 to 20"
    if last == "value":
        return "use a positive number"
    return ""


def _suggest_id(text: Any, dashes: bool = False) -> str:
    slug = re.sub(r"[^a-z0-9_-]+" if dashes else r"[^a-z0-9_]+", "_", str(text).strip().lower()).strip("_")
    if not slug or not slug[0].isalpha():
        return ""
    return slug[:64]


def _key_kind(path: DataPath) -> str:
    parent = path[-1] if path else ""
    return {"priorities": "benefit id", "capabilities": "benefit id", "stance": "member id"}.get(parent, "key")


def _known_ids(data: Any, what: str) -> list[str]:
    """Benefit or member ids declared in ``data`` (standard benefits by default)."""
    if not isinstance(data, dict):
        return []
    if what == "benefit id":
        items = data.get("benefits")
        if items is None:
            return [b.id for b in m.DEFAULT_BENEFITS]
    elif what == "member id":
        items = data.get("members")
    else:
        return []
    if not isinstance(items, (tuple, list)):
        return []
    return [i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)]


def _number_hint(value: Any, path: DataPath) -> str:
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"[-+]?[0-9][0-9,_ ]*(\.[0-9]+)?", text):
            plain = re.sub(r"[,_ ]", "", text)
            if len(plain) > 18:
                return "this number is far too large; check for a typo"
            return f"write numbers without separators, e.g. {plain}"
        if text.endswith("%"):
            return "write a fraction instead of a percentage, e.g. 0.3 for 30%"
    return range_hint(path) or "write a number such as 0.5"


def explain(err: dict, data: Any) -> tuple[DataPath, str, str, bool]:
    """``(path, message, hint, point_at_value)`` for one pydantic error."""
    path, is_key = _clean_loc(err["loc"])
    kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    last = path[-1] if path else ""
    if is_key:
        what = _key_kind(path[:-1])
        guess = did_you_mean(value, _known_ids(data, what))
        fix = _suggest_id(value)
        hint = f"did you mean '{guess}'?" if guess else _ID_HELP + (f", e.g. '{fix}'" if fix else "")
        return path, f"{short_repr(value)} is not a valid {what}", hint, False
    if kind == "missing":
        return path, f"missing required key '{last}'", f"add {EXAMPLES.get(last, last + ': …')}", False
    if kind == "extra_forbidden":
        parent = model_for(path[:-1], data)
        allowed = list(parent.model_fields) if parent else []
        guess = did_you_mean(last, allowed)
        hint = suggestion(guess, "keys allowed here: " + ", ".join(allowed) if allowed else "remove it")
        return path, f"unknown key '{last}'", hint, False
    if kind == "literal_error":
        expected = re.findall(r"'([^']*)'", ctx.get("expected", "")) or [ctx.get("expected", "")]
        if last == "format":
            return path, f"format {short_repr(value)} is not supported", "write 'format: 1'", False
        noun = {"roles": "role", "focus": "role", "difficulty": "difficulty", "style": "style",
                "kind": "benefit kind", "variation": "variation", "pin": "pinnable value"}
        name = noun.get(path[-2] if isinstance(last, int) and len(path) >= 2 else last, "allowed value")
        if isinstance(last, int) and isinstance(_get(data, path[:-1]), str):
            path = path[:-1]  # a single value read as a one-item list (kind: support)
        guess = did_you_mean(value, expected)
        hint = suggestion(guess, "use one of: " + ", ".join(expected))
        article = "an" if name[:1] in "aeiou" else "a"
        return path, f"{short_repr(value)} is not {article} {name}", hint, False
    if kind == "union_tag_invalid":
        tags = list(_EVENT_MODELS)
        guess = did_you_mean(ctx.get("tag"), tags)
        hint = suggestion(guess, "event types: " + ", ".join(tags))
        return path + ("type",), f"unknown event type {short_repr(ctx.get('tag'))}", hint, False
    if kind == "union_tag_not_found":
        return path, "this event has no 'type'", "add " + EXAMPLES["type"], False
    if kind == "string_type":
        if value is None:
            return path, "the value is empty", "write the value after the colon, or remove the key", False
        if isinstance(value, bool):
            return (path, f"{short_repr(value)} is read as a yes/no value, not as text",
                    f"put it in quotes: \"{short_repr(value)}\"", False)
        if isinstance(value, (int, float)):
            return path, f"expected an id (text), got the number {value}", _ID_HELP, False
        return path, f"expected text, got {short_repr(value)}", "write a single value here", False
    if kind in ("string_too_short",):
        return path, "must not be empty", "write some text, or remove the key if it is optional", False
    if kind == "string_too_long":
        return path, f"is longer than {ctx.get('max_length')} characters", "use a shorter id", False
    if kind == "string_pattern_mismatch":
        if last == "language":
            return path, f"{short_repr(value)} is not a language code", "use a code such as en, ko or ja", False
        dashes = last == "id" and len(path) == 1
        fix = _suggest_id(value, dashes)
        help_ = ("scenario ids use lowercase letters, digits, '-' and '_'" if dashes else _ID_HELP)
        return path, f"{short_repr(value)} is not a valid id", help_ + (f", e.g. '{fix}'" if fix else ""), False
    if kind in ("float_type", "float_parsing", "int_type", "int_parsing", "int_from_float", "finite_number"):
        whole = kind.startswith("int")
        noun = "a whole number" if whole else "a number"
        if kind == "finite_number":
            return path, f"{short_repr(value)} is not a finite number", range_hint(path) or "write a number", False
        if isinstance(value, int) and not isinstance(value, bool):
            return path, f"the number {short_repr(value)} is far too large", "check for a typo", False
        return path, f"expected {noun}, got {short_repr(value)}", _number_hint(value, path), False
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        hint = range_hint(path) or err["msg"].replace("Input should be", "use a number")
        return path, f"{short_repr(value)} is out of range", hint, False
    if kind == "bool_type":
        return (path, f"expected true or false, got {short_repr(value)}",
                "write true or false (yes/no/on/off are read as text)", False)
    if kind in ("tuple_type", "list_type"):
        if isinstance(value, str):
            hint = f"write it as a list: [{value}]"
        else:
            hint = "write a list like [a, b], or one '- item' per line"
        return path, f"expected a list, got {short_repr(value)}", hint, False
    if kind in ("dict_type", "model_type", "model_attributes_type", "dataclass_type"):
        example = EXAMPLES.get(last)
        hint = f"write {example}" if example and ":" in example else "write 'key: value' pairs indented below it"
        return path, f"expected a mapping of keys, got {short_repr(value)}", hint, False
    if kind == "too_short":
        hints = {"members": "add the people of the buying center",
                 "roles": "give at least one role, e.g. roles: [user]",
                 "benefits": "list at least one, or remove the key to use the ten standard benefits",
                 "stages": "list at least one, or remove the key to use the eight standard stages"}
        return path, "needs at least one entry", hints.get(last, "add an entry or remove the key"), False
    if kind == "too_long":
        return (path, f"has {ctx.get('actual_length')} entries; at most {ctx.get('max_length')} are allowed",
                "split the buying center or drop minor members", False)
    return path, err["msg"], "", False


def pydantic_diagnostics(exc: ValidationError, source: Source) -> None:
    """Add one diagnostic per (merged) pydantic error to ``source``."""
    errors = exc.errors(include_url=False)
    paths = [_clean_loc(e["loc"])[0] for e in errors]
    missing: dict[DataPath, list[str]] = {}
    for err, path in zip(errors, paths):
        if err["type"] == "too_short" and any(p[: len(path)] == path and p != path for p in paths):
            continue  # an artefact of items that failed themselves
        if tuple(path) in source.reported:
            continue  # the YAML reader already said what is wrong here
        if err["type"] == "missing" and path:
            missing.setdefault(path[:-1], []).append(path[-1])
            continue
        path, message, hint, at_value = explain(err, source.data)
        source.add(path, message, hint, value=at_value)
    for parent, keys in missing.items():
        if len(keys) == 1:
            source.add(parent + (keys[0],), f"missing required key '{keys[0]}'",
                       f"add {EXAMPLES.get(keys[0], keys[0] + ': …')}", shown_path=format_path(parent))
        else:
            source.add(parent, "missing required keys " + ", ".join(f"'{k}'" for k in keys),
                       "add them; 'b2bsim new' prints an example of every key",
                       shown_path=format_path(parent))

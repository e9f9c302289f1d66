"""Warnings about scenarios that are valid but probably not what the author
meant.  They never make validation fail."""
from __future__ import annotations

from game.scenario.diagnostics import Diagnostic
from game.scenario.glyphs import describe, undrawable, why
from game.scenario.kind_words import kind_warnings
from game.scenario.model import Member, Scenario
from game.scenario.yaml_source import Source

#: Below this capability the vendor "has nothing" for a benefit.
WEAK = 0.25
#: At most this many "cannot be drawn" warnings per file, then one summary.
MAX_GLYPH_WARNINGS = 20


def _people(scenario: Scenario) -> list[tuple[tuple, Member]]:
    found = [(("members", i), m) for i, m in enumerate(scenario.members)]
    for i, event in enumerate(scenario.events):
        successor = getattr(event, "successor", None)
        if successor is not None:
            found.append((("events", i, "successor"), successor))
    return found


def pilot_warnings(scenario: Scenario, people, data: dict) -> list[tuple[tuple, str, str]]:
    """An expected pilot (``expects_proof: pilot``) that no stage before the decision can hold: a pilot costs
    3 points and runs only in a test stage (developing_options, evaluating_alternatives, else the one or two
    stages before the decision), so the expectation could never be met."""
    from game.engine.tables import PILOT_STAGES
    from game.engine.types import ACTION_COSTS
    d = scenario.decision_index
    test = [i for i, st in enumerate(scenario.stages[: d + 1]) if st.id in PILOT_STAGES] or \
        list(range(max(0, d - 2), d))
    if any(scenario.stages[i].actions >= ACTION_COSTS["pilot"] for i in test):
        return []
    why_not = (f"no test stage before the decision has the {ACTION_COSTS['pilot']} action points a pilot "
               "costs, so the expected pilot can never be run")
    hint = "give a test stage (developing_options or evaluating_alternatives) more actions, or expect another proof"
    out = [(path + ("expects_proof",), f"'{m.id}' expects a pilot, but " + why_not, hint)
           for path, m in people if getattr(m, "expects_proof", None) == "pilot"]
    if getattr(scenario, "expects_proof", None) == "pilot" and "expects_proof" in data:
        out.append((("expects_proof",), "every decider expects a pilot, but " + why_not, hint))
    return out


def lint(scenario: Scenario, source: Source) -> list[Diagnostic]:
    """Warnings for ``scenario``, positioned with ``source``."""
    out = Source(source.filename, source.data, source.positions)

    def warn(path: tuple, message: str, hint: str) -> None:
        out.add(path, message, hint, severity="warning")

    people = _people(scenario)
    data = source.data if isinstance(source.data, dict) else {}

    if "benefits" in data:
        wanted = {b for _, m in people for b, w in m.priorities.items() if w > 0}
        for i, benefit in enumerate(scenario.benefits):
            if benefit.id not in wanted:
                warn(("benefits", i, "id"), f"no member cares about '{benefit.id}'",
                     "give it a weight in someone's priorities, or remove it")
        for path, message, hint in kind_warnings(scenario.benefits, data["benefits"]):
            warn(path, message, hint)

    caps = scenario.vendor.capabilities
    for path, member in people:
        if "decider" not in member.roles:
            continue
        cared = [b for b, w in member.priorities.items() if w > 0]
        if cared and max(caps.get(b, 0.0) for b in cared) < WEAK:
            warn(path + ("priorities",),
                 f"the vendor has nothing for decider '{member.id}' (every capability on what they "
                 f"care about is below {WEAK})",
                 "raise a vendor capability on one of: " + ", ".join(cared))

    for path, message, hint in pilot_warnings(scenario, people, data):
        warn(path, message, hint)

    by_id = {m.id: m for _, m in people}
    for path, member in people:
        seen = [member.id]
        gate = member.gated_by
        while gate is not None and gate in by_id and gate not in seen:
            seen.append(gate)
            gate = by_id[gate].gated_by
        if gate is not None and gate in seen:
            warn(path + ("gated_by",), f"no one can reach '{member.id}': the gatekeepers "
                 + " → ".join(seen + [gate]) + " guard each other",
                 "remove gated_by from one of them")

    focused = {r for s in scenario.stages for r in s.focus}
    if focused:
        for path, member in people:
            if not focused.intersection(member.roles):
                warn(path + ("roles",), f"'{member.id}' is never in focus: no stage lists "
                     + " or ".join(member.roles) + " in its focus",
                     "add one of these roles to some stage's focus, or change the member's roles")

    for i, event in enumerate(scenario.events):
        if event.probability == 0:
            warn(("events", i, "probability"), f"event '{event.id}' never happens (probability 0)",
                 "raise the probability or remove the event")
    _warn_emphasis(scenario, people, warn)
    _warn_undrawable(source.data, out)
    return out.diagnostics


def _felt(scenario: Scenario, people, key: str) -> bool:
    """Does anyone care about a benefit that a shift key (a benefit id or kind) names?"""
    named = [b.id for b in scenario.benefits if b.id == key or key in b.kinds]
    return any(m.priorities.get(b, 0) > 0 for _, m in people for b in named)


def _warn_emphasis(scenario: Scenario, people, warn) -> None:
    """A stage shift nobody can feel, and shifts after the decision (the vote is over: they change nothing)."""
    d = scenario.decision_index
    ids = scenario.stage_ids
    places = [(("stages", i, "emphasis"), ids[i], stage.emphasis or {}) for i, stage in enumerate(scenario.stages)]
    places += [(path + ("emphasis", sid), sid, shift) for path, m in people for sid, shift in m.emphasis.items()]
    for path, sid, shift in places:
        if sid in ids and ids.index(sid) > d and shift:
            warn(path, f"a shift in stage '{sid}' changes nothing: it comes after the decision",
                 "move it to a stage up to the decision, or remove it")
            continue
        for key, factor in shift.items():
            if factor != 1 and not _felt(scenario, people, key):
                warn(path + (key,), f"no member can feel this shift: nobody cares about any benefit '{key}' names",
                     "give someone a priority on such a benefit, or remove the key")


def _texts(node, path: tuple = ()):
    """``(path, text, is_key)`` for every key and text value in ``node``."""
    if isinstance(node, str):
        yield path, node, False
    elif isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str):
                yield path + (key,), key, True
            yield from _texts(value, path + (key,))
    elif isinstance(node, (list, tuple)):
        for i, value in enumerate(node):
            yield from _texts(value, path + (i,))


def _warn_undrawable(data, out: Source) -> None:
    """Warn at each text holding characters no bundled font can draw."""
    shown = hidden = 0
    for path, text, is_key in _texts(data):
        chars = undrawable(text)
        if not chars:
            continue
        if shown == MAX_GLYPH_WARNINGS:
            hidden += 1
            continue
        shown += 1
        named = ", ".join(describe(c) for c in chars[:3])
        more = f" and {len(chars) - 3} more" if len(chars) > 3 else ""
        start = max(0, text.find(chars[0]) - 10)
        excerpt = ("…" if start else "") + text[start:start + 30] + ("…" if len(text) > start + 30 else "")
        out.add(path, f"'{excerpt}' has characters no font can draw, shown as empty boxes: {named}{more}",
                why(chars), value=not is_key, severity="warning")
    if hidden:
        out.add((), f"{hidden} more texts have characters no font can draw", "see the warnings above",
                severity="warning")

"""Checks *between* parts of a scenario: ids that must exist, gatekeepers,
deciders, weights.

They read the raw data defensively (any part may have the wrong shape), so
they run even when the model rejected something else, and every mistake in
a file is reported in one run.
"""
from __future__ import annotations

from typing import Any, Iterator

from game.scenario.diagnostics import DataPath, did_you_mean, listing, suggestion
from game.scenario.model import BENEFIT_KINDS, CONCERN_CURES, DEFAULT_BENEFITS, DEFAULT_STAGES
from game.scenario.yaml_source import Source

BENEFITS_HINT = "Benefits are listed under 'benefits' (or the ten standard ones)"


def _items(data: Any, key: str) -> Iterator[tuple[DataPath, dict]]:
    """``(path, mapping)`` for each mapping in the list ``data[key]``."""
    value = data.get(key) if isinstance(data, dict) else None
    if isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            if isinstance(item, dict):
                yield (key, i), item


def _ids(data: dict, key: str, default: tuple[str, ...]) -> list[str] | None:
    """Ids declared in ``data[key]``; the defaults when the key is absent;
    None when the list has the wrong shape (checks against it are skipped)."""
    if key not in data or data[key] is None:
        return list(default)
    if not isinstance(data[key], (tuple, list)):
        return None
    return [item["id"] for _, item in _items(data, key) if isinstance(item.get("id"), str)]


class _Checker:
    def __init__(self, source: Source):
        self.source = source
        self.data: dict = source.data

    def error(self, path: DataPath, message: str, hint: str = "") -> None:
        if tuple(path) not in self.source.reported:
            self.source.add(path, message, hint)

    def unknown(self, path: DataPath, value: Any, known: list[str] | None, noun: str, tail: str = "") -> None:
        """Report ``value`` at ``path`` unless it is one of ``known``."""
        if known is None or not isinstance(value, str) or value in known:
            return
        guess = did_you_mean(value, known)
        if guess:
            hint = suggestion(guess, tail)
        elif noun == "benefit":
            where = "listed under 'benefits'" if "benefits" in self.data else "the ten standard ones"
            hint = f"benefits in this scenario ({where}): {listing(known)}"
        elif known:
            hint = tail or f"{noun}s here: {listing(known)}"
        else:
            hint = tail or f"there are no {noun}s to refer to"
        self.error(path, f"unknown {noun} '{value}'" if noun != "member" else f"'{value}' is not a member", hint)

    # ------------------------------------------------------------ the checks
    def run(self) -> None:
        data = self.data
        self.benefits = _ids(data, "benefits", tuple(b.id for b in DEFAULT_BENEFITS))
        self.stages = _ids(data, "stages", tuple(s.id for s in DEFAULT_STAGES))
        self.people = list(_items(data, "members"))
        successors = [(p + ("successor",), e["successor"]) for p, e in _items(data, "events")
                      if isinstance(e.get("successor"), dict)]
        self.everyone = self.people + successors
        self.member_ids = ([m["id"] for _, m in self.everyone if isinstance(m.get("id"), str)]
                           if isinstance(data.get("members"), (tuple, list)) else None)
        competitor_ids = _ids(data, "competitors", ())
        self.duplicates()
        self.decision_stages()
        for path, member in self.everyone:
            self.priorities(path, member)
            self.gatekeeper(path, member)
            self.influences(path, member)
            cure = member.get("concern")
            if isinstance(cure, str):
                self.unknown(path + ("concern",), cure, list(CONCERN_CURES) + list(self.benefits or ()),
                             "cure", "name reference, demo, pilot or a benefit id")
            shifts = member.get("emphasis")
            if isinstance(shifts, dict):
                for stage, shift in shifts.items():
                    self.unknown(path + ("emphasis", stage), stage, self.stages, "stage")
                    self.emphasis(path + ("emphasis", stage), shift)
        for path, stage in _items(data, "stages"):
            self.emphasis(path + ("emphasis",), stage.get("emphasis"))
        self.deciders()
        vendor = data.get("vendor")
        if isinstance(vendor, dict):
            self.benefit_keys(("vendor", "capabilities"), vendor.get("capabilities"))
        for path, rival in _items(data, "competitors"):
            self.benefit_keys(path + ("capabilities",), rival.get("capabilities"))
            stance = rival.get("stance")
            if isinstance(stance, dict):
                for key in stance:
                    self.unknown(path + ("stance", key), key, self.member_ids, "member")
        for path, event in _items(data, "events"):
            self.unknown(path + ("stage",), event.get("stage"), self.stages, "stage")
            if event.get("type") in ("member_leaves", "member_turns_blocker"):
                self.unknown(path + ("member",), event.get("member"), self.member_ids, "member")
            if event.get("type") == "rival_discount":
                self.unknown(path + ("competitor",), event.get("competitor"), competitor_ids, "competitor",
                             "" if competitor_ids else "add the rival under 'competitors' first")

    def duplicates(self) -> None:
        groups = [("benefits", list(_items(self.data, "benefits")), "benefit"),
                  ("stages", list(_items(self.data, "stages")), "stage"),
                  ("members", self.everyone, "member (successors included)"),
                  ("competitors", list(_items(self.data, "competitors")), "competitor"),
                  ("events", list(_items(self.data, "events")), "event")]
        for _, items, noun in groups:
            first: dict[str, DataPath] = {}
            for path, item in items:
                ident = item.get("id")
                if not isinstance(ident, str):
                    continue
                if ident in first:
                    line, _ = self.source.where(first[ident] + ("id",))
                    self.error(path + ("id",), f"duplicate id '{ident}' (first used at line {line})",
                               f"give every {noun} its own id")
                else:
                    first[ident] = path

    def decision_stages(self) -> None:
        marked = [p for p, s in _items(self.data, "stages") if s.get("decision") is True]
        for path in marked[1:]:
            line, _ = self.source.where(marked[0] + ("decision",))
            self.error(path + ("decision",), "only one stage can be the decision stage",
                       f"remove 'decision: true' here or at line {line}")

    def priorities(self, path: DataPath, member: dict) -> None:
        weights = member.get("priorities")
        if not isinstance(weights, dict):
            return
        for key in weights:
            self.unknown(path + ("priorities", key), key, self.benefits, "benefit", BENEFITS_HINT)
        numbers = [v for v in weights.values() if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if len(numbers) == len(weights) and not any(v > 0 for v in numbers) and not any(v < 0 for v in numbers):
            what = "is empty" if not weights else "has no positive weight"
            self.error(path + ("priorities",), f"{what}: this person cares about nothing",
                       "give at least one benefit a weight above 0, e.g. {cost_saving: 3}")

    def gatekeeper(self, path: DataPath, member: dict) -> None:
        target = member.get("gated_by")
        if not isinstance(target, str) or self.member_ids is None:
            return
        where = path + ("gated_by",)
        if target == member.get("id"):
            self.error(where, "a member cannot be their own gatekeeper", "remove gated_by or name someone else")
            return
        if target not in self.member_ids:
            self.unknown(where, target, self.member_ids, "member")
            return
        gate = next((m for _, m in self.everyone if m.get("id") == target), {})
        roles = gate.get("roles")
        if isinstance(roles, (tuple, list)) and "gatekeeper" not in roles:
            keepers = [m["id"] for _, m in self.everyone
                       if isinstance(m.get("roles"), (tuple, list)) and "gatekeeper" in m["roles"]
                       and isinstance(m.get("id"), str)]
            other = f" or use a gatekeeper: {listing(keepers)}" if keepers else ""
            self.error(where, f"'{target}' does not have the role 'gatekeeper'",
                       f"add gatekeeper to {target}'s roles{other}")

    def influences(self, path: DataPath, member: dict) -> None:
        """Every id in a member's ``influences:`` names another member."""
        named = member.get("influences")
        if not isinstance(named, (tuple, list)) or self.member_ids is None:
            return
        for i, target in enumerate(named):
            where = path + ("influences", i)
            if target == member.get("id"):
                self.error(where, "a member cannot influence themselves", "remove this id from influences")
            else:
                self.unknown(where, target, self.member_ids, "member")

    def deciders(self) -> None:
        if not isinstance(self.data.get("members"), (tuple, list)) or not self.people:
            return
        if any(len(p) >= 3 and p[0] == "members" and p[2] == "roles" for p in self.source.reported):
            return  # a misspelt role is reported already; it may be the decider
        for _, member in self.people:
            roles = member.get("roles")
            if not isinstance(roles, (tuple, list)):
                return  # shape error reported by the model
            if "decider" in roles:
                return
        self.error(("members",), "no member has the role 'decider'",
                   "give the person with the final say `roles: [decider]`")

    def emphasis(self, path: DataPath, mapping: Any) -> None:
        """Keys of a stage shift: a benefit kind or a benefit id."""
        if not isinstance(mapping, dict) or self.benefits is None:
            return
        known = list(BENEFIT_KINDS) + [b for b in self.benefits if b not in BENEFIT_KINDS]
        for key in mapping:
            self.unknown(path + (key,), key, known, "benefit kind or benefit",
                         f"name a kind ({listing(list(BENEFIT_KINDS))}) or a benefit id")

    def benefit_keys(self, path: DataPath, mapping: Any) -> None:
        if isinstance(mapping, dict):
            for key in mapping:
                self.unknown(path + (key,), key, self.benefits, "benefit", BENEFITS_HINT)


def check_references(source: Source) -> None:
    """Add a diagnostic to ``source`` for every broken reference in it."""
    if isinstance(source.data, dict):
        _Checker(source).run()

"""Message catalogs (``game/i18n/<lang>.json``): flat key -> text with
``{param}`` placeholders.  English is the fallback for a missing key.

The engine hands out ``Message(key, params)`` objects; :func:`Catalog.message`
translates them, turning ids in the params (members, benefits, rivals,
stages, action kinds, rungs ...) into the names a player reads.
"""
from __future__ import annotations

import json
import string
from functools import lru_cache
from game import I18N_DIR
from game.engine.types import LOYALTY_RUNGS

CATALOG_DIR = I18N_DIR
LANGUAGES = ("en", "ko")

# what each engine message parameter holds, by name (see game/engine/messages.py)
MEMBER_PARAMS = {"member", "successor", "gatekeeper", "blocker"}
PERCENT_PARAMS = {"share", "severity"}
SIGNED_PARAMS = {"before", "after", "stance", "threshold"}


@lru_cache(maxsize=None)
def load_catalog(lang: str) -> dict[str, str]:
    path = CATALOG_DIR / f"{lang}.json"
    with path.open(encoding="utf-8") as fh:
        data = json.load(fh)
    return {str(k): str(v) for k, v in data.items()}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class _Params(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Names:
    """Display names for the ids of one scenario (authored text, shown as is)."""

    def __init__(self, scenario=None):
        self.members: dict[str, str] = {}
        self.titles: dict[str, str] = {}
        self.benefits: dict[str, str] = {}
        self.rivals: dict[str, str] = {}
        self.stages: dict[str, str] = {}
        self.events: dict[str, str] = {}
        if scenario is None:
            return
        for m in scenario.members:
            self.members[m.id] = m.name
            self.titles[m.id] = m.title
        for e in scenario.events:
            succ = getattr(e, "successor", None)
            if succ is not None:
                self.members[succ.id] = succ.name
                self.titles[succ.id] = succ.title
        self.benefits = {b.id: b.name for b in scenario.benefits}
        self.rivals = {c.id: c.name for c in scenario.competitors}
        self.stages = {s.id: s.name for s in scenario.stages}
        self.events = {e.id: e.description.strip() for e in scenario.events}

    def member(self, mid: str | None) -> str:
        return self.members.get(mid or "", mid or "")

    def benefit(self, bid: str | None) -> str:
        return self.benefits.get(bid or "", bid or "")

    def rival(self, rid: str | None) -> str:
        return self.rivals.get(rid or "", rid or "")


class Catalog:
    def __init__(self, lang: str = "en"):
        self.lang = lang if lang in LANGUAGES else "en"
        self.strings = load_catalog(self.lang)
        self.fallback = load_catalog("en")

    def has(self, key: str) -> bool:
        return key in self.strings or key in self.fallback

    def t(self, key: str, **params) -> str:
        text = self.strings.get(key)
        if text is None:
            text = self.fallback.get(key)
        if text is None:
            return key
        if not params:
            return text
        return text.format_map(_Params(params))

    # ------------------------------------------------------------ engine messages
    def value(self, name: str, value: object, names: Names) -> str:
        """One engine message parameter as text the player reads."""
        if value is None:
            return "-"
        if name in MEMBER_PARAMS:
            return names.member(str(value))
        if name == "benefit":
            return names.benefit(str(value))
        if name == "rival":
            return names.rival(str(value))
        if name == "kind":
            return self.t(f"action.{value}") if self.has(f"action.{value}") else str(value)
        if name == "stage":
            return names.stages.get(str(value), str(value))
        if name == "event":
            return names.events.get(str(value), "")
        if name == "rung":
            rung = LOYALTY_RUNGS[value] if isinstance(value, int) and 0 <= value < len(LOYALTY_RUNGS) else value
            return self.t(f"rung.{rung}")
        if name == "account_type":
            return self.t(f"account.{value}")
        if name in PERCENT_PARAMS and isinstance(value, (int, float)):
            return f"{value * 100:.0f}%"
        if name in SIGNED_PARAMS and isinstance(value, (int, float)):
            return f"{value:+.2f}"
        if isinstance(value, float):
            return f"{value:.2f}"
        return str(value)

    def message(self, msg, names: Names) -> str:
        params = {k: self.value(k, v, names) for k, v in msg.params}
        return " ".join(self.t(msg.key, **params).split())

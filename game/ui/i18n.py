"""Message catalogs (``game/i18n/<lang>.json``): flat key -> text with
``{param}`` placeholders.  English is the fallback for a missing key.

The engine hands out ``Message(key, params)`` objects; :func:`Catalog.message`
translates them, turning ids in the params (members, benefits, rivals,
stages, action kinds, rungs ...) into the names a player reads.
"""
from __future__ import annotations

import json
import re
import string
from functools import lru_cache
from game import I18N_DIR
from game.engine.types import LOYALTY_RUNGS

CATALOG_DIR = I18N_DIR
LANGUAGES = ("en", "ko", "ja")

# what each engine message parameter holds, by name (see game/engine/messages.py)
MEMBER_PARAMS = {"member", "successor", "gatekeeper", "blocker", "champion"}
PERCENT_PARAMS = {"share", "severity", "needed"}
SIGNED_PARAMS = {"before", "after", "stance", "threshold"}


@lru_cache(maxsize=None)
def load_catalog(lang: str) -> dict[str, str]:
    path = CATALOG_DIR / f"{lang}.json"
    with path.open(encoding="utf-8") as fh:
        data = json.load(fh)
    return {str(k): str(v) for k, v in data.items()}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# Korean particles written in both forms after a placeholder ("{customer}이(가)"):
# the form is chosen from the last sound of the name actually put there.
PARTICLES = {"이(가)": ("이", "가"), "은(는)": ("은", "는"), "을(를)": ("을", "를"),
             "과(와)": ("과", "와"), "와(과)": ("과", "와"), "(으)로": ("으로", "로"), "아(야)": ("아", "야")}
_PARTICLE_RE = re.compile("(" + "|".join(re.escape(p) for p in PARTICLES) + ")")
_CLOSERS = set(")]}\"'’”」』》〉）")
#: how digits are read in Korean: 영 일 이 삼 사 오 육 칠 팔 구 (final consonant, and whether it is ㄹ)
_DIGIT_FINAL = {"0": (True, False), "1": (True, True), "2": (False, False), "3": (True, False),
                "4": (False, False), "5": (False, False), "6": (True, False), "7": (True, True),
                "8": (True, True), "9": (False, False)}


def final_consonant(word: str) -> tuple[bool, bool] | None:
    """(has a final consonant, that consonant is ㄹ) for the last sound of ``word``;
    None when it cannot be told (e.g. a name in kanji)."""
    text = word.rstrip()
    while text and text[-1] in _CLOSERS:
        text = text[:-1].rstrip()
    if not text:
        return None
    ch = text[-1]
    if "가" <= ch <= "힣":
        final = (ord(ch) - 0xAC00) % 28
        return final != 0, final == 8
    if ch in _DIGIT_FINAL:
        return _DIGIT_FINAL[ch]
    if ch.isascii() and ch.isalpha():     # a Latin name: read as it is usually said in Korean
        low = text.lower()
        if low.endswith(("ng", "m", "n", "k")):   # Facebook -> 페이스북, Slack -> 슬랙
            return True, False
        if low.endswith(("l", "le")):  # Google -> 구글
            return True, True
        return False, False            # Microsoft -> 마이크로소프트, Vectorlake -> 벡터레이크
    return None


def korean_particles(text: str) -> str:
    """Replace every "이(가)"-style pair in ``text`` with the form the word before it takes."""
    out, last = [], 0
    for match in _PARTICLE_RE.finditer(text):
        before = text[last:match.start()]
        out.append(before)
        known = final_consonant("".join(out))
        pair = match.group(1)
        if known is None:
            out.append(pair)
        else:
            final, rieul = known
            with_final, without = PARTICLES[pair]
            if pair == "(으)로":
                out.append("로" if (not final or rieul) else "으로")
            else:
                out.append(with_final if final else without)
        last = match.end()
    out.append(text[last:])
    return "".join(out)


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
        if params.get("n") == 1 and f"{key}.one" in self.strings:
            key = f"{key}.one"           # "in 1 round", not "in 1 rounds"
        text = self.strings.get(key)
        if text is None:
            text = self.fallback.get(key)
        if text is None:
            return key
        if params:
            text = text.format_map(_Params(params))
        return korean_particles(text) if self.lang == "ko" else text

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

"""Lint for benefit kinds: a benefit's name and its kind should agree.

What a benefit means to the rules is its ``kind`` (or the default kind of a
standard id), never its name.  An author who renames ``nearby_factory`` to
"In-country data centre" keeps the *delivery* meaning without noticing; a
custom ``korean_support`` without a kind means nothing to the rules.  These
warnings point at both, from a small table of words per kind in English,
Korean and Japanese.  They are hints: a name may fairly contain a word of
another kind ("Cost of delays" can be a delivery benefit), so they never fail
validation.
"""
from __future__ import annotations

import re
from typing import Any, Iterator

from game.scenario.model import BENEFIT_KINDS, STANDARD_KINDS, Benefit

#: (label, kinds that fit the words, words in en, ko and ja).  English words
#: match at the start of a word (``deliver`` finds "deliveries"); Korean and
#: Japanese words match anywhere in the name.
NAME_WORDS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("price or cost", ("price", "cost"),
     ("price", "pricing", "cost", "discount", "cheap", "budget", "saving", "tco",
      "가격", "비용", "원가", "단가", "할인", "절감", "예산",
      "価格", "コスト", "費用", "値段", "割引", "原価", "料金", "予算")),
    ("support", ("support",),
     ("support", "helpdesk", "help desk", "hotline", "service desk", "24/7", "24x7", "around the clock",
      "지원", "고객센터", "상담", "24시간",
      "サポート", "窓口", "24時間", "アフターサービス")),
    ("delivery", ("delivery",),
     ("deliver", "lead time", "shipping", "shipment", "logistic", "on-time", "on time",
      "납기", "납품", "배송", "물류", "리드타임",
      "納期", "納品", "納入", "配送", "物流", "リードタイム")),
    ("quality", ("quality",),
     ("quality", "defect",
      "품질", "불량",
      "品質", "不良")),
    ("technology", ("technology",),
     ("technolog", "tech", "technical", "digital", "software", "innovat", "cloud", "data cent",
      "기술", "디지털", "소프트웨어", "클라우드", "데이터 센터", "데이터센터",
      "技術", "デジタル", "ソフトウェア", "クラウド", "データセンター")),
    ("relationship", ("relationship",),
     ("relationship", "partner", "trust", "liaison", "account manager",
      "관계", "신뢰", "파트너", "연락",
      "関係", "信頼", "パートナー")),
)


def _pattern(words: tuple[str, ...]) -> re.Pattern:
    parts = [(r"\b" if w[0].isascii() else "") + re.escape(w) for w in words]
    return re.compile("|".join(parts), re.IGNORECASE)


_PATTERNS = tuple((label, fits, _pattern(words)) for label, fits, words in NAME_WORDS)
_ALL_KINDS = ", ".join(BENEFIT_KINDS[:-1]) + " or " + BENEFIT_KINDS[-1]


def name_suggests(name: str) -> list[tuple[str, tuple[str, ...], str]]:
    """``(label, fitting kinds, the word found)`` for each kind the name sounds like."""
    found = []
    for label, fits, pattern in _PATTERNS:
        match = pattern.search(name)
        if match:
            found.append((label, fits, match.group(0)))
    return found


def _kind_text(kinds: tuple[str, ...]) -> str:
    return kinds[0] if len(kinds) == 1 else "[" + ", ".join(kinds) + "]"


def kind_warnings(benefits: tuple[Benefit, ...], raw: Any) -> Iterator[tuple[tuple, str, str]]:
    """``(path, message, hint)`` for benefits whose name and kind disagree, and
    for custom benefits without a kind.  ``raw`` is the file's ``benefits`` list."""
    items = raw if isinstance(raw, (list, tuple)) else ()
    for i, benefit in enumerate(benefits):
        item = items[i] if i < len(items) and isinstance(items[i], dict) else {}
        written = item.get("kind") is not None
        kinds = benefit.kinds
        misfits = [(label, fits, word) for label, fits, word in name_suggests(benefit.name)
                   if not set(fits) & set(kinds)]
        if not written and benefit.id not in STANDARD_KINDS:
            fit = next((f for _, f, _ in name_suggests(benefit.name)), None)
            hint = (f"add kind: {fit[0]} (its name sounds like it)" if fit
                    else f"add kind: {_ALL_KINDS} (docs/scenario-format.md, 'benefits')")
            yield (("benefits", i, "id"), f"benefit '{benefit.id}' has no kind, so no rule reads it (kind other)",
                   hint)
            continue
        if not misfits:
            continue
        label, fits, word = misfits[0]
        message = (f"benefit '{benefit.id}' is named '{benefit.name}', which sounds like {label} "
                   f"('{word}'), but its kind is {_kind_text(kinds)}")
        if written:
            hint = (f"if it is {label}, write kind: {_kind_text(tuple(dict.fromkeys(kinds + (fits[0],))))}; "
                    "otherwise choose a name that says what it is")
            yield ("benefits", i, "kind"), message, hint
        else:
            yield (("benefits", i, "name"), message + f" (the standard meaning of '{benefit.id}')",
                   f"if it is something else, give it its own id and kind: {fits[0]}; "
                   f"or write kind: {fits[0]} here")

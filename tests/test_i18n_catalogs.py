"""Message catalogs: complete in English and Korean, every engine message
key covered, every key the UI code asks for present."""
import json
import re
from pathlib import Path

import pytest

from game.engine.messages import MESSAGE_KEYS
from game.engine.types import ACCOUNT_TYPES, ACTION_KINDS, LOYALTY_RUNGS, OUTCOMES, SCORE_PARTS
from game.scenario.model import DIFFICULTIES, ROLES, STYLES
from game.ui.i18n import CATALOG_DIR, LANGUAGES, Catalog, Names, load_catalog, placeholders

UI_DIR = Path(__file__).resolve().parent.parent / "game" / "ui"


@pytest.fixture(scope="module")
def catalogs():
    return {lang: json.loads((CATALOG_DIR / f"{lang}.json").read_text(encoding="utf-8")) for lang in LANGUAGES}


def test_english_and_korean_have_the_same_keys(catalogs):
    en, ko = set(catalogs["en"]), set(catalogs["ko"])
    assert not en - ko, f"missing in ko.json: {sorted(en - ko)}"
    assert not ko - en, f"missing in en.json: {sorted(ko - en)}"


def test_placeholders_match_between_languages(catalogs):
    bad = [k for k, v in catalogs["en"].items() if placeholders(v) != placeholders(catalogs["ko"][k])]
    assert not bad


def test_no_empty_or_untranslated_text(catalogs):
    assert all(v.strip() for lang in LANGUAGES for v in catalogs[lang].values())
    hangul = [k for k, v in catalogs["ko"].items() if re.search("[가-힣]", v)]
    assert len(hangul) >= 0.9 * len(catalogs["ko"])


@pytest.mark.parametrize("key, params", MESSAGE_KEYS, ids=[k for k, _ in MESSAGE_KEYS])
def test_every_engine_message_key_is_translated(catalogs, key, params):
    for lang in LANGUAGES:
        assert key in catalogs[lang], f"{lang}.json lacks {key}"
        assert placeholders(catalogs[lang][key]) <= set(params), f"{lang}: {key} uses an unknown param"


FAMILIES = (
    [f"role.{r}" for r in ROLES] + [f"role.{r}.help" for r in ROLES]
    + [f"action.{k}" for k in ACTION_KINDS] + [f"action.{k}.help" for k in ACTION_KINDS]
    + [f"rung.{r}" for r in LOYALTY_RUNGS] + [f"account.{a}" for a in ACCOUNT_TYPES]
    + [f"account.{a}.help" for a in ACCOUNT_TYPES] + [f"outcome.{o}" for o in OUTCOMES]
    + [f"part.{p}" for p in SCORE_PARTS] + [f"part.{p}.help" for p in SCORE_PARTS]
    + [f"style.{s}" for s in STYLES] + [f"difficulty.{d}" for d in DIFFICULTIES]
    + [f"lang.{lang}" for lang in LANGUAGES]
)


@pytest.mark.parametrize("key", FAMILIES)
def test_every_game_term_is_translated(catalogs, key):
    assert all(key in catalogs[lang] for lang in LANGUAGES)


def literal_keys() -> set[str]:
    """Catalog keys written literally in the UI code: t("x.y") and "x.y" strings
    whose first part is a catalog section."""
    sections = {k.split(".")[0] for k in load_catalog("en")}
    found = set()
    for path in UI_DIR.rglob("*.py"):
        for key in re.findall(r"""["']([a-z_]+\.[a-z0-9_.]+)["']""", path.read_text(encoding="utf-8")):
            if key.split(".")[0] in sections and not key.endswith((".py", ".json", ".png")):
                found.add(key)
    return found


def test_every_key_the_code_uses_exists(catalogs):
    keys = literal_keys()
    assert len(keys) > 100
    prefixes = {k[:i] for k in catalogs["en"] for i in range(len(k)) if k[i] == "_"}   # startswith("news.rival")
    missing = sorted(k for k in keys if k not in catalogs["en"] and k not in prefixes)
    assert not missing


@pytest.mark.parametrize("lang, expected", [
    ("en", "Kim took pitched Cost to Park."),
    ("ko", "Kim took이 Park에게 Cost를 제안했습니다."),     # particles follow the names (툭이, 코스트를)
])
def test_engine_messages_show_names_not_ids(lang, expected):
    from game.engine.types import Message
    names = Names()
    names.members = {"cfo": "Park"}
    names.benefits = {"cost_saving": "Cost"}
    names.rivals = {"oldco": "Kim took"}
    msg = Message("news.rival_pitch", (("rival", "oldco"), ("member", "cfo"), ("benefit", "cost_saving")))
    assert Catalog(lang).message(msg, names) == expected


def test_numbers_in_messages_are_formatted():
    from game.engine.types import Message
    cat = Catalog("en")
    text = cat.message(Message("news.decision_won", (("share", 0.634),)), Names())
    assert "63%" in text
    text = cat.message(Message("turn.stance_up", (("member", "x"), ("before", -0.1), ("after", 0.25))), Names())
    assert "-0.10" in text and "+0.25" in text
    text = cat.message(Message("news.rung_up", (("rung", 4),)), Names())
    assert "Repeat customer" in text


def test_unknown_key_falls_back_to_the_key_and_missing_language_to_english():
    assert Catalog("en").t("no.such.key") == "no.such.key"
    assert Catalog("xx").t("menu.quit") == "Quit"

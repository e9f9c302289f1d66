"""The Japanese interface: a complete catalog (every key of the English one,
the same placeholders, every engine message), written in Japanese, drawn by
the bundled fonts, and chosen with --lang ja or in the settings."""
import json
import re

import pygame
import pytest

from game.engine.messages import MESSAGE_KEYS
from game.ui.app import App
from game.ui.i18n import CATALOG_DIR, LANGUAGES, Catalog, placeholders
from game.ui.settings import Settings
from game.ui.text import TextRenderer


@pytest.fixture(scope="module")
def ja():
    return json.loads((CATALOG_DIR / "ja.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def en():
    return json.loads((CATALOG_DIR / "en.json").read_text(encoding="utf-8"))


def test_japanese_is_a_language_of_the_interface():
    assert "ja" in LANGUAGES and Catalog("ja").lang == "ja"


def test_japanese_has_exactly_the_english_keys(ja, en):
    assert not set(en) - set(ja), f"missing in ja.json: {sorted(set(en) - set(ja))}"
    assert not set(ja) - set(en), f"missing in en.json: {sorted(set(ja) - set(en))}"


def test_japanese_placeholders_match_english(ja, en):
    bad = [k for k in en if placeholders(en[k]) != placeholders(ja[k])]
    assert not bad


@pytest.mark.parametrize("key, params", MESSAGE_KEYS, ids=[k for k, _ in MESSAGE_KEYS])
def test_every_engine_message_is_in_japanese(ja, key, params):
    assert key in ja and placeholders(ja[key]) <= set(params)


def test_japanese_text_is_japanese(ja):
    kana = [k for k, v in ja.items() if re.search("[\u3040-\u30ff\u4e00-\u9fff]", v)]
    assert len(kana) >= 0.9 * len(ja)
    assert not [k for k, v in ja.items() if not v.strip()]
    assert not re.search("[가-힣]", "".join(v for k, v in ja.items() if k != "lang.ko"))


def test_the_bundled_fonts_draw_every_japanese_string(ja):
    pygame.font.init()
    renderer = TextRenderer()
    for bold in (False, True):
        assert not renderer.missing_glyphs("".join(ja.values()), bold)


def test_the_japanese_interface_opens_and_switches_live():
    app = App(Settings(language="ja"), fps=0, persist_settings=False)
    assert app.i18n.t("menu.quit") == "終了"
    app.set_language("en")
    assert app.i18n.t("menu.quit") == "Quit"


def test_lang_ja_on_the_command_line():
    from game.cli import build_parser
    args = build_parser().parse_args(["play", "--lang", "ja"])
    assert args.lang == "ja"

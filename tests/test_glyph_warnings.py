"""No silent boxes: `validate` warns, at the text's line:col, about characters
no bundled font can draw (right-to-left and shaped scripts), stays silent for
the scripts the fonts cover, and the picker marks such a scenario."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game import PROJECT_ROOT
from game.scenario import validate_text
from game.scenario.glyphs import drawable, load_coverage, undrawable, undrawable_in

TINY = (Path(__file__).resolve().parent / "fixtures" / "tiny.yaml").read_text(encoding="utf-8")
# tiny.yaml: line 3 "title: Tiny deal", line 15 "    name: Bo"
SUPPORTED = {
    "thai": "ผู้จัดการฝ่ายจัดซื้อ",
    "greek": "Γιώργος Παπαδόπουλος",
    "cyrillic": "Ольга Щербакова",
    "vietnamese": "Nguyễn Thị Hồng Quốc Việt",
    "latin_extended": "Łukasz Čapek Şahin Ærøskøbing ŉ ǅ ȷ",
    "hangul": "똠얌꿍 뷁 햏 쀍 구매팀장",
    "kanji": "髙橋 﨑山 工場長 鬱 齟齬",
    "hanja": "金海 崔 鄭 曺",
    "kana": "みなと カタカナ ｶﾀｶﾅ",
    "decomposed": "Vie\u0323\u0302t",            # NFC-composes to Việ
}
UNSUPPORTED = {
    "arabic": ("مدير المشتريات", "U+0645 ARABIC LETTER MEEM", "right-to-left"),
    "hebrew": ("שלום", "U+05E9 HEBREW LETTER SHIN", "right-to-left"),
    "devanagari": ("हिन्दी", "U+0939 DEVANAGARI LETTER HA", "text shaping"),
    "hieroglyph": ("\U00013000", "U+13000 EGYPTIAN HIEROGLYPH A001", "tools/make_font.py"),
}


def with_texts(title: str, name: str = "Bo") -> str:
    text = TINY.replace("title: Tiny deal", f'title: "{title}"').replace("    name: Bo", f"    name: {name}")
    assert text != TINY or title == "Tiny deal"
    return text


def glyph_warnings(diagnostics):
    return [d for d in diagnostics if d.severity == "warning" and "no font can draw" in d.message]


def test_coverage_table_is_read():
    files = [c.file for c in load_coverage()]
    assert files[:2] == ["NotoSansCJK-Subset-Regular.otf", "NotoSansCJK-Subset-Bold.otf"]
    assert any("Thai" in f for f in files) and any(f.startswith("NotoSans-") for f in files)


@pytest.mark.parametrize("script", SUPPORTED)
def test_supported_scripts_give_no_warning(script):
    scenario, diags = validate_text(with_texts(SUPPORTED[script], SUPPORTED[script]), "s.yaml")
    assert scenario is not None
    assert glyph_warnings(diags) == []
    assert undrawable(SUPPORTED[script]) == []


@pytest.mark.parametrize("script", UNSUPPORTED)
def test_unsupported_script_in_a_title_warns_at_its_position(script):
    text, first, why = UNSUPPORTED[script]
    scenario, diags = validate_text(with_texts(text), "s.yaml")
    assert scenario is not None, "a warning never makes validation fail"
    (warning,) = glyph_warnings(diags)
    assert (warning.line, warning.col, warning.path) == (3, 8, "title")
    shown = str(warning)
    assert shown.startswith("s.yaml:3:8: warning: title: ")
    assert first in shown and why in shown


def test_a_member_name_warns_at_its_line_and_column():
    scenario, diags = validate_text(with_texts("Tiny deal", "نور"), "s.yaml")
    (warning,) = glyph_warnings(diags)
    assert (warning.line, warning.col, warning.path) == (15, 11, "members[1].name")
    assert "U+0646 ARABIC LETTER NOON" in warning.message


def test_many_texts_give_a_bounded_number_of_warnings():
    line = "  - {id: rival, name: Rival, style: price, stance: {boss: 0.2}}"
    extra = "".join(f"\n  - {{id: rival{i}, name: مدير{i}, style: price, stance: {{boss: 0.2}}}}" for i in range(25))
    scenario, diags = validate_text(TINY.replace(line, line + extra), "s.yaml")
    assert scenario is not None
    warnings = glyph_warnings(diags)
    assert len(warnings) == 21
    assert sum("5 more texts have characters no font can draw" in d.message for d in warnings) == 1


def test_spaces_and_controls_are_not_reported():
    assert drawable(" ") and drawable("\u3000") and drawable("\u200d")
    assert undrawable_in({"a": ("x", "مدير"), "ب": "y"}) == sorted(set("مديرب"))


def test_validate_command_prints_the_warning_and_succeeds(tmp_path):
    path = tmp_path / "arabic.yaml"
    path.write_text(with_texts("مدير المشتريات"), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "game", "validate", str(path)], capture_output=True, text=True,
                         encoding="utf-8", timeout=120, cwd=PROJECT_ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    out = run.stdout + run.stderr
    assert re.search(rf"{re.escape(str(path))}:3:8: warning: title: .*no font can draw.* — right-to-left", out), out
    assert "1 warning" in out


def test_picker_marks_a_scenario_with_undrawable_text(tmp_path, monkeypatch):
    import pygame

    from game.ui.app import App
    from game.ui.scenes.picker import PickerScene
    from game.ui.settings import Settings

    (tmp_path / "arabic.yaml").write_text(with_texts("مدير المشتريات"), encoding="utf-8")
    (tmp_path / "thai.yaml").write_text(with_texts(SUPPORTED["thai"]), encoding="utf-8")
    monkeypatch.setenv("B2BSIM_SCENARIO_DIR", str(tmp_path))
    app = App(Settings(language="en", width=1280, height=720), fps=0, persist_settings=False)
    picker = PickerScene(app, "play")
    app.stack.push(picker)
    marked = {e.path.name: e.undrawable for e in picker.entries if e.source == "user"}
    assert marked["thai.yaml"] == ()
    assert "\u0645" in marked["arabic.yaml"]
    assert all(e.undrawable == () for e in picker.entries if e.source == "bundled")
    drawn = []
    real_draw = app.text.draw
    real_wrapped = app.text.draw_wrapped

    def spy(surface, text, *args, **kwargs):
        drawn.append(text)
        return real_draw(surface, text, *args, **kwargs)

    def spy_wrapped(surface, text, *args, **kwargs):
        drawn.append(text)
        return real_wrapped(surface, text, *args, **kwargs)

    monkeypatch.setattr(app.text, "draw", spy)
    monkeypatch.setattr(app.text, "draw_wrapped", spy_wrapped)
    picker.index = next(i for i, e in enumerate(picker.entries) if e.path.name == "arabic.yaml")
    app.draw()
    assert any(t.startswith("⚠ ") and "مدير" in t for t in drawn), "the list row is not marked"
    assert any("cannot be drawn" in t and "U+0627" in t for t in drawn), "the detail pane does not say why"
    drawn.clear()
    picker.index = next(i for i, e in enumerate(picker.entries) if e.path.name == "thai.yaml")
    app.draw()
    assert not any("cannot be drawn" in t for t in drawn)
    assert pygame.display.get_init()

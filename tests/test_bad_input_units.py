"""Issue 8, unit level: the pieces behind "no traceback, no hang, no data lost".

Settings that are never silently replaced and never undo another window,
reads that refuse special files before opening, text rendering that cannot
fail on any string, terminal output that shows escape codes instead of obeying
them, and scenario text checks.  The command-line reproductions are in
tests/test_bad_input.py.
"""
from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pygame
import pytest

from game.cli.balance import duration_text, size_text
from game.cli.terminal import safe
from game.files import FileTooLarge, NotARegularFile, read_limited, read_start
from game.scenario.text_checks import text_problem
from game.ui import settings as settings_module
from game.ui.app import App
from game.ui.scenes.picker import PickerScene
from game.ui.settings import Settings, load_settings, save_settings
from game.ui.text import TextRenderer, displayable
from game.ui.widgets import grid, grid_columns

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")


def finishes(fn, seconds: float = 20.0):
    """Run ``fn`` in a thread; fail (instead of hanging the suite) if it blocks."""
    box = {}

    def target():
        try:
            box["value"] = fn()
        except BaseException as exc:  # handed back to the test
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "blocked (a hang)"
    if "error" in box:
        raise box["error"]
    return box.get("value")


# ------------------------------------------------------------------ bounded reads
@needs_fifo
def test_a_fifo_is_refused_before_it_is_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(NotARegularFile) as info:
        finishes(lambda: read_limited(tmp_path / "pipe", 1000))
    assert info.value.kind == "a named pipe (FIFO)"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_dev_zero_is_refused(tmp_path):
    os.symlink("/dev/zero", tmp_path / "zero")
    with pytest.raises(NotARegularFile) as info:
        finishes(lambda: read_limited(tmp_path / "zero", 1000))
    assert info.value.kind == "a device"


def test_reads_are_bounded(tmp_path):
    path = tmp_path / "big"
    path.write_bytes(b"x" * 5000)
    assert read_limited(path, 5000) == b"x" * 5000
    with pytest.raises(FileTooLarge):
        read_limited(path, 4999)
    assert read_start(path, 10) == b"x" * 10
    with pytest.raises(NotARegularFile):
        read_limited(tmp_path, 10)


# ------------------------------------------------------------------ settings
@pytest.fixture
def fresh(monkeypatch):
    """Each test is a new process as far as the settings module's memory goes."""
    monkeypatch.setattr(settings_module, "_seen", {})


def test_a_bom_prefixed_settings_file_is_read_not_replaced(tmp_path, fresh):
    path = tmp_path / "settings.json"
    raw = b"\xef\xbb\xbf" + json.dumps({"language": "ko", "text_size": "large"}).encode("utf-8")
    path.write_bytes(raw)
    settings, problems = load_settings(path)
    assert (settings.language, settings.text_size, problems) == ("ko", "large", [])
    assert path.read_bytes() == raw


def test_an_unreadable_settings_file_is_kept_aside_with_a_message(tmp_path, fresh, monkeypatch):
    path = tmp_path / "settings.json"
    path.write_text('{"language": "ko"}', encoding="utf-8")

    def denied(p, limit):
        raise PermissionError(13, "Permission denied", str(p))
    monkeypatch.setattr(settings_module, "read_limited", denied)
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert "permission denied" in problems[0]
    kept = list(tmp_path.glob("settings.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == '{"language": "ko"}'
    assert problems[0].kept == kept[0] and kept[0].name in problems[0]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="as root a mode-000 file is still readable; the PermissionError case is simulated above")
def test_a_mode_000_settings_file_is_kept_aside(tmp_path, fresh):
    path = tmp_path / "settings.json"
    path.write_text('{"language": "ko"}', encoding="utf-8")
    path.chmod(0)
    settings, problems = load_settings(path)
    assert settings == Settings() and "permission denied" in problems[0]
    kept = list(tmp_path.glob("settings.json.broken-*"))
    assert len(kept) == 1
    kept[0].chmod(0o600)
    assert kept[0].read_text(encoding="utf-8") == '{"language": "ko"}'


def test_two_windows_do_not_undo_each_other(tmp_path, fresh, monkeypatch):
    """Each window is its own process, with its own memory of what it read."""
    path = tmp_path / "settings.json"
    save_settings(Settings(), path)
    memories = {"one": {}, "two": {}}

    def in_window(name, fn, *args):
        monkeypatch.setattr(settings_module, "_seen", memories[name])
        return fn(*args)

    one, _ = in_window("one", load_settings, path)
    two, _ = in_window("two", load_settings, path)
    in_window("one", save_settings, one.with_(language="ko"), path)        # window one: language
    in_window("two", save_settings, two.with_(text_size="large"), path)    # window two still shows English
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["language"], data["text_size"]) == ("ko", "large")
    in_window("one", save_settings, one.with_(language="ko", motion="reduced"), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["language"], data["text_size"], data["motion"]) == ("ko", "large", "reduced")


def test_a_save_keeps_keys_this_version_does_not_know(tmp_path, fresh):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "ko", "colour_scheme": 7}), encoding="utf-8")
    settings, problems = load_settings(path)
    assert any("colour_scheme" in p for p in problems)
    save_settings(settings.with_(motion="reduced"), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["colour_scheme"], data["language"], data["motion"]) == (7, "ko", "reduced")


def test_a_file_broken_between_load_and_save_is_kept_aside(tmp_path, fresh):
    path = tmp_path / "settings.json"
    settings, _ = load_settings(path)
    path.write_text("{half written", encoding="utf-8")
    save_settings(settings.with_(language="ko"), path)
    assert json.loads(path.read_text(encoding="utf-8"))["language"] == "ko"
    assert [p.read_text(encoding="utf-8") for p in tmp_path.glob("settings.json.broken-*")] == ["{half written"]


def test_a_save_writes_through_a_dotfiles_link(tmp_path, fresh):
    real = tmp_path / "dotfiles" / "settings.json"
    real.parent.mkdir()
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "settings.json"
    os.symlink(real, link)
    save_settings(Settings(language="ko"), link)
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))["language"] == "ko"


@pytest.mark.parametrize("content, reason", [
    ("[" * 30_000 + "]" * 30_000, "nested too deeply"),
    ("{" + " " * 70_000 + "}", "larger than"),
    ("\xff", "not valid JSON"),
])
def test_settings_files_that_cannot_be_used_are_reported(tmp_path, fresh, content, reason):
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings == Settings() and reason in problems[0]
    assert len(list(tmp_path.glob("settings.json.broken-*"))) == 1


# ------------------------------------------------------------------ rendering any string
NASTY = ["", "\x00", "An\x00n", "\u200b", "\u200d\u200d", "\ud800", "a\udfffb", "\x1b[31mred\x1b[0m",
         "\t", "\r\n", "\u202eevil", "\U0010FFFD", "\ufeff", "a" * 3000, "\u0301", "x\u200by", "👩\u200d💻"]


@pytest.mark.parametrize("text", NASTY, ids=[repr(t)[:30] for t in NASTY])
def test_text_rendering_cannot_fail_on_any_string(text):
    pygame.font.init()
    tr = TextRenderer()
    surface = pygame.Surface((400, 300))
    assert tr.render(text, 16).get_height() > 0
    tr.width(text, 16)
    tr.fit(text, 16, 100)
    tr.wrap(text, 16, 120)
    tr.draw(surface, text, (5, 5), 16, max_width=200)
    tr.draw_wrapped(surface, text, pygame.Rect(0, 0, 200, 200), 16)


def test_displayable_keeps_real_text():
    assert displayable("한국어 日本語 Ünïcödé 👩\u200d💻") == "한국어 日本語 Ünïcödé 👩\u200d💻"
    assert displayable("a\x00b\tc\x1b") == "ab c"
    assert displayable("\ud800") == "\ufffd"


# ------------------------------------------------------------------ the terminal
@pytest.mark.parametrize("raw, shown", [
    ("\x1b[2Jhello", "\\x1b[2Jhello"),
    ("bell\x07", "bell\\x07"),
    ("a\rb", "a\\x0db"),
    ("\u202eevil", "\\u202eevil"),
    ("two\nlines", "two\\x0alines"),
    ("C1 \x9b", "C1 \\x9b"),
    ("\ud800", "\\ud800"),
    ("한국어 👩\u200d💻 é", "한국어 👩\u200d💻 é"),
])
def test_terminal_text_shows_control_characters_instead_of_obeying_them(raw, shown):
    assert safe(raw) == shown


def test_tables_keep_their_lines():
    assert safe("a\tb\nc\x1b", keep_newlines=True) == "a\tb\nc\\x1b"


# ------------------------------------------------------------------ scenario text
@pytest.mark.parametrize("text, words", [
    ("An\x00n", "U+0000 NUL"),
    ("\x1b[31m", "U+001B ESC"),
    ("\u200b", "shows as nothing"),
    ("\u200b\u200d\ufeff", "shows as nothing"),
    ("\u3164", "shows as nothing"),
    ("\ud800", "surrogate"),
])
def test_text_that_cannot_be_shown_is_an_error(text, words):
    problem = text_problem(text)
    assert problem is not None and words in problem[0]


@pytest.mark.parametrize("text", ["Ann", "김민수", "鈴木 一郎", "👩\u200d💻 Dev", "line one\nline two", "a\tb", "",
                                  "   ", "Crème brûlée", "e\u0301", "כהן", "ความ"])
def test_ordinary_text_passes(text):
    assert text_problem(text) is None


# ------------------------------------------------------------------ the board with nobody left
def test_the_board_lays_out_zero_members():
    assert grid_columns(0, 800, 400) == 1
    assert grid(pygame.Rect(0, 0, 800, 400), 0, 1, 4) == []


# ------------------------------------------------------------------ balance estimates
@pytest.mark.parametrize("seconds, text", [(1, "about 1 second"), (40, "about 40 seconds"),
                                           (700, "about 12 minutes"), (3 * 3600, "about 3 hours"),
                                           (5 * 86400, "about 5 days")])
def test_durations_read_like_a_person_says_them(seconds, text):
    assert duration_text(seconds) == text


def test_sizes_read_like_a_person_says_them():
    assert size_text(45 * 1024 ** 3) == "45 GB"
    assert size_text(1.5 * 1024 ** 3) == "1.5 GB"
    assert size_text(120 * 1024 ** 2) == "120 MB"


# ------------------------------------------------------------------ the picker's "open a file"
@pytest.mark.parametrize("typed", ["/tmp/" + "a" * 300 + ".yaml", "a\x00b.yaml", "~no_such_user_b2bsim/x.yaml",
                                   "{tmp}", "{tmp}/pipe.yaml"])
def test_the_picker_opens_any_typed_path_without_crashing(typed, tmp_path, monkeypatch):
    monkeypatch.setenv("B2BSIM_SCENARIO_DIR", str(tmp_path / "none"))
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.yaml")
    app = App(Settings(), fps=0, persist_settings=False)
    picker = PickerScene(app, "play")
    app.stack.push(picker)
    picker.path_text = typed.format(tmp=tmp_path)
    before = len(picker.entries)
    finishes(picker.open_path)
    assert app.notices or (len(picker.entries) == before + 1 and picker.entries[-1].errors)
    picker.draw(app.surface)

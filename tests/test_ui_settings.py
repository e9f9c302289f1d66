"""User settings: defaults, atomic round trip, and a broken file never stops the game."""
import json

import pytest

from game.ui.settings import Settings, load_settings, save_settings


def test_missing_file_gives_defaults(tmp_path):
    settings, problems = load_settings(tmp_path / "settings.json")
    assert settings == Settings() and problems == []


def test_round_trip(tmp_path):
    path = tmp_path / "sub" / "settings.json"
    wanted = Settings(language="ko", width=1600, height=900, fullscreen=True, text_size="large", motion="reduced")
    save_settings(wanted, path)
    assert load_settings(path) == (wanted, [])
    assert not [p for p in path.parent.iterdir() if p.name != "settings.json"]   # no temp files left


@pytest.mark.parametrize("content", ["{not json", "", "\x00\x01", "[1, 2, 3]", '"text"'])
def test_corrupt_file_is_reported_and_kept_aside(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert problems and str(path) in problems[0]
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("settings.json.broken-")]
    assert len(kept) == 1 and kept[0].name in problems[0]        # the user is told where it went
    assert kept[0].read_text(encoding="utf-8") == content        # nothing of it is lost
    assert not path.exists()                                     # no silent defaults written over it


@pytest.mark.parametrize("data, field, problem_word", [
    ({"language": "fr"}, "language", "language"),
    ({"width": "wide"}, "width", "width"),
    ({"text_size": 3}, "text_size", "text_size"),
    ({"fullscreen": "yes"}, "fullscreen", "fullscreen"),
    ({"colour": "red"}, None, "colour"),
])
def test_bad_values_fall_back_one_by_one(tmp_path, data, field, problem_word):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"text_size": "large", **data}), encoding="utf-8")
    settings, problems = load_settings(path)
    assert any(problem_word in p for p in problems)
    if field:
        assert getattr(settings, field) == getattr(Settings(), field)
    if field != "text_size":
        assert settings.text_size == "large"        # the good values are kept

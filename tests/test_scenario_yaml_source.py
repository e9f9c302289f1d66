"""Reading YAML safely: tags never run, aliases cannot explode, odd files
get a clear message instead of a traceback."""
from pathlib import Path

import pytest

from game.scenario.loader import validate_file, validate_text
from game.scenario.yaml_source import MAX_BYTES, parse

HERE = Path(__file__).resolve().parent


def only_message(text: str) -> str:
    source = parse(text, "f.yaml")
    assert len(source.diagnostics) == 1, [str(d) for d in source.diagnostics]
    return str(source.diagnostics[0])


@pytest.mark.parametrize("text,value", [
    ("a: yes", "yes"), ("a: No", "No"), ("a: on", "on"), ("a: OFF", "OFF"), ("a: y", "y"),
    ("a: 2024-05-01", "2024-05-01"), ("a: 12:30", "12:30"), ("a: true", True), ("a: False", False),
    ("a: ~", None), ("a: null", None), ("a:", None), ("a: 7", 7), ("a: -0.5", -0.5), ("a: 1e3", 1000.0),
    ("a: 0x10", 16), ("a: '7'", "7"), ('a: "true"', "true"), ("a: .inf", ".inf"), ("a: 1_000", "1_000"),
    ("a: !!str 5", "5"), ("a: !!float 1", 1.0), ("a: !!int '12'", 12), ("a: ! 12", "12"),
    ("a: |\n  two\n  lines\n", "two\nlines\n"), ("a: 한국어", "한국어"),
])
def test_scalars_resolve_like_yaml_1_2_core(text, value):
    source = parse(text, "f.yaml")
    assert source.diagnostics == []
    assert source.data["a"] == value and type(source.data["a"]) is type(value)


def test_sequences_become_tuples_and_keys_text():
    source = parse("a: [1, [2]]\n1: x\nnull: y\n", "f.yaml")
    assert source.data == {"a": (1, (2,)), "1": "x", "null": "y"}


def test_merge_keys_work_and_explicit_keys_win():
    source = parse("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n", "f.yaml")
    assert source.diagnostics == [] and source.data["m"] == {"x": 1, "y": 3}


@pytest.mark.parametrize("tag", [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:os.system ['touch {marker}']",
    "!!python/name:os.system",
    "!custom 'touch {marker}'",
    "!!binary aGVsbG8=",
    "!!set {{a, b}}",
    "!!timestamp 2024-01-01",
])
def test_tags_never_execute_and_are_reported(tag, tmp_path):
    marker = tmp_path / "pwned"
    text = "a: " + tag.format(marker=marker) + "\n"
    message = only_message(text)
    assert message.startswith("f.yaml:1:4: a: unsupported tag '")
    assert not marker.exists()


def test_tagged_collection_and_key_are_reported():
    source = parse("a: !!python/tuple [1, 2]\n? !!python/str k\n: v\n", "f.yaml")
    assert [d.line for d in source.diagnostics] == [1, 2]
    assert all("unsupported tag" in d.message for d in source.diagnostics)


def test_billion_laughs_stops_quickly_with_a_message():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    message = only_message("\n".join(lines))
    assert "expands to more than" in message and "alias" in message


def test_recursive_alias_is_an_error():
    assert "contains itself" in only_message("a: &a [1, *a]\n")
    assert "contains itself" in only_message("a: &a {b: *a}\n")


def test_undefined_alias_is_an_error():
    assert "refers to no anchor" in only_message("a: *nothing\n")


@pytest.mark.parametrize("text", ["[" * 5000 + "]" * 5000, "a:\n" + "".join(" " * i + "- \n" for i in range(1, 300))])
def test_deep_nesting_is_refused_without_crashing(text):
    assert "nested more than" in only_message(text)


def test_duplicate_keys_are_errors_with_both_lines():
    assert only_message("a: 1\nb: 2\na: 3\n") == (
        "f.yaml:3:1: a: duplicate key 'a' (first written at line 1) — keep only one of them")


@pytest.mark.parametrize("text,start", [
    ("", "f.yaml: the file is empty"),
    ("# only a comment\n", "f.yaml: the file is empty"),
    ("- a\n- b\n", "f.yaml:1:1: the top level of a scenario must be a mapping"),
    ("just words\n", "f.yaml:1:1: the top level of a scenario must be a mapping"),
    ("a: 1\n---\nb: 2\n", "f.yaml:2:1: the file holds more than one YAML document"),
    ("a: 'open\n", "f.yaml:2:1: YAML syntax error: found unexpected end of stream"),
    ("a: [1, 2\n", "f.yaml:2:1: YAML syntax error"),
    ("a: @x\n", "f.yaml:1:4: YAML syntax error"),
    ("a: b\x00c\n", "f.yaml:1:5: the file contains a NUL byte"),
])
def test_broken_text_gets_one_clear_message(text, start):
    assert only_message(text).startswith(start)


def test_positions_of_keys_and_values():
    source = parse("a:\n  b: [x, {c: 1}]\n", "f.yaml")
    assert source.where(("a", "b")) == (2, 3)
    assert source.where(("a", "b", 1, "c")) == (2, 11)
    assert source.where(("a", "b", 1, "c"), value=True) == (2, 14)
    assert source.where(("a", "missing")) == (2, 3)  # the enclosing mapping


# ------------------------------------------------------------ files
@pytest.mark.parametrize("content,expected", [
    (b"", "the file is empty"),
    (b"format: 1\ntitle: caf\xe9\n", "2:11: the file is not UTF-8 text (byte 0xE9)"),
    ("format: 1\n".encode("utf-16"), "the file is saved as UTF-16"),
    (b"x" * (MAX_BYTES + 1), "the file is larger than 1 MB"),
])
def test_unreadable_files(tmp_path, content, expected):
    path = tmp_path / "s.yaml"
    path.write_bytes(content)
    scenario, diagnostics = validate_file(path)
    assert scenario is None and len(diagnostics) == 1
    assert str(diagnostics[0]).startswith(str(path)) and expected in str(diagnostics[0])


def test_missing_file_and_folder(tmp_path):
    _, missing = validate_file(tmp_path / "nope.yaml")
    _, folder = validate_file(tmp_path)
    assert str(missing[0]) == f"{tmp_path / 'nope.yaml'}: no such file — check the spelling of the path and the current folder"
    assert str(folder[0]).startswith(f"{tmp_path}: this is a folder, not a file")


def test_utf8_bom_is_accepted():
    text = (HERE / "fixtures" / "ja_custom_12_members.yaml").read_text(encoding="utf-8")
    scenario, diagnostics = validate_text("\ufeff" + text, "bom.yaml")
    assert scenario is not None and diagnostics == []


@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
def test_deep_nesting_message_does_not_depend_on_the_yaml_parser(monkeypatch, loader):
    import yaml
    from game.scenario import yaml_source
    if not hasattr(yaml, loader):
        pytest.skip(f"this PyYAML has no {loader}")
    monkeypatch.setattr(yaml_source, "_LOADER", getattr(yaml, loader))
    message = only_message("a: " + "[" * 3000 + "]" * 3000 + "\n")
    assert message.startswith("f.yaml:1:4") and "the data is nested more than 40 levels deep" in message

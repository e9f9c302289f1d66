"""Mutated scenario files never crash the validator: they come back as
diagnostics (or, if the mutation happens to be harmless, as a scenario)."""
from pathlib import Path
from unittest import mock

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario import yaml_source
from game.scenario.loader import bundled_scenarios, validate_text
from game.scenario.model import Scenario
from game.scenario.starter import starter_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = [(FIXTURES / "tiny.yaml").read_text(encoding="utf-8"),
         (FIXTURES / "ja_custom_12_members.yaml").read_text(encoding="utf-8"),
         starter_text("ko")]
SEEDS += [p.read_text(encoding="utf-8") for p in bundled_scenarios()[:1]]

ODD_VALUES = ["", "~", "yes", "no", "on", "-1", "1.5", "1e999", "99999999999999999999999", "0x1F", ".nan",
              "[", "{", "]", "}", "[a, b]", "{a: 1}", "&x 1", "*x", "&x [*x]", "!!python/object/apply:os.system ['true']",
              "!custom 1", "!!binary aGk=", "|", ">-", "\"open", "'", "'1'", "\t1", "- a", "a: b", "@x", "%x",
              "boss", "cost_saving", "decider", "한국어", "日本語", "null", "true", "<<: *x", "? a"]
ids = st.sampled_from(["boss", "assistant", "cost_saving", "ceo", "member_01", "shacho", "ringi", "rival"])

mutation = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, 400)),
    st.tuples(st.just("duplicate"), st.integers(0, 400)),
    st.tuples(st.just("value"), st.integers(0, 400), st.sampled_from(ODD_VALUES)),
    st.tuples(st.just("garbage"), st.integers(0, 400), st.text(max_size=20)),
    st.tuples(st.just("swap"), ids, ids),
    st.tuples(st.just("tag"), st.integers(0, 400), st.sampled_from(["!!str", "!!int", "!!map", "!foo", "!!python/tuple"])),
    st.tuples(st.just("indent"), st.integers(0, 400), st.integers(-4, 4)),
)


def mutate(text: str, steps) -> str:
    lines = text.split("\n")
    for step in steps:
        kind, *rest = step
        i = rest[0] % len(lines) if isinstance(rest[0], int) else 0
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "value":
            head, sep, _ = lines[i].partition(": ")
            lines[i] = f"{head}: {rest[1]}" if sep else f"{lines[i]} {rest[1]}"
        elif kind == "garbage":
            lines.insert(i, rest[1])
        elif kind == "swap":
            text_now = "\n".join(lines).replace(rest[0], "\0").replace(rest[1], rest[0]).replace("\0", rest[1])
            lines = text_now.split("\n")
        elif kind == "tag":
            head, sep, tail = lines[i].partition(": ")
            if sep:
                lines[i] = f"{head}: {rest[1]} {tail}"
        elif kind == "indent":
            lines[i] = " " * max(0, rest[1]) + (lines[i][-rest[1]:] if rest[1] < 0 else lines[i])
        if not lines:
            lines = [""]
    return "\n".join(lines)


def check(text: str) -> None:
    scenario, diagnostics = validate_text(text, "fuzz.yaml")
    errors = [d for d in diagnostics if d.is_error]
    assert (scenario is None) == bool(errors)
    assert scenario is None or isinstance(scenario, Scenario)
    for d in diagnostics:
        assert str(d).startswith("fuzz.yaml") and d.line >= 0 and d.col >= 0 and d.message


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.sampled_from(SEEDS), steps=st.lists(mutation, min_size=1, max_size=4))
def test_mutated_scenarios_never_raise(seed, steps):
    check(mutate(seed, steps))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.sampled_from(SEEDS[:2]), steps=st.lists(mutation, min_size=1, max_size=3))
def test_mutated_scenarios_never_raise_with_the_pure_python_parser(seed, steps):
    with mock.patch.object(yaml_source, "_LOADER", yaml.SafeLoader):
        check(mutate(seed, steps))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_raises(text):
    check(text)

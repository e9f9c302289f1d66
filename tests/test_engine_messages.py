"""Message keys and parameters are a closed, documented set (the UI writes catalogs from them)."""
from __future__ import annotations

import dataclasses
import re

import pytest

from game import PROJECT_ROOT
from game.engine import MESSAGE_KEYS, MESSAGE_PARAMS, Params
from game.engine.messages import msg

DOC = (PROJECT_ROOT / "docs" / "model.md").read_text(encoding="utf-8")


def doc_rows() -> dict[str, tuple[str, ...]]:
    rows = {}
    for key, params in re.findall(r"^\| `([a-z_.]+)` \| ([^|]*) \|", DOC, flags=re.M):
        names = tuple(p.strip() for p in params.split(",") if p.strip() not in ("", "—"))
        rows[key] = names
    return rows


def test_keys_are_unique_and_well_formed():
    keys = [k for k, _ in MESSAGE_KEYS]
    assert len(keys) == len(set(keys))
    assert all(re.fullmatch(r"(event|news|turn|advice|why|refusal)\.[a-z_]+", k) for k in keys)


def test_every_key_is_documented_with_its_parameters():
    assert doc_rows() == MESSAGE_PARAMS


def test_every_parameter_is_documented():
    documented = set(re.findall(r"^\| ([a-z_]+) \| [-0-9.]+ \|", DOC, flags=re.M))
    assert {f.name for f in dataclasses.fields(Params)} == documented


@pytest.mark.parametrize("key, params", [
    ("news.rival_pitch", {"rival": "a", "member": "b"}),                  # missing benefit
    ("news.pilot_success", {"extra": 1}),
    ("news.unknown_key", {}),
])
def test_msg_rejects_wrong_keys_or_params(key, params):
    with pytest.raises(KeyError):
        msg(key, **params)


def test_msg_orders_params_as_documented():
    m = msg("news.rival_pitch", benefit="cost_saving", member="cfo", rival="oldco")
    assert m.params == (("rival", "oldco"), ("member", "cfo"), ("benefit", "cost_saving"))
    assert m.param("member") == "cfo" and m.param("nope", 3) == 3

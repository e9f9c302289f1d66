"""What a benefit means comes from its kind, never from its id (issue 9).

The standard ids keep the meaning the rules gave them by name; a benefit of
the author's own gets a meaning by declaring a kind; renaming every id
changes nothing as long as the kinds stay.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from game import SCENARIO_DIR
from game.balance.simulate import run_balance
from game.engine import Action, Params
from game.engine.tables import compile_tables
from game.scenario import scenario_from_data
from game.scenario.loader import load_scenario, validate_text
from game.scenario.model import BENEFIT_KINDS, DEFAULT_BENEFITS, STANDARD_KINDS, Benefit
from test_engine_fixtures import CALM, data, play_round, started

TINY = (Path(__file__).resolve().parent / "fixtures" / "tiny.yaml").read_text(encoding="utf-8")
TITLE = "title: Tiny deal\n"


def tiny_with(*benefits: str) -> str:
    """tiny.yaml with a benefits section: its two benefits, then ``benefits`` (flow mappings)."""
    lines = ["  - {id: cost_saving, name: Savings, kind: cost}",
             "  - {id: exact_delivery_date, name: Dates, kind: delivery}"] + [f"  - {b}" for b in benefits]
    return TINY.replace(TITLE, TITLE + "benefits:\n" + "\n".join(lines) + "\n", 1)


# ------------------------------------------------------------------ parsing
def test_a_kind_is_one_word_or_a_list():
    scenario, diagnostics = validate_text(tiny_with(
        "{id: korean_support, name: Korean-speaking support, kind: support}",
        "{id: erp_link, name: ERP link, kind: [technology, delivery]}"), "tiny.yaml")
    assert scenario is not None, diagnostics
    assert scenario.benefit("korean_support").kinds == ("support",)
    assert scenario.benefit("erp_link").kinds == ("technology", "delivery")


def test_standard_ids_have_their_default_kinds_and_others_are_other():
    assert {b.id: b.kinds for b in DEFAULT_BENEFITS} == STANDARD_KINDS
    assert Benefit(id="support_24_7", name="Hotline").kinds == ("support",)          # renamed, same meaning
    assert Benefit(id="digital_ordering_delivery", name="x").kinds == ("delivery", "technology")
    assert Benefit(id="best_quality_control", name="x").kinds == ("quality", "technology")
    assert Benefit(id="nearby_liaison_office", name="x").kinds == ("relationship",)
    assert Benefit(id="korean_support", name="Korean support").kinds == ("other",)
    assert Benefit(id="support_24_7", name="x", kind=("relationship",)).kinds == ("relationship",)  # kind wins
    assert set(k for ks in STANDARD_KINDS.values() for k in ks) <= set(BENEFIT_KINDS)


def test_an_empty_kind_list_is_an_error():
    scenario, diagnostics = validate_text(tiny_with("{id: a, name: A, kind: []}"), "tiny.yaml")
    assert scenario is None
    assert [str(d) for d in diagnostics if d.is_error] == [
        "tiny.yaml:7:22: benefits[2].kind: needs at least one entry — add an entry or remove the key"]


# ------------------------------------------------------------------ the rules read kinds
def test_the_default_kinds_give_the_rules_the_old_meaning_of_the_standard_ids():
    tb = compile_tables(load_scenario(SCENARIO_DIR / "electronics_support.yaml"))
    ids, cap = np.array(tb.benefit_ids), tb.cap
    assert set(ids[tb.price_mask]) == {"affordable_price", "cost_saving"}
    assert set(ids[tb.kind_mask("technology")]) == {"advanced_technology", "digital_ordering_delivery",
                                                     "best_quality_control"}
    assert tb.quality == cap[tb.benefit_ids.index("best_quality_control")]
    delivery = [tb.benefit_ids.index(b) for b in ("exact_delivery_date", "digital_ordering_delivery",
                                                  "custom_manufacturing_delivery", "nearby_factory")]
    assert tb.delivery_quality == pytest.approx(cap[delivery].mean(), abs=1e-15)
    assert tb.support_quality == cap[tb.benefit_ids.index("support_24_7")]


def test_a_custom_technology_benefit_draws_the_technology_rival():
    d = data(competitors=[{"id": "techco", "name": "TechCo", "style": "technology"}])
    d["benefits"] = [{"id": b, "name": b} for b in ("cost_saving", "affordable_price", "advanced_technology",
                                                   "support_24_7", "best_quality_control", "exact_delivery_date",
                                                   "digital_ordering_delivery")]
    d["benefits"].append({"id": "ai_scheduling", "name": "AI scheduling", "kind": "technology"})
    d["benefits"].append({"id": "golf_days", "name": "Golf days"})
    d["members"][0]["priorities"].update(ai_scheduling=1, golf_days=1)
    tb = compile_tables(scenario_from_data(d))
    focus = dict(zip(tb.benefit_ids, tb.style_benefit[0]))
    assert focus["ai_scheduling"] == Params().style_focus == focus["advanced_technology"]
    assert focus["golf_days"] == 1.0


def _support_scenario(kind):
    """The engine fixture with support_24_7 replaced by korean_support (vendor capability 1, the rest weak)."""
    d = data()
    d["benefits"] = [{"id": "cost_saving", "name": "Savings", "kind": "cost"},
                     {"id": "affordable_price", "name": "Price", "kind": "price"},
                     {"id": "advanced_technology", "name": "Tech", "kind": "technology"},
                     {"id": "korean_support", "name": "Korean-speaking support", **({"kind": kind} if kind else {})},
                     {"id": "best_quality_control", "name": "QC", "kind": "quality"},
                     {"id": "exact_delivery_date", "name": "Dates", "kind": "delivery"},
                     {"id": "digital_ordering_delivery", "name": "Digital", "kind": ["delivery", "technology"]}]
    for m in d["members"]:
        m["priorities"] = {("korean_support" if k == "support_24_7" else k): v for k, v in m["priorities"].items()}
        m["stance"] = 0.8
    caps = d["vendor"]["capabilities"]
    caps["korean_support"] = caps.pop("support_24_7")
    caps.update(cost_saving=0.2, advanced_technology=0.2, korean_support=1.0)
    return scenario_from_data(d)


@pytest.mark.parametrize("kind, loyalty, account", [("support", 5, "strategic_partner"), ("other", 4, "zombie"),
                                                     (None, 4, "zombie")])
def test_a_custom_support_benefit_makes_post_sale_support_count(kind, loyalty, account):
    """Won deal, every post-sale point on support: the customer's loyalty depends on the vendor's
    capability on *support-kind* benefits, so korean_support counts only with kind support."""
    game = started(_support_scenario(kind), CALM, seed=0)
    while game.observation.phase != "post_sale":
        play_round(game)
    assert game.observation.outcome == "won" and game.observation.loyalty == 3
    while not game.done:
        play_round(game, *[Action("support")] * game.observation.points)
    assert game.observation.loyalty == loyalty
    assert game.debrief().account_type == account


def _renamed(path: Path) -> dict:
    """The scenario at ``path`` with every benefit id replaced by a custom id of the same kinds."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    kinds = {b.id: list(b.kinds) for b in load_scenario(path).benefits}
    new = {b["id"]: f"own_{i}" for i, b in enumerate(raw["benefits"])}
    for b in raw["benefits"]:
        b["kind"] = kinds[b["id"]]
        b["id"] = new[b["id"]]

    def rename(mapping):
        return {new.get(k, k): v for k, v in mapping.items()}

    people = raw["members"] + [e["successor"] for e in raw.get("events", []) if e.get("successor")]
    for m in people:
        m["priorities"] = rename(m["priorities"])
    raw["vendor"]["capabilities"] = rename(raw["vendor"]["capabilities"])
    for c in raw.get("competitors", []):
        c["capabilities"] = rename(c.get("capabilities", {}))
    assert not set(new.values()) & set(STANDARD_KINDS)
    return raw


@pytest.mark.parametrize("name", ["electronics_support", "data_platform_hanbit"])
def test_renaming_every_standard_id_with_the_same_kinds_changes_no_result(name):
    path = SCENARIO_DIR / f"{name}.yaml"
    original, renamed = load_scenario(path), scenario_from_data(_renamed(path))
    assert not set(renamed.benefit_ids) & set(STANDARD_KINDS)
    a = run_balance(original, games=150, seed=11, strategies=("price_only", "expert"))
    b = run_balance(renamed, games=150, seed=11, strategies=("price_only", "expert"))
    for strategy in ("price_only", "expert"):
        ra, rb = a.runs[strategy], b.runs[strategy]
        assert np.array_equal(ra.outcome, rb.outcome) and np.array_equal(ra.score, rb.score)
        assert np.array_equal(ra.pitches, rb.pitches)


# ------------------------------------------------------------------ lint
def _warnings(text: str) -> list[str]:
    scenario, diagnostics = validate_text(text, "tiny.yaml")
    assert scenario is not None
    assert all(d.severity == "warning" for d in diagnostics)
    return [str(d) for d in diagnostics if "no member cares" not in d.message]


def test_a_custom_benefit_without_a_kind_is_flagged_with_the_kind_its_name_suggests():
    assert _warnings(tiny_with("{id: korean_support, name: Korean-speaking support}")) == [
        "tiny.yaml:7:6: warning: benefits[2].id: benefit 'korean_support' has no kind, so no rule reads it "
        "(kind other) — add kind: support (its name sounds like it)"]
    assert _warnings(tiny_with("{id: golf_days, name: Golf days}")) == [
        "tiny.yaml:7:6: warning: benefits[2].id: benefit 'golf_days' has no kind, so no rule reads it "
        "(kind other) — add kind: price, cost, quality, technology, delivery, support, relationship or other "
        "(docs/scenario-format.md, 'benefits')"]


def test_a_renamed_standard_id_that_means_something_else_is_flagged():
    assert _warnings(tiny_with("{id: nearby_factory, name: In-country data centre}")) == [
        "tiny.yaml:7:26: warning: benefits[2].name: benefit 'nearby_factory' is named 'In-country data centre', "
        "which sounds like technology ('data cent'), but its kind is delivery (the standard meaning of "
        "'nearby_factory') — if it is something else, give it its own id and kind: technology; "
        "or write kind: technology here"]


@pytest.mark.parametrize("benefit, word, label", [
    ("{id: x, name: Volume discount, kind: delivery}", "discount", "price or cost"),
    ("{id: x, name: 가격 할인, kind: quality}", "가격", "price or cost"),
    ("{id: x, name: 低いコスト, kind: technology}", "コスト", "price or cost"),
    ("{id: x, name: 24/7 hotline, kind: relationship}", "24/7", "support"),
    ("{id: x, name: 한국어 기술 지원, kind: technology}", "지원", "support"),
    ("{id: x, name: 日本語サポート, kind: other}", "サポート", "support"),
    ("{id: x, name: 정확한 납기, kind: price}", "납기", "delivery"),
    ("{id: x, name: 品質保証, kind: support}", "品質", "quality"),
])
def test_a_name_that_sounds_like_another_kind_is_flagged_at_its_kind(benefit, word, label):
    found = _warnings(tiny_with(benefit))
    assert len(found) == 1
    assert found[0].startswith("tiny.yaml:7:")
    assert f": warning: benefits[2].kind: benefit 'x' is named" in found[0]
    assert f"which sounds like {label} ('{word}')" in found[0]
    assert "— if it is " + label in found[0] and "otherwise choose a name that says what it is" in found[0]


@pytest.mark.parametrize("benefit", [
    "{id: x, name: 24/7/365 customer support, kind: support}",      # 'customer' is not a cost word
    "{id: x, name: 비용 절감, kind: cost}",
    "{id: x, name: 手頃な価格, kind: price}",
    "{id: x, name: Digital ordering and delivery, kind: [delivery, technology]}",
    "{id: x, name: 연중무휴 24시간 지원, kind: support}",
    "{id: x, name: Golf days, kind: relationship}",
])
def test_consistent_names_are_not_flagged(benefit):
    assert _warnings(tiny_with(benefit)) == []


def test_a_name_with_two_kinds_is_fine_when_it_has_one_of_them():
    text = tiny_with("{id: x, name: Lower delivery cost, kind: cost}")
    assert [w for w in _warnings(text) if "sounds like price" in w] == []


def test_the_kind_warnings_keep_validation_passing():
    text = tiny_with("{id: x, name: Volume discount, kind: delivery}", "{id: y, name: Anything}")
    scenario, diagnostics = validate_text(text, "tiny.yaml")
    assert scenario is not None and not any(d.is_error for d in diagnostics)


@pytest.mark.parametrize("path", sorted(SCENARIO_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_bundled_scenarios_use_honest_kinds(path):
    scenario, diagnostics = validate_text(path.read_text(encoding="utf-8"), path.name)
    assert scenario is not None
    assert [str(d) for d in diagnostics if d.path.startswith("benefits")] == []


def test_the_hanbit_data_centre_is_a_technology_benefit_of_its_own():
    scenario = load_scenario(SCENARIO_DIR / "data_platform_hanbit.yaml")
    assert "nearby_factory" not in scenario.benefit_ids
    assert scenario.benefit("in_country_data_centre").kinds == ("technology",)
    assert scenario.benefit("system_connectors").kinds == ("technology", "delivery")

"""Legality is answered once, by the engine: a Refusal (message key + params) that every catalog translates,
and the same answer for a plan, a candidate, the observation's legal list, the action mask and the batch."""
from __future__ import annotations

import json
import re

import numpy as np
import pytest

from game import I18N_DIR
from game.engine import Action, Game, actions as A, legality
from game.engine.messages import MESSAGE_PARAMS
from game.engine.observe import ActionCache, legal_actions
from game.engine.state import new_state
from game.scenario import bundled_scenarios, load_scenario, scenario_from_data
from game.ui.i18n import LANGUAGES, Catalog, Names, placeholders
from test_engine_fixtures import started, with_gate

SCENARIOS = [pytest.param(lambda: scenario_from_data(with_gate()), id="gate")] + \
            [pytest.param(lambda p=p: load_scenario(p), id=p.stem) for p in bundled_scenarios()]


def test_refusal_is_a_key_with_params_that_every_catalog_translates():
    game = started(scenario_from_data(with_gate()))
    r = game.refusal([Action("pitch", "cfo", "cost_saving")])
    assert r == legality.Refusal("refusal.behind_gatekeeper", (
        ("kind", "pitch"), ("member", "cfo"), ("gatekeeper", "assistant"),
        ("threshold", game.params.unlock_threshold)), 0)
    names = Names(game.scenario)
    gatekeeper = names.member("assistant")
    ko = Catalog("ko").message(r, names)
    assert re.search("[가-힣]", ko) and "through" not in ko and gatekeeper in ko and "+0.25" in ko
    assert gatekeeper in Catalog("en").message(r, names)


def test_the_korean_discount_cap_reads_korean():
    """The reported bug: `× 할 수 없습니다: action 4 (discount): at most 3 discounts per deal`."""
    game = started()
    plan = [Action("discount")] * (game.params.discount_max + 1)
    r = game.refusal(plan)
    assert r.key == "refusal.discount_cap" and r.action == game.params.discount_max
    text = Catalog("ko").message(r, Names(game.scenario))
    assert "at most" not in text and "discount" not in text and str(game.params.discount_max) in text
    assert "at most 3 discounts" in game.check(plan) and game.check(plan).startswith("action 4 (discount)")


def test_english_of_every_refusal_matches_the_english_catalog_placeholders():
    en = json.loads((I18N_DIR / "en.json").read_text(encoding="utf-8"))
    refusals = {k for k in MESSAGE_PARAMS if k.startswith("refusal.")}
    assert refusals == set(legality.ENGLISH)
    for key in refusals:
        assert placeholders(legality.ENGLISH[key]) == placeholders(en[key]), key
        assert placeholders(en[key]) <= set(MESSAGE_PARAMS[key]), key


@pytest.mark.parametrize("plan, key", [
    ([Action("shout", "cfo")], "refusal.unknown_kind"),
    ([Action("ask")], "refusal.needs_member"),
    ([Action("discount", "cfo")], "refusal.takes_no_member"),
    ([Action("pitch", "cfo")], "refusal.needs_benefit"),
    ([Action("ask", "cfo", "cost_saving")], "refusal.takes_no_benefit"),
    ([Action("pitch", "cfo", "nope")], "refusal.unknown_benefit"),
    ([Action("ask", "nobody")], "refusal.unknown_member"),
    ([Action("deliver")], "refusal.after_the_sale"),
    ([Action("refer", "eng")], "refusal.refer_not_needed"),
    ([Action("ask", "eng")] * 5, "refusal.points"),
    (["ask"], "refusal.not_an_action"),
    (5, "refusal.not_a_list"),
])
def test_each_broken_rule_has_its_own_key(plan, key):
    game = started(scenario_from_data(with_gate()))
    r = game.refusal(plan)
    assert r is not None and r.key == key
    assert tuple(n for n, _ in r.params) == MESSAGE_PARAMS[key]
    for lang in LANGUAGES:
        assert Catalog(lang).message(r, Names(game.scenario)) != key


def test_one_point_left_offers_no_two_point_action():
    """Observations are built at full points; the same rules must hold with one point left."""
    game = started(scenario_from_data(with_gate()))
    plan = [Action("ask", "eng")] * 1 + [Action("pitch", "eng", game.observation.benefits[0].id)] * 2
    left = game.observation.points - sum(a.cost for a in plan)
    assert left == 1
    mask = game.plan_mask(plan)
    offered = {a.kind for a, ok in zip(game.action_list, mask) if ok}
    assert offered and not offered & {"reference", "demo", "pilot"}
    assert game.refusal(plan + [Action("reference", "eng")]).key == "refusal.points"
    st = game.state.copy()
    st.points[0] = 1
    listed = legal_actions(st, game.tables, ActionCache())
    assert listed and not {a.kind for a in listed} & {"reference", "demo", "pilot"}
    two = np.array([A.REFERENCE, A.DEMO, A.ASK])
    assert A.slot_legal(st, game.tables, two[:, None][0], np.array([1]), np.array([-1])).tolist() == [False]
    assert legality.legal_mask(st, game.tables, two, np.ones(3, np.int64), -np.ones(3, np.int64)).tolist() == \
        [False, False, True]


@pytest.mark.parametrize("make", SCENARIOS)
def test_plan_refusal_mask_legal_list_and_batch_agree(make):
    """For random plans in random games: Game.refusal accepts a plan exactly when a batch of one applies it
    all, and the legal list, the mask and refusal([a]) name the same actions."""
    sc = make()
    rng = np.random.default_rng(5)
    for seed in range(3):
        game = Game(sc)
        game.reset(seed=seed)
        table = game.action_list
        while not game.done:
            mask = game.action_mask()
            alone = [game.refusal([a]) is None for a in table]
            assert mask.tolist() == alone
            assert {a for a, ok in zip(table, mask) if ok} == set(game.observation.legal_actions)
            plan: list[Action] = []
            for _ in range(8):
                a = table[int(rng.integers(len(table)))]
                ok = game.refusal(plan + [a]) is None
                assert ok == bool(game.plan_mask(plan)[table.index(a)])
                st = game.state.copy()
                for x in plan:
                    A.apply_slot(st, game.tables, *(np.array([v]) for v in legality.resolve(st, game.tables, x)))
                applied = A.apply_slot(st, game.tables, *(np.array([v]) for v in legality.resolve(st, game.tables, a)))
                assert bool(applied[0]) == ok, (plan, a, game.refusal(plan + [a]))
                if ok:
                    plan.append(a)
            game.step(plan)
        assert not game.action_mask().any() and game.refusal([]).key == "refusal.game_over"


def test_the_batch_refuses_with_the_same_rules():
    tb = Game(scenario_from_data(with_gate())).tables
    st = new_state(tb, 0, 4)
    from game.engine import rounds
    rounds.begin_round(st, tb)
    cfo, eng = tb.row("cfo"), tb.row("eng")
    kind = np.array([A.PITCH, A.DELIVER, A.REFER, A.ASK])
    member = np.array([cfo, -1, eng, eng])
    codes = legality.refusal_codes(st, tb, slice(None), kind, member, np.zeros(4, np.int64))
    assert [legality.RULES[c - 1] if c else None for c in codes] == ["locked", "after_the_sale",
                                                                    "refer_not_needed", None]


@pytest.mark.parametrize("make", SCENARIOS)
def test_planners_masks_are_the_batch_rules(make):
    """member_legal / kind_legal (what the planners mask with) agree with slot_legal, game by game."""
    from game.engine.strategies import play_batch
    tb = Game(make()).tables
    bg = play_batch(tb, "random", 3, 30)           # finished games: every game inactive
    st = new_state(tb, 3, 30)
    from game.engine import rounds
    rounds.begin_round(st, tb)
    st.points[::3] = 1
    st.discount_steps[::4] = tb.params.discount_max
    for state in (st, bg.state):
        for kind in (A.ASK, A.PITCH, A.REFERENCE, A.DEMO, A.REFER):
            mask = legality.member_legal(state, tb, kind)
            for m in range(tb.M):
                col = A.slot_legal(state, tb, np.full(state.G, kind), np.full(state.G, m), np.zeros(state.G, np.int64))
                assert np.array_equal(mask[:, m], col)
        for kind in (A.PILOT, A.DISCOUNT):
            assert np.array_equal(legality.kind_legal(state, tb, kind),
                                  A.slot_legal(state, tb, np.full(state.G, kind), -np.ones(state.G, np.int64),
                                               -np.ones(state.G, np.int64)))
    assert legality.member_legal(st, tb, A.ASK).any() and not legality.member_legal(bg.state, tb, A.ASK).any()

"""Regression tests for the bugs a first-time player met (issue 14, item 4):
each test fails on the old behaviour."""
import re

import pygame
import pytest

from game.engine import Action
from game.scenario import bundled_scenarios, load_scenario, load_scenario_text
from game.ui.app import App
from game.ui.deal import Deal
from game.ui.scenes.board import BoardScene
from game.ui.scenes.outcome import OutcomeScene
from game.ui.settings import Settings
from game.ui.widgets import key_event
from test_ui_unseen import UNSEEN


def make_app(lang="en", size=(1280, 720)):
    return App(Settings(language=lang, width=size[0], height=size[1]), fps=0, persist_settings=False)


def real_key(key, down=True):
    """A key event as the keyboard sends it (a scancode is set), not a synthetic one."""
    kind = pygame.KEYDOWN if down else pygame.KEYUP
    return pygame.event.Event(kind, key=key, mod=0, unicode="", scancode=40)


def k12():
    return load_scenario_text(UNSEEN["korean_12"], "k12.yaml")


def outcome_then_board(app):
    app.deal = Deal(k12(), 1)
    previous = app.deal.observation
    result = app.deal.step([])
    app.stack.clear(OutcomeScene(app, app.deal, previous, (), result))
    app.stack.update(5.0)          # the reveal animation is over
    app.draw()


def test_holding_enter_on_the_round_result_plans_nothing_on_the_next_board():
    app = make_app()
    outcome_then_board(app)
    app.handle(real_key(pygame.K_RETURN))               # goes on to the board
    board = app.stack.top
    assert isinstance(board, BoardScene)
    app.draw()
    for _ in range(6):                                   # auto-repeat while the key stays down
        app.handle(real_key(pygame.K_RETURN))
    assert board.plan == []
    app.handle(real_key(pygame.K_RETURN, down=False))    # let go, press again: now it plans
    app.handle(real_key(pygame.K_RETURN))
    assert len(board.plan) == 1


def test_key_repeat_still_works_within_one_scene():
    app = make_app()
    app.deal = Deal(k12(), 1)
    board = BoardScene(app, app.deal)
    app.stack.clear(board)
    app.draw()
    start = board.focus
    for _ in range(3):
        app.handle(real_key(pygame.K_TAB))
    assert board.focus == (start + 3) % len(board.obs.members)


def test_a_member_locked_by_a_blocker_names_the_blocker():
    from dataclasses import replace
    from game.ui.cards import lock_reason
    app = make_app()
    app.deal = Deal(k12(), 1)
    members = list(app.deal.observation.members)
    ops = next(i for i, mv in enumerate(members) if mv.id == "ops_head")
    cfo = next(i for i, mv in enumerate(members) if mv.id == "cfo")     # a decider without a gatekeeper
    members[ops] = replace(members[ops], blocker=True)
    members[cfo] = replace(members[cfo], locked=True)
    text = lock_reason(app, members[cfo], members)
    assert members[ops].name in text and "Behind :" not in text
    ceo = next(mv for mv in members if mv.id == "ceo")                  # behind the secretary
    secretary = next(mv for mv in members if mv.id == "secretary")
    assert secretary.name in lock_reason(app, replace(ceo, locked=True), [m for m in members if not m.blocker])


def test_picker_o_opens_the_path_field_without_typing_an_o():
    from game.ui.scenes.picker import PickerScene
    app = make_app()
    picker = PickerScene(app, "play")
    app.stack.clear(picker)
    app.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_o, mod=0, unicode="o", scancode=18))
    app.handle(pygame.event.Event(pygame.TEXTINPUT, text="o"))
    app.handle(pygame.event.Event(pygame.KEYUP, key=pygame.K_o, mod=0, unicode="o", scancode=18))
    assert picker.typing and picker.path_text == ""
    for ch in "/tmp/oo":                                  # an o typed afterwards is kept
        app.handle(pygame.event.Event(pygame.KEYDOWN, key=ord(ch), mod=0, unicode=ch, scancode=18))
        app.handle(pygame.event.Event(pygame.TEXTINPUT, text=ch))
    assert picker.path_text == "/tmp/oo"


def test_drill_header_counts_the_points_the_result_reports():
    from game.ui.scenes.drill import DrillScene
    app = make_app()
    drill = DrillScene(app, k12(), 3)
    app.stack.clear(drill)
    for mi in range(4):
        drill.link(mi, 0)
        drill.link(mi, 1)
    header = drill.points_text()
    drill.finish()
    detail = app.i18n.t("drill.result.detail", hits=drill.result.hits, misses=drill.result.misses,
                        points=drill.result.points, possible=drill.result.possible, accuracy=0)
    numbers = re.findall(r"-?\d+", header)
    assert numbers == [str(drill.result.points), str(drill.result.possible)]
    assert f"{drill.result.points} of {drill.result.possible}" in header and \
        f"{drill.result.points} of {drill.result.possible}" in detail
    app.draw()


@pytest.mark.parametrize("lang, n, text", [("en", 1, "next round"), ("en", 3, "in 3 rounds"),
                                           ("ko", 1, "다음 라운드"), ("ko", 2, "2라운드")])
def test_decides_in_one_round_is_not_plural(lang, n, text):
    t = make_app(lang).i18n.t
    said = t("board.decision_in", n=n)
    assert text in said and "1 rounds" not in said


@pytest.mark.parametrize("name, subject, topic, obj, with_, towards", [
    ("세진자동차", "세진자동차가", "세진자동차는", "세진자동차를", "세진자동차와", "세진자동차로"),
    ("한빛물류", "한빛물류가", "한빛물류는", "한빛물류를", "한빛물류와", "한빛물류로"),
    ("김하늘", "김하늘이", "김하늘은", "김하늘을", "김하늘과", "김하늘로"),     # ㄹ: 로, not 으로
    ("최민호", "최민호가", "최민호는", "최민호를", "최민호와", "최민호로"),
    ("정우성", "정우성이", "정우성은", "정우성을", "정우성과", "정우성으로"),
    ("Vectorlake", "Vectorlake가", "Vectorlake는", "Vectorlake를", "Vectorlake와", "Vectorlake로"),
    ("3", "3이", "3은", "3을", "3과", "3으로"),
])
def test_korean_particles_follow_the_last_sound(name, subject, topic, obj, with_, towards):
    from game.ui.i18n import korean_particles
    said = korean_particles(f"{name}이(가) {name}은(는) {name}을(를) {name}와(과) {name}(으)로")
    assert said == f"{subject} {topic} {obj} {with_} {towards}"


def test_korean_victory_headline_has_no_double_particle():
    app = make_app("ko")
    said = app.i18n.t("decision.won", customer="세진자동차")
    assert said.startswith("세진자동차가 ") and "(가)" not in said
    assert app.i18n.t("decision.lost", customer="한빛물류", rival="정우성").startswith("한빛물류가 정우성을")
    assert "(가)" in app.i18n.t("decision.won", customer="髙橋")      # cannot tell: both forms stay


def test_status_line_follows_a_language_switch_mid_game():
    app = make_app("en")
    app.deal = Deal(k12(), 1)
    board = BoardScene(app, app.deal)
    app.stack.clear(board)
    app.draw()
    assert not board.try_plan(Action("pitch", "ceo", board.obs.benefits[0].id))    # behind the secretary
    assert board.status.startswith("×") and re.search("[a-z]{4,}", board.status)
    app.set_language("ko")
    app.draw()
    assert re.search("[가-힣]", board.status) and not re.search("[a-z]{4,} [a-z]{3,}", board.status)
    assert board.try_plan(board.action_now())
    app.set_language("en")
    assert board.status.startswith("✓ Planned")


def test_referral_mode_disarms_after_use():
    app = make_app()
    deals = (Deal(load_scenario(p), seed) for p in bundled_scenarios() for seed in range(1, 8))
    app.deal = next(d for d in deals if any(a.kind == "refer" for a in d.observation.legal_actions))
    board = BoardScene(app, app.deal)
    app.stack.clear(board)
    refer = next(a for a in board.obs.legal_actions if a.kind == "refer")
    board.focus = next(i for i, mv in enumerate(board.obs.members) if mv.id == refer.member)
    app.handle(key_event(pygame.K_f))
    assert board.kind == "refer"
    app.handle(key_event(pygame.K_RETURN))
    assert board.plan == [refer]
    assert board.kind != "refer"          # a second Enter does not ask for another referral
    app.handle(key_event(pygame.K_RETURN))
    assert all(a.kind != "refer" for a in board.plan[1:])


def decided(app, scenario, seed=2):
    app.deal = Deal(scenario, seed)
    while True:
        previous = app.deal.observation
        result = app.deal.step([a for a in previous.legal_actions if a.kind == "ask"][:2])
        if previous.outcome is None and result.observation.outcome is not None:
            return result


@pytest.mark.parametrize("size", [(1024, 640), (1280, 720)])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_backed_badges_leave_the_stance_numbers_visible(size, lang):
    from game.ui.scenes.decision import DecisionScene
    app = make_app(lang, size)
    result = decided(app, k12())
    scene = DecisionScene(app, app.deal, result)
    app.stack.clear(scene)
    rivals = [r.id for r in app.deal.scenario.competitors]
    scene.support = {mv.id: (["player", "status_quo"] + rivals)[i % (2 + len(rivals))]
                     for i, mv in enumerate(result.observation.members)}
    app.stack.update(99)
    app.draw()
    rows = scene.table_layout(scene.table_rect)
    assert len(rows) >= 6
    for mv, cols in rows:
        label, _ = scene.backing_label(scene.support[mv.id])
        badge_w = app.text.width(label, app.metrics.small, True) + app.metrics.small
        assert badge_w <= cols["badge"].width, f"'{label}' does not fit its column"
        for a, b in [("badge", "value"), ("badge", "bar"), ("value", "bar"), ("roles", "bar"), ("name", "roles")]:
            assert not cols[a].colliderect(cols[b]), f"{a} covers {b} at {size}"
        assert cols["value"].width >= app.text.width("+0.00", app.metrics.small, True)
        assert scene.table_rect.contains(cols["row"])


def test_blocker_news_comes_first_and_the_news_scrolls():
    from game.engine.messages import Message
    from game.ui.cards import news_list, news_order
    app = make_app(size=(1024, 640))
    app.deal = Deal(k12(), 1)
    news = [Message("news.rival_pitch", (("rival", "x"), ("member", "cfo"), ("benefit", "cost_saving")))] * 6
    news.append(Message("event.member_turns_blocker", (("member", "ops_head"), ("event", "x"))))
    ordered = news_order(news)
    assert ordered[0].key == "event.member_turns_blocker"
    surface = pygame.Surface((300, 120))
    rect = pygame.Rect(0, 0, 300, 120)
    left = news_list(app, surface, rect, ordered)
    assert 0 < left < len(ordered)
    assert news_list(app, surface, rect, ordered, offset=len(ordered) - 1) == 0
    board = BoardScene(app, app.deal)
    app.stack.clear(board)
    board.news = ordered
    app.draw()
    assert board.news_left > 0
    app.handle(key_event(pygame.K_PAGEDOWN))
    app.draw()
    assert board.news_scroll == 1


def test_ending_a_round_with_points_left_asks_first_unless_turned_off():
    app = make_app()
    app.deal = Deal(k12(), 1)
    board = BoardScene(app, app.deal)
    app.stack.clear(board)
    assert board.try_plan([a for a in board.obs.legal_actions if a.kind == "ask"][0])
    assert board.points_left > 0
    app.handle(key_event(pygame.K_e))
    assert app.stack.top is board and str(board.points_left) in board.status      # asked, not ended
    app.handle(key_event(pygame.K_e))
    assert app.stack.top is not board                                            # confirmed: the round ends
    app2 = App(Settings(confirm_end=False), fps=0, persist_settings=False)
    app2.deal = Deal(k12(), 1)
    board2 = BoardScene(app2, app2.deal)
    app2.stack.clear(board2)
    board2.try_plan([a for a in board2.obs.legal_actions if a.kind == "ask"][0])
    app2.handle(key_event(pygame.K_e))
    assert app2.stack.top is not board2                                          # the setting turned it off


def test_the_confirm_setting_is_in_the_settings_screen():
    from game.ui.scenes.settings import ROWS, SettingsScene
    app = make_app()
    scene = SettingsScene(app)
    app.stack.clear(scene)
    scene.row = ROWS.index("confirm_end")
    scene.change(1)
    assert app.settings.confirm_end is False
    app.draw()

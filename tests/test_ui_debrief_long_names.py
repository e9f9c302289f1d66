"""Long rival names in the debrief: a 60-character name is cut after a whole word ("…") in the summary's
"lost to" line and in the sentences of the advice, the decision and the turning points, so the rest of each
sentence stays in view at 1024x640."""
import pytest

from game.scenario import bundled_scenarios, load_scenario
from game.ui.app import App
from game.ui.deal import Deal
from game.ui.scenes.debrief import DebriefScene
from game.ui.settings import Settings
from test_ui_long_names import long_named, whole_words

SIZE = (1024, 640)


@pytest.fixture(scope="module")
def lost():
    deal = Deal(long_named(load_scenario(bundled_scenarios()[0])), 5)     # the rival wins
    while not deal.done:
        deal.step([])
    assert deal.debrief().outcome == "lost" and deal.debrief().winner
    return deal


def drawn_summary(deal, lang):
    app = App(Settings(language=lang, width=SIZE[0], height=SIZE[1]), fps=0, persist_settings=False)
    app.deal = deal
    scene = DebriefScene(app, deal)
    app.stack.clear(scene)
    drawn = []
    real = app.text.draw

    def record(surface, text, *args, **kwargs):
        drawn.append(text)
        return real(surface, text, *args, **kwargs)

    app.text.draw = record
    app.draw()
    return app, scene, drawn


@pytest.mark.parametrize("lang", ["en", "ko", "ja"])
def test_the_summary_cuts_a_long_rival_after_a_word(lost, lang):
    app, scene, drawn = drawn_summary(lost, lang)
    tr, m, t = app.text, app.metrics, scene.t
    full = app.names_rival(lost.debrief().winner)
    assert len(full) == 60
    before, after = t("debrief.lost_to", rival="\x00").split("\x00")
    lines = [s for s in drawn if s.startswith(before) and s.endswith(after) and "Consolidated" in s]
    assert lines, "the lost-to line is missing"
    line = lines[0]
    name = line[len(before):len(line) - len(after)]
    assert name != full and whole_words(name, full)
    _, area = scene.layout(SIZE)
    assert tr.width(line, m.body, True) <= area.width // 2, "the lost-to line runs out of its panel"
    assert not any(full in s for s in drawn), "a 60-character name drawn in full"
    named = [s for s in drawn if "Consolidated Northern" in s and s is not line]
    assert named, "the advice, the decision and the turning points no longer name the rival"


def test_short_names_cut_every_rival_and_leave_the_deal_names_whole(lost):
    app, scene, _ = drawn_summary(lost, "en")
    names = scene.short_names(200)
    for rid, full in lost.names.rivals.items():
        assert len(full) == 60
        short = names.rival(rid)
        assert app.text.width(short, app.metrics.small) <= 200 and whole_words(short, full)
        assert lost.names.rival(rid) == full
    decision = lost.debrief().decision[0]             # the sentence naming the winner takes fewer lines
    shorter = app.text.wrap(app.i18n.message(decision, names), app.metrics.small, 300)
    longer = app.text.wrap(app.i18n.message(decision, lost.names), app.metrics.small, 300)
    assert len(shorter) < len(longer)


def test_the_forecast_tab_says_whom_with_long_rivals_cut_after_a_word():
    """A member forecast for you who backed a rival in the end: 'you → <rival>' fits its room, the rival's
    name cut after a whole word, never mid-word by the text renderer."""
    from game.engine.strategies import get_strategy, plan_round, strategy_rng
    deal = Deal(long_named(load_scenario(bundled_scenarios()[0])), 0)
    plan, rng = get_strategy("pusher"), strategy_rng(0)
    while not deal.done:
        deal.step(plan_round(deal.game, plan, rng))
    app = App(Settings(language="en", width=SIZE[0], height=SIZE[1]), fps=0, persist_settings=False)
    app.deal = deal
    scene = DebriefScene(app, deal)
    app.stack.clear(scene)
    app.draw()
    drawn = []
    real = app.text.draw

    def record(surface, text, *args, **kwargs):
        drawn.append((text, kwargs.get("max_width")))
        return real(surface, text, *args, **kwargs)

    app.text.draw = record
    scene.set_tab(3)
    app.draw()
    said = [(text, room) for text, room in drawn if " → " in text and "Consolidated" in text]
    assert said, "no member changed from or to a rival"
    fulls = set(deal.names.rivals.values())
    for text, room in said:
        assert room is not None and app.text.width(text, app.metrics.small) <= room, text
        for side in text.split(" → "):
            if side.startswith("Consolidated"):
                assert any(whole_words(side, full) for full in fulls) and side not in fulls, side

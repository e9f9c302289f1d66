"""The round outcome lists, per member, every cause of the change in time
order: your actions first, then the rivals' moves, then the new stage's events."""
from game.scenario import bundled_scenarios, load_scenario
from game.ui.app import App
from game.ui.deal import Deal
from game.ui.scenes.outcome import OutcomeScene, round_causes
from game.ui.settings import Settings


def test_a_rivals_move_is_listed_after_your_action_on_the_same_member():
    app = App(Settings(), fps=0, persist_settings=False)
    found = None
    for path in bundled_scenarios():
        for seed in range(1, 6):
            app.deal = Deal(load_scenario(path), seed)
            obs = app.deal.observation
            asks = [a for a in obs.legal_actions if a.kind == "ask"]
            result = app.deal.step(asks[:3])
            hit = [dict(n.params)["member"] for n in result.observation.news if n.key == "news.rival_pitch"]
            asked = {a.member for a in asks[:3]}
            both = [m for m in hit if m in asked]
            if both:
                found = (asks[:3], result, both[0])
                break
        if found:
            break
    assert found, "no rival pitched to a member you asked in any bundled deal"
    actions, result, member = found
    causes = round_causes(app, actions, result.observation.news)[member]
    sources = [s for s, _ in causes]
    assert sources[0] == "you" and "rival" in sources
    assert sources.index("rival") > sources.index("you")
    rival_text = next(text for s, text in causes if s == "rival")
    rival = next(dict(n.params)["rival"] for n in result.observation.news
                 if n.key == "news.rival_pitch" and dict(n.params)["member"] == member)
    assert app.deal.names.rival(rival) in rival_text
    scene = OutcomeScene(app, app.deal, app.deal.observation, actions, result)
    app.stack.clear(scene)
    app.stack.update(5)
    app.draw()


def test_an_account_wide_event_counts_for_everyone():
    from game.engine.types import Message
    app = App(Settings(), fps=0, persist_settings=False)
    app.deal = Deal(load_scenario(bundled_scenarios()[0]), 1)
    news = (Message("event.budget_cut", (("event", "x"), ("severity", 0.2))),)
    causes = round_causes(app, (), news)
    assert causes["*"] and causes["*"][0][0] == "event" and "20%" in causes["*"][0][1]


def test_a_whole_account_action_keeps_its_place_in_time():
    from game.engine import Action
    from game.engine.types import Message
    app = App(Settings(), fps=0, persist_settings=False)
    app.deal = Deal(load_scenario(bundled_scenarios()[0]), 1)
    member = app.deal.observation.members[0].id
    actions = (Action("ask", member), Action("discount"))
    news = (Message("news.rival_pitch", (("rival", "x"), ("member", member), ("benefit", "y"))),)
    sources = [s for s, _ in round_causes(app, actions, news)[member]]
    assert sources == ["you", "you", "rival"]          # ask, discount (whole account), then the rival


def test_the_planned_round_screenshot_is_the_board(tmp_path):
    from game.ui.scenes.board import BoardScene
    app = App(Settings(), fps=60, persist_settings=False, screenshots=tmp_path)
    app.deal = Deal(load_scenario(bundled_scenarios()[0]), 1)
    board = BoardScene(app, app.deal)
    app.stack.push(board)
    app.running = True
    for _ in range(3):
        app.frame()
    app.snap("board_planned")
    app.frame()                                       # nothing else changed: the shot is still taken now
    assert any("board_planned" in p.name for p in app.screenshots)

"""Which scene comes next: the paths through the game in one place."""
from __future__ import annotations


def to_title(app) -> None:
    from game.ui.scenes.title import TitleScene
    app.stack.clear(TitleScene(app))


def start_play(app) -> None:
    if app.scenario is not None:
        from game.ui.scenes.briefing import BriefingScene
        app.stack.push(BriefingScene(app, app.scenario, app.seed))
    else:
        from game.ui.scenes.picker import PickerScene
        app.stack.push(PickerScene(app, "play"))


def start_drill(app) -> None:
    if app.scenario is not None:
        from game.ui.scenes.drill import DrillScene
        app.stack.push(DrillScene(app, app.scenario, app.seed))
    else:
        from game.ui.scenes.picker import PickerScene
        app.stack.push(PickerScene(app, "drill"))


def chosen(app, scenario, mode: str) -> None:
    """The picker chose ``scenario``: go on to its briefing or its drill."""
    if mode == "drill":
        from game.ui.scenes.drill import DrillScene
        app.stack.replace(DrillScene(app, scenario, app.seed))
    else:
        from game.ui.scenes.briefing import BriefingScene
        app.stack.replace(BriefingScene(app, scenario, app.seed))


def begin_deal(app, scenario, seed: int) -> None:
    from game.ui.deal import Deal
    from game.ui.scenes.board import BoardScene
    app.deal = Deal(scenario, seed)
    app.stack.replace(BoardScene(app, app.deal))


def restart_deal(app, same_seed: bool) -> None:
    from game.ui.scenes.board import BoardScene
    app.deal = app.deal.again(same_seed)
    app.stack.replace(BoardScene(app, app.deal))


def round_played(app, previous, actions, result) -> None:
    if result.done and getattr(app, "on_deal_end", None) is not None:
        app.on_deal_end(app, app.deal.game)     # e.g. a session's result file, before any reveal
    from game.ui.scenes.outcome import OutcomeScene
    app.stack.replace(OutcomeScene(app, app.deal, previous, actions, result))


def after_outcome(app, previous, result) -> None:
    """After the round summary: the decision reveal when the customer has
    just decided, the debrief when the game is over, else the next round."""
    obs = result.observation
    if previous.outcome is None and obs.outcome is not None:
        from game.ui.scenes.decision import DecisionScene
        app.stack.replace(DecisionScene(app, app.deal, result))
    else:
        after_decision(app)


def after_decision(app) -> None:
    deal = app.deal
    if deal.done:
        from game.ui.scenes.debrief import DebriefScene
        app.stack.replace(DebriefScene(app, deal))
    else:
        from game.ui.scenes.board import BoardScene
        app.stack.replace(BoardScene(app, deal))


def finish(app) -> None:
    """Leaving the debrief or the drill results."""
    if app.exit_at_end:
        app.quit(0)
    else:
        to_title(app)

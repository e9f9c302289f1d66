"""The inside view (issue 10 "listening pays", issue 11 champions): a follow-up question to a member who backs
you tells you the current top priority of the colleagues they influence; a single question, or a member who
does not back you, tells nothing about anyone else."""
import dataclasses

import numpy as np
import pytest

from game.engine import BatchGame, compile_tables
from game.engine.actions import ASK
from game.engine.knowledge import known_care
from game.scenario import bundled_scenarios, load_scenario


def _warehouse():
    return load_scenario(next(p for p in bundled_scenarios() if "warehouse" in str(p)))


def _ask(bg, tb, member):
    bg.apply(np.array([ASK]), np.array([tb.row(member)]), np.array([-1]))


def _listen(stance, follow_up=True, params=None):
    """Ask the data analyst (who influences the CIO and the DC manager) in round 0 and, with ``follow_up``,
    again in round 1 while they stand at ``stance``; returns (state, tables)."""
    tb = compile_tables(_warehouse(), params)
    bg = BatchGame(tb, 5, 1)
    _ask(bg, tb, "data_analyst")
    bg.end_round()
    bg.state.stance[0, tb.row("data_analyst")] = stance
    if follow_up:
        _ask(bg, tb, "data_analyst")
    return bg.state, tb


COLLEAGUES = ("cio", "dc_manager")


def test_a_follow_up_to_a_backer_relays_the_colleagues_top_priority():
    st, tb = _listen(0.5)
    assert st.revealed[0, tb.row("data_analyst")] == 2
    kc = known_care(st)[0]
    for c in COLLEAGUES:
        r = tb.row(c)
        assert st.revealed[0, r] == 1                       # heard through the champion: no unspoken concern
        assert (kc[r] > 0).sum() == 1                        # exactly their top priority of the stage
        assert kc[r].argmax() == st.care[0, r].argmax()
        assert st.asks[0, r] == 0                            # the player never asked them
    others = [m for m in tb.member_ids if m not in COLLEAGUES + ("data_analyst",)]
    assert all(st.revealed[0, tb.row(m)] == 0 for m in others)   # nobody the analyst does not influence


@pytest.mark.parametrize("stance, follow_up", [(0.1, True), (0.9, False)])
def test_no_relay_without_a_backer_or_without_listening(stance, follow_up):
    st, tb = _listen(stance, follow_up)
    assert all(st.revealed[0, tb.row(c)] == 0 for c in COLLEAGUES)


def test_the_rule_is_off_with_inside_view_0():
    p = dataclasses.replace(compile_tables(_warehouse()).params, inside_view=0.0)
    st, tb = _listen(0.5, params=p)
    assert all(st.revealed[0, tb.row(c)] == 0 for c in COLLEAGUES)


def test_a_relayed_colleague_no_longer_holds_the_unspoken_concern():
    """The decision reads 'never heard' as reveal level 0: a relayed colleague is heard."""
    st, tb = _listen(0.5)
    unheard = st.revealed[0] == 0
    assert not unheard[[tb.row(c) for c in COLLEAGUES]].any()


def test_the_news_names_who_told_you_about_whom():
    from game.engine import Game
    from game.engine.types import Action
    sc = _warehouse()
    game = Game(sc)
    game.reset(seed=5)
    game.step([Action("ask", "data_analyst")])
    game.state.stance[0, game.tables.row("data_analyst")] = 0.5
    result = game.step([Action("ask", "data_analyst")])
    news = [m for m in result.observation.news if m.key == "news.inside_view"]
    told = {(m.param("champion"), m.param("member")) for m in news}
    assert told == {("data_analyst", c) for c in COLLEAGUES}


def test_the_news_names_only_colleagues_told_now():
    """A colleague an earlier follow-up already relayed is not named again by the next backer's follow-up."""
    from game.engine import Game
    from game.engine.types import Action
    game = Game(_warehouse())
    game.reset(seed=5)
    tb = game.tables
    game.step([Action("ask", "data_analyst"), Action("ask", "coo")])
    game.state.stance[0, tb.row("data_analyst")] = 0.5
    game.step([Action("ask", "data_analyst")])
    game.state.stance[0, tb.row("coo")] = 0.5
    unheard = {m for m in tb.member_ids if game.state.revealed[0, tb.row(m)] == 0}
    result = game.step([Action("ask", "coo")])
    told = {m.param("member") for m in result.observation.news if m.key == "news.inside_view"}
    assert told and not told & set(COLLEAGUES)                   # the CIO and the DC manager were told before
    expected = {m for m in unheard if tb.links[tb.row("coo"), tb.row(m)] and game.state.present[0, tb.row(m)]}
    assert told == expected

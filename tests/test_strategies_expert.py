"""The expert never plays an action that cannot have an effect (issue 4 / UI bug: four referrals of one member)."""
from __future__ import annotations

from collections import Counter

import pytest

from game.engine.strategies import play_single
from game.scenario import bundled_scenarios, load_scenario

BUNDLED = [pytest.param(p, id=p.stem) for p in bundled_scenarios()]


def test_one_referral_is_enough_on_the_hanbit_deal():
    """Seed 1 of data_platform_hanbit: the autoplay once planned 'refer Kang Tae-sik' four times in a round."""
    path = next(p for p in bundled_scenarios() if p.stem == "data_platform_hanbit")
    game = play_single(load_scenario(path), "expert", 1)
    refers = Counter(a.member for plan in game.history for a in plan if a.kind == "refer")
    assert refers and max(refers.values()) == 1, refers


@pytest.mark.parametrize("path", BUNDLED)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_useless_repeats(path, seed):
    game = play_single(load_scenario(path), "expert", seed)
    referred: set = set()
    for plan in game.history:
        asked = Counter(a.member for a in plan if a.kind == "ask")
        assert not asked or max(asked.values()) == 1, plan          # a second ask in a round reveals nothing
        for a in plan:
            if a.kind == "refer":
                assert a.member not in referred, plan               # a referral opens the door for good
                referred.add(a.member)
    debrief = game.debrief()
    assert sum(map(sum, debrief.pitched)) > 0
    assert game.state.wasted[0] == 0                               # no wasted pitch, no repeated ask

"""`b2bsim balance` table view: the action mix (issue 11 item 6) shows the same figures as --json's
``actions_per_game`` and ``action_use``, per strategy, for every kind any strategy used."""
from __future__ import annotations

from game.balance import run_balance, to_table
from game.scenario import bundled_scenarios, load_scenario


def block(text: str, title: str) -> dict[str, dict[str, str]]:
    lines = text.splitlines()
    i = lines.index(title)
    kinds = lines[i + 1].split()[1:]
    rows = {}
    for line in lines[i + 3:]:
        if not line.strip():
            break
        name, *cells = line.split()
        rows[name] = dict(zip(kinds, cells))
    return rows


def test_the_table_shows_the_action_mix_of_every_strategy():
    sc = load_scenario(next(p for p in bundled_scenarios() if p.stem == "data_platform_hanbit"))
    run = run_balance(sc, 200, seed=2, strategies=("random", "price_only", "novice", "expert"))
    s = run.summary()
    text = to_table(run)
    per_game = block(text, "actions per game")
    use = block(text, "share of games using each action")
    assert set(per_game) == set(use) == set(s)
    used = {k for r in s.values() for k, v in r["actions_per_game"].items() if v > 0}
    for name, r in s.items():
        assert set(per_game[name]) == used
        for kind in used:
            assert per_game[name][kind] == f"{r['actions_per_game'][kind]:.1f}"
            assert use[name][kind] == f"{r['action_use'][kind]:.0%}"
    # what a trainer reads: price_only discounts in every game, the expert asks in every game
    assert use["price_only"]["discount"] == "100%" and use["expert"]["ask"] == "100%"

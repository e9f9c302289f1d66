"""Formatting a balance run: a readable table (default) or one JSON object keyed by strategy name."""
from __future__ import annotations

import json

from game.balance.simulate import BalanceRun

COLUMNS = (("win", "win_rate"), ("lost", "loss_rate"), ("no decision", "no_decision_rate"))


def to_json(run: BalanceRun) -> str:
    """One line of JSON: {strategy: {win_rate, loss_rate, no_decision_rate, mean_score, score_p10, ...}}."""
    return json.dumps(run.summary(), sort_keys=False, separators=(", ", ": "))


def to_table(run: BalanceRun) -> str:
    s = run.summary()
    games = next(iter(s.values()))["games"] if s else 0
    head = f"{run.scenario_id} ({run.difficulty}), {games} games per strategy, seed {run.seed}"
    lines = [head, "",
             f"{'strategy':<12}{'win':>8}{'lost':>8}{'no dec.':>9}{'mean':>8}{'p10':>6}{'p50':>6}{'p90':>6}",
             "-" * 63]
    for name, r in s.items():
        lines.append(f"{name:<12}{r['win_rate']:>8.1%}{r['loss_rate']:>8.1%}{r['no_decision_rate']:>9.1%}"
                     f"{r['mean_score']:>8.0f}{r['score_p10']:>6}{r['score_p50']:>6}{r['score_p90']:>6}")
    lines.append("")
    lines.append("win / lost / no dec.: share of games won, lost to a rival, ended in no decision; "
                 "mean, p10..p90: score 0-1000")
    lines += action_mix_lines(s)
    return "\n".join(lines)


def action_mix_lines(s: dict) -> list[str]:
    """The action mix per strategy: mean actions per game of each kind (``actions_per_game``), then the share
    of games that used each kind at least once (``action_use``); kinds nobody used are left out."""
    rows = {name: r["actions_per_game"] for name, r in s.items() if "actions_per_game" in r}
    if not rows:
        return []
    kinds = [k for k in next(iter(rows.values())) if any(r[k] > 0 for r in rows.values())]
    width = max(8, *(len(k) + 1 for k in kinds))
    head = f"{'strategy':<12}" + "".join(f"{k:>{width}}" for k in kinds)
    rule = "-" * (12 + width * len(kinds))
    out = ["", "actions per game", head, rule]
    for name, r in rows.items():
        out.append(f"{name:<12}" + "".join(f"{r[k]:>{width}.1f}" for k in kinds))
    use = {name: s[name]["action_use"] for name in rows if "action_use" in s[name]}
    if use:
        out += ["", "share of games using each action", head, rule]
        for name, r in use.items():
            out.append(f"{name:<12}" + "".join(f"{r[k]:>{width}.0%}" for k in kinds))
    return out

"""Scenario-level warnings from a balance run: difficulty, dominant benefit, members who never matter."""
from __future__ import annotations

import numpy as np

from game.balance.simulate import BalanceRun
from game.balance.targets import (DOMINANT_SHARE, EXPERT_MAX, EXPERT_MIN, PIVOTAL_MIN, PRICE_ONLY_MAX,
                                  RANDOM_MAX)


def warnings_for(run: BalanceRun) -> list[str]:
    """Plain-English warnings for a trainer (empty when the scenario looks sound)."""
    out: list[str] = []
    s = run.summary()
    diff = run.difficulty
    tb = run.tables
    if "expert" in s:
        e = s["expert"]["win_rate"]
        lo, hi = EXPERT_MIN.get(diff, 0.6), EXPERT_MAX.get(diff, 0.97)
        if e < lo:
            out.append(f"too hard for '{diff}': the expert strategy wins {e:.0%} of games (expected at least "
                       f"{lo:.0%}); raise the vendor's capabilities on what the deciders care about, or "
                       f"soften the rivals' starting stances")
        elif e > hi:
            out.append(f"too easy for '{diff}': the expert strategy wins {e:.0%} of games (expected at most "
                       f"{hi:.0%}); mark it easier or strengthen the rivals")
    if "random" in s and s["random"]["win_rate"] > RANDOM_MAX:
        out.append(f"too easy: random play wins {s['random']['win_rate']:.0%} of games (at most "
                   f"{RANDOM_MAX:.0%} expected); the deal should need a plan")
    if "price_only" in s and s["price_only"]["win_rate"] > PRICE_ONLY_MAX:
        out.append(f"discounting wins: selling on price alone wins {s['price_only']['win_rate']:.0%} of games "
                   f"(at most {PRICE_ONLY_MAX:.0%} expected); give price less weight in the members' priorities")
    ref = run.runs.get("expert") or run.runs.get("oracle")
    if ref is not None and ref.pitches.sum() > 0:
        share = ref.pitches / ref.pitches.sum()
        b = int(np.argmax(share))
        if share[b] > DOMINANT_SHARE:
            out.append(f"one benefit dominates: '{tb.benefit_ids[b]}' takes {share[b]:.0%} of the expert's "
                       f"pitches; spread the members' top priorities over more benefits")
    runs = [r for r in run.runs.values() if r.name in ("expert", "oracle", "greedy")] or list(run.runs.values())
    if runs:
        pivotal = sum(r.pivotal for r in runs)
        present = sum(r.present for r in runs)
        for m in range(tb.M):
            if present[m] == 0:
                continue
            rate = pivotal[m] / present[m]
            if rate < PIVOTAL_MIN:
                row = tb.rows[m]
                out.append(f"member '{row.id}' ({row.title}) never matters: their vote decided the outcome in "
                           f"{rate:.1%} of games; raise their influence or give them a decision role")
    return out

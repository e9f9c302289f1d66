"""Scenario-level warnings from a balance run: difficulty, dominant benefit, members who never matter."""
from __future__ import annotations

import numpy as np

from game.balance.simulate import BalanceRun
from game.balance.targets import (DIFFICULTY_BANDS, DOMINANT_SHARE, PIVOTAL_MIN, POINTS_PER_MEMBER_MIN,
                                  PRICE_ONLY_MAX, RANDOM_MAX, REACH_MIN, RIVAL_AHEAD)


def warnings_for(run: BalanceRun) -> list[str]:
    """Plain-English warnings for a trainer (empty when the scenario looks sound)."""
    out: list[str] = []
    s = run.summary()
    diff = run.difficulty
    tb = run.tables
    if "expert" in s:
        out += difficulty_warnings(run)
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


def label_for(rate: float) -> str:
    """The difficulty label whose band holds an expert win rate (the nearest band outside them all)."""
    for label, (lo, hi) in DIFFICULTY_BANDS.items():
        if lo <= rate < hi:
            return label
    return "hard"


def difficulty_warnings(run: BalanceRun) -> list[str]:
    """The label against the expert's measured win rate (targets.DIFFICULTY_BANDS), with the likely causes."""
    diff = run.difficulty if run.difficulty in DIFFICULTY_BANDS else "normal"
    e = run.summary()["expert"]["win_rate"]
    lo, hi = DIFFICULTY_BANDS[diff]
    if lo <= e < hi:
        return []
    measured = label_for(e)
    band = f"{lo:.0%}-{min(hi, 1.0):.0%}"
    if e < lo:
        why = hardness_causes(run)
        text = (f"harder than its label '{diff}': the expert strategy wins {e:.0%} of games ('{diff}' expects "
                f"{band}; that rate is '{measured}')")
        return [text + ("; likely because " + "; ".join(why) if why else "")
                + f"; mark it '{measured}' or make it easier"]
    return [f"easier than its label '{diff}': the expert strategy wins {e:.0%} of games ('{diff}' expects {band}; "
            f"that rate is '{measured}'); mark it '{measured}', or strengthen the rivals or give fewer action points"]


def hardness_causes(run: BalanceRun) -> list[str]:
    """Why the expert wins less than the label promises, where the figures say it."""
    tb = run.tables
    out = []
    pre = int(tb.points[: tb.decision + 1].sum())
    members = max(tb.n_initial, 1)
    if pre / members < POINTS_PER_MEMBER_MIN:
        out.append(f"too few points per member ({pre} action points before the decision for {members} members, "
                   f"{pre / members:.1f} each; about {POINTS_PER_MEMBER_MIN:.0f} let a seller ask and pitch everyone)")
    expert = run.runs["expert"]
    for m in np.flatnonzero(tb.decider[: tb.n_initial]).tolist():
        if expert.present[m] == 0:
            continue
        reach = expert.engaged[m] / expert.present[m]
        if reach < REACH_MIN:
            row = tb.rows[m]
            gate = f", behind '{row.gated_by}'" if row.gated_by else ""
            out.append(f"an unreachable decider: the expert reached '{row.id}' ({row.title}{gate}) in only "
                       f"{reach:.0%} of games")
    w = tb.weight[: tb.n_initial] * tb.decider[: tb.n_initial]
    if tb.K and w.sum() > 0:
        lead = (tb.rival0[:, : tb.n_initial] - tb.stance0[: tb.n_initial]) @ w / w.sum()
        k = int(np.argmax(lead))
        if lead[k] >= RIVAL_AHEAD:
            out.append(f"a rival far ahead: '{tb.rival_ids[k]}' starts {lead[k]:+.2f} ahead of you with the deciders")
    if not out and expert.rate(1) > 0.15:
        out.append(f"rivals win {expert.rate(1):.0%} of the expert's games")
    return out

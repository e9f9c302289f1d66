"""Scenario-level warnings from a balance run: difficulty, the ladder's weak rungs, dominant benefit, members who
never matter."""
from __future__ import annotations

import numpy as np

from game.balance.simulate import BalanceRun
from game.balance.targets import (DIFFICULTY_BANDS, DOMINANT_SHARE, LADDER_BANDS, PIVOTAL_MIN,
                                  POINTS_PER_MEMBER_MIN, PRICE_ONLY_MAX, RANDOM_MAX, REACH_MIN, RIVAL_AHEAD)
from game.balance.whatif import MIN_EFFECT, lever_effects
from game.engine.tables import EVENT_CODES


def warnings_for(run: BalanceRun) -> list[str]:
    """Plain-English warnings for a trainer (empty when the scenario looks sound)."""
    out: list[str] = []
    s = run.summary()
    diff = run.difficulty
    tb = run.tables
    if "expert" in s:
        out += difficulty_warnings(run)
    out += ladder_warnings(run)
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
    """The label against the expert's measured win rate (targets.DIFFICULTY_BANDS), with the likely causes;
    silent while the band lies within the sampling noise of the games played (``noise``)."""
    diff = run.difficulty if run.difficulty in DIFFICULTY_BANDS else "normal"
    expert = run.summary()["expert"]
    e, margin = expert["win_rate"], noise(expert)
    lo, hi = DIFFICULTY_BANDS[diff]
    if lo - margin <= e < hi + margin:
        return []
    measured = label_for(e)
    band = f"{lo:.0%}-{min(hi, 1.0):.0%}"
    if e < lo:
        why = hardness_causes(run)
        if e < min(low for low, _ in DIFFICULTY_BANDS.values()):     # below every band: no label fits
            rate, advice = "no label is that hard", "make it easier"
        else:
            rate, advice = f"that rate is '{measured}'", f"mark it '{measured}' or make it easier"
        text = (f"harder than its label '{diff}': the expert strategy wins {e:.0%} of games ('{diff}' expects "
                f"{band}; {rate})")
        return [text + ("; likely because " + "; ".join(why) if why else "") + f"; {advice}"]
    return [f"easier than its label '{diff}': the expert strategy wins {e:.0%} of games ('{diff}' expects {band}; "
            f"that rate is '{measured}'); mark it '{measured}', or strengthen the rivals or give fewer action points"]


def hardness_causes(run: BalanceRun) -> list[str]:
    """Why the expert wins less than the label promises, measured: each lever of ``whatif`` (enough points per
    member, open doors, no rival ahead, capabilities matched) is pulled alone on the same seeded games, and
    the levers that lift the expert's win rate by at least ``whatif.MIN_EFFECT`` are named, largest first,
    with the figures.  When none does, the rivals' share of the expert's games is the remaining clue."""
    tb = run.tables
    expert = run.runs["expert"]
    out = []
    for lever, base, rate in lever_effects(tb, expert.games, run.seed):
        if rate - base < MIN_EFFECT:
            continue
        out.append(f"{CAUSES[lever](run)} (measured: {WHAT_IF_TEXT[lever]} the expert wins {rate:.0%} instead of "
                   f"{base:.0%})")
    if not out and expert.rate(1) > 0.15:
        out.append(f"rivals win {expert.rate(1):.0%} of the expert's games")
    return out


def few_points(run: BalanceRun) -> str:
    tb = run.tables
    pre = int(tb.points[: tb.decision + 1].sum())
    members = max(tb.n_initial, 1)
    return (f"too few points per member ({pre} action points before the decision for {members} members, "
            f"{pre / members:.1f} each; about {POINTS_PER_MEMBER_MIN:.0f} let a seller ask and pitch everyone)")


def closed_gates(run: BalanceRun) -> str:
    tb, expert = run.tables, run.runs["expert"]
    gated = [m for m in range(tb.n_initial) if tb.gate0[m] >= 0 and expert.present[m] > 0]
    if not gated:
        return "members out of reach behind gatekeepers"
    reach = {m: expert.engaged[m] / expert.present[m] for m in gated}
    deciders = [m for m in gated if tb.decider[m]]
    m = min(deciders or gated, key=lambda m: (reach[m], -tb.weight[m]))
    row = tb.rows[m]
    if reach[m] < REACH_MIN:
        what = "an unreachable decider" if tb.decider[m] else "a member out of reach"
        return (f"{what}: the expert reached '{row.id}' ({row.title}, behind '{row.gated_by}') in only "
                f"{reach[m]:.0%} of games")
    return (f"a gatekeeper in the way: '{row.id}' ({row.title}) is behind '{row.gated_by}'; the expert gets "
            f"through in {reach[m]:.0%} of games, at a cost")


def rival_ahead(run: BalanceRun) -> str:
    tb = run.tables
    n = tb.n_initial
    w = tb.weight[:n] * np.where(tb.decider[:n], 1.0, 0.0)
    if w.sum() == 0:
        w = tb.weight[:n]
    lead = (tb.rival0[:, :n] - tb.stance0[:n]) @ w / max(w.sum(), 1e-12)
    k = int(np.argmax(lead))
    far = "a rival far ahead" if lead[k] >= RIVAL_AHEAD else "a rival ahead"
    return f"{far}: '{tb.rival_ids[k]}' starts {lead[k]:+.2f} ahead of you with the deciders"


def weaker_capabilities(run: BalanceRun) -> str:
    tb = run.tables
    better = tb.rcap.max(axis=0) > tb.cap
    names = ", ".join(f"'{b}'" for b in np.asarray(tb.benefit_ids)[better][:3])
    return f"capabilities below the rivals' ({int(better.sum())} of {tb.B} benefits, such as {names})"


CAUSES = {"points": few_points, "gates": closed_gates, "rivals": rival_ahead, "capabilities": weaker_capabilities}
WHAT_IF_TEXT = {"points": f"with about {POINTS_PER_MEMBER_MIN:.0f} points per member",
                "gates": "with the gatekeepers open to you", "rivals": "with no rival starting ahead",
                "capabilities": "with capabilities as good as the best rival's"}


def ladder_warnings(run: BalanceRun) -> list[str]:
    """The ladder's weaker rungs against ``targets.LADDER_BANDS`` (issue 12): a seller who never asks, or a
    beginner who ignores gatekeepers, stages and proofs, winning too often means the deal does not reward
    what the game teaches; a beginner who never wins is a cliff.  Only rates outside the band by more than
    the sampling noise of the games played (``noise``) are named, and what in the file lets the weak rungs
    through, where the tables show it."""
    s = run.summary()
    out = []
    if "greedy" in s:
        g, hi = s["greedy"]["win_rate"], LADDER_BANDS["greedy"][1]
        if g - noise(s["greedy"]) > hi:
            why = push_through(run)
            out.append(f"asking barely pays: a seller who never asks (greedy) wins {g:.0%} of games (at most "
                       f"{hi:.0%} expected)" + ("; " + "; ".join(why) if why else "") +
                       "; give a member whose worry can stop the deal alone a reason to worry, or spread the "
                       "decision weight")
    if "novice" in s:
        n, (lo, hi) = s["novice"]["win_rate"], LADDER_BANDS["novice"]
        if n - noise(s["novice"]) > hi:
            out.append(f"a beginner wins too often: the novice (asks whoever is in the meeting, ignores "
                       f"gatekeepers, stages and proofs) wins {n:.0%} of games (at most {hi:.0%} expected); give "
                       f"the deal something only a careful seller handles: a proof a member expects, a hidden "
                       f"concern, stages whose emphasis moves, a member who may turn against it")
        elif n + noise(s["novice"]) < lo:
            out.append(f"a cliff for beginners: the novice wins {n:.1%} of games (at least {lo:.0%} expected), "
                       f"so a learner gets no sense of getting closer; a mobilizer (a member who speaks to a "
                       f"gated decider: 'influences') or more action points let a beginner win sometimes")
    return out


def push_through(run: BalanceRun) -> list[str]:
    """What lets a seller who never asks win: the heaviest two members holding the majority a vendor needs, and
    members who turn against the deal (an event) but weigh too little to stop it alone."""
    tb, p = run.tables, run.tables.params
    n = tb.n_initial
    w = tb.weight[:n]
    out = []
    if n >= 3:
        a, b = np.argsort(-w, kind="stable")[:2]
        share = (w[a] + w[b]) / w.sum()
        if share >= p.consensus:
            out.append(f"'{tb.rows[a].id}' and '{tb.rows[b].id}' alone hold {share:.0%} of the decision weight "
                       f"(a vendor needs {p.consensus:.0%})")
    for e in np.flatnonzero(np.asarray(tb.ev_type) == EVENT_CODES["member_turns_blocker"]):
        m = int(tb.ev_member[e])
        if 0 <= m < tb.M and tb.weight[m] < p.stall_weight:
            out.append(f"'{tb.rows[m].id}' may turn against the deal but weighs too little to stop it alone "
                       f"(decision weight {tb.weight[m]:.2f}, {p.stall_weight:.2f} stalls)")
    return out


def noise(rate_summary: dict) -> float:
    """Two standard errors of a strategy's win rate over the games it played."""
    r, n = rate_summary["win_rate"], max(rate_summary.get("games", 0), 1)
    return 2.0 * float(np.sqrt(r * (1.0 - r) / n))

"""Is the score a valid leaderboard?  Checks on a balance summary (keyed by strategy name).

    spearman(x, y)                 rank correlation with average ranks for ties
    leaderboard_checks(summary)    [(check, met, figure)]: the order of mean scores matches the order of win
                                   rates (Spearman >= SPEARMAN_MIN), the oracle's mean score >= the expert's,
                                   and any two strategies whose win rates differ by >= PAIR_GAP rank the same
                                   by mean score
    ladder_checks(summary)         [(check, met, figure)]: the ladder's shape (targets.LADDER_BANDS, the
                                   memorizer >= MEMORIZER_GAP below the expert, the expert >=
                                   LADDER_EXPERT_VS_ORACLE x the oracle), for the rungs the summary has
"""
from __future__ import annotations

import numpy as np

from game.balance.targets import (LADDER_BANDS, LADDER_EXPERT_VS_ORACLE, MEMORIZER_GAP, PAIR_GAP,
                                  SPEARMAN_MIN)


def ranks(values) -> np.ndarray:
    """Ranks 1..n, ties sharing their average rank."""
    v = np.asarray(values, dtype=float)
    order = np.argsort(v, kind="stable")
    r = np.empty(len(v))
    r[order] = np.arange(1, len(v) + 1)
    for x in np.unique(v):
        same = v == x
        r[same] = r[same].mean()
    return r


def spearman(x, y) -> float:
    """Spearman's rank correlation (Pearson's on average ranks); 1.0 when either side has no spread."""
    a, b = ranks(x), ranks(y)
    a, b = a - a.mean(), b - b.mean()
    den = float(np.sqrt((a * a).sum() * (b * b).sum()))
    return float((a * b).sum() / den) if den > 0 else 1.0


def misordered_pairs(summary: dict, gap: float = PAIR_GAP) -> list[tuple[str, str]]:
    """(winner, other): the first wins >= ``gap`` more often but does not have the higher mean score."""
    names = list(summary)
    out = []
    for a in names:
        for b in names:
            sa, sb = summary[a], summary[b]
            if sa["win_rate"] - sb["win_rate"] >= gap and not sa["mean_score"] > sb["mean_score"]:
                out.append((a, b))
    return out


def leaderboard_checks(summary: dict) -> list[tuple[str, bool, str]]:
    names = list(summary)
    rho = spearman([summary[n]["win_rate"] for n in names], [summary[n]["mean_score"] for n in names])
    out = [(f"score order matches win order (Spearman >= {SPEARMAN_MIN})", rho >= SPEARMAN_MIN, f"{rho:.3f}")]
    if "oracle" in summary and "expert" in summary:
        o, e = summary["oracle"]["mean_score"], summary["expert"]["mean_score"]
        out.append(("oracle mean score >= expert's", o >= e, f"{o:.1f} vs {e:.1f}"))
    bad = misordered_pairs(summary)
    out.append((f"win rates {PAIR_GAP:.0%}+ apart rank the same by score", not bad,
                ", ".join(f"{a}>{b}" for a, b in bad) or "none misordered"))
    return out


def ladder_checks(summary: dict) -> list[tuple[str, bool, str]]:
    win = {n: s["win_rate"] for n, s in summary.items()}
    out = []
    for name, (lo, hi) in LADDER_BANDS.items():
        if name in win:
            out.append((f"{name} wins {lo:.0%}-{hi:.0%}", lo <= win[name] <= hi, f"{win[name]:.3f}"))
    if "memorizer" in win and "expert" in win:
        gap = win["expert"] - win["memorizer"]
        out.append((f"memorizer >= {MEMORIZER_GAP:.0%} below the expert", gap >= MEMORIZER_GAP, f"{gap:.3f}"))
    if "oracle" in win and "expert" in win:
        e, o = win["expert"], win["oracle"]
        out.append((f"expert >= {LADDER_EXPERT_VS_ORACLE} x oracle", e >= LADDER_EXPERT_VS_ORACLE * o,
                    f"{e:.3f} vs {o:.3f}"))
    return out

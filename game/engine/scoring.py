"""Score parts (0..1 each), the total (0..1000) and the grade, computed from the recorded arrays.

    outcome       won: won_base + (1 - won_base) * (1 - discount used / discount_max);
                  no decision: no_decision_score; lost: 0
    alignment     sum(influence x activity x care) / sum(influence x activity) over the player's pitches
    coverage      share of influence (members present at the end with influence >= coverage_influence)
                  that the player engaged at least once
    efficiency    1 - efficiency_discount x discount used / discount_max
                    - efficiency_waste x wasted points / points spent   (0 if nothing was spent)
    relationship  final rung / 7; without a win: evaluator (1) if the influence-weighted mean
                  stance >= evaluator_stance, else prospect (0)
"""
from __future__ import annotations

import numpy as np

from game.engine.state import NO_DECISION, WON
from game.engine.tables import Tables
from game.engine.types import SCORE_PARTS

GRADES = ((900, "S"), (800, "A"), (650, "B"), (500, "C"), (350, "D"), (0, "F"))


def final_rung(st, tb: Tables) -> np.ndarray:
    w = tb.influence * st.present
    mean = (w * st.stance).sum(axis=1) / np.maximum(w.sum(axis=1), 1e-9)
    return np.where(st.rung >= 0, st.rung, np.where(mean >= tb.params.evaluator_stance, 1, 0))


def score_parts(st, tb: Tables) -> np.ndarray:
    """(G,5) parts in SCORE_PARTS order."""
    p = tb.params
    disc = st.discount_steps / max(p.discount_max, 1)
    outcome = np.where(st.outcome == WON, p.won_base + (1 - p.won_base) * (1 - disc),
                       np.where(st.outcome == NO_DECISION, p.no_decision_score, 0.0))
    alignment = np.divide(st.align_num, st.align_den, out=np.zeros(st.G), where=st.align_den > 0)
    key = st.present & (tb.influence >= p.coverage_influence)
    key = np.where(key.any(axis=1, keepdims=True), key, st.present)
    w = tb.influence * key
    coverage = (w * (st.engaged > 0)).sum(axis=1) / np.maximum(w.sum(axis=1), 1e-9)
    spent = st.spent + st.post_spent
    eff = 1 - p.efficiency_discount * disc - p.efficiency_waste * st.wasted / np.maximum(spent, 1)
    efficiency = np.where(spent > 0, np.clip(eff, 0.0, 1.0), 0.0)
    relationship = final_rung(st, tb) / 7.0
    return np.stack([outcome, alignment, coverage, efficiency, relationship], axis=1)


def totals(parts: np.ndarray, tb: Tables) -> np.ndarray:
    """(G,) integer totals 0..1000."""
    return np.clip(np.rint(1000 * parts @ tb.score_weights), 0, 1000).astype(np.int64)


def grade(total: int) -> str:
    for floor, letter in GRADES:
        if total >= floor:
            return letter
    return "F"


assert SCORE_PARTS == ("outcome", "alignment", "coverage", "efficiency", "relationship")

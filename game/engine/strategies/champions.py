"""How a planner values a champion (game/engine/champion.py), from what a player can see.

Who speaks to whom (the scenario's links) and every stance are on the board, and so is the public rule:
a member at or above ``champion_stance`` carries the player's case to the colleagues they influence at
the end of every round up to the decision.  ``ChampionView.bonus(delta)`` is the rise of the planner's
win-chance estimate (``expert.Board``) from what member m would carry to colleagues over the rounds
left if m gained ``delta`` now, beyond what m carries already.
"""
from __future__ import annotations

import numpy as np

from game.engine import effects


class ChampionView:
    """Per slot: the carry each member gives now, and the value of raising it."""

    def __init__(self, bd, st, tb, weight: float):
        p = tb.params
        self.bd, self.p, self.weight = bd, p, weight
        self.rounds = bd.left + 1                   # spreads still to come, the one of this round included
        self.links = tb.links & st.present[:, :, None] & st.present[:, None, :] if weight > 0 else None
        self.speakers = np.flatnonzero(tb.links.any(axis=1)) if weight > 0 else np.zeros(0, np.int64)
        self.influence = tb.influence
        self.now = {int(m): bd.row_gain(self.carry(m, st.stance[:, m])) for m in self.speakers}

    def carry(self, m: int, s: np.ndarray) -> np.ndarray:
        """(G,M) stance colleagues of member m would gain over the rounds left if m's stance were ``s`` (G,)."""
        p = self.p
        gap = s[:, None] - self.bd.s
        step = np.minimum(p.champion_spread * self.influence[m] * gap, p.champion_cap)
        total = np.minimum(step * self.rounds, gap)
        on = self.links[:, m] & (s[:, None] >= p.champion_stance) & (gap > 0)
        return np.where(on, total, 0.0)

    def bonus(self, delta: np.ndarray) -> np.ndarray:
        """(G,M) value of member m gaining ``delta`` (G,M) for what m then carries to colleagues."""
        out = np.zeros(delta.shape)
        if self.weight <= 0:
            return out
        p = self.p
        after = effects.nudge(self.bd.s, delta)
        for m in self.speakers:
            m = int(m)
            can = after[:, m] >= p.champion_stance
            if not can.any():
                continue
            gain = self.bd.row_gain(self.carry(m, after[:, m])) - self.now[m]
            out[:, m] = np.where(can, np.maximum(gain, 0.0), 0.0)
        return self.weight * out

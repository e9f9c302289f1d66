"""``oracle``: the honest ceiling — reads every member's true priorities and plans with them.

It sees what no player can: true priorities and credibility, and whether a
pilot is doomed by a hidden event.  It does not peek at future random draws
(event rolls, the decision's noise).  It uses the planner's valuation with
perfect information and asks wherever pitches will follow (the engine lands
pitches to members never asked at ``blind_factor``).  Of the variants tried
(with and without discounts, several ask weights) this one wins most often;
nothing in it is handicapped.
"""
from __future__ import annotations

from game.engine.strategies.planner import PlannerStrategy, Style


class OracleStrategy(PlannerStrategy):
    name = "oracle"
    sees_hidden = True
    description = "sees hidden priorities and plans with them (the ceiling)"
    style = Style(hidden=True, ask_value=6.0, gate_share=0.6, open_vote=0.0)

"""``expert``: plays the way DOMAIN.md teaches, from what a player can see.

Asks before it pitches (an unasked member is never pitched), pitches each
member's revealed top priorities weighted by influence, role and how active
the member is in this stage, shows references to deciders and demos to users
and influencers, works the gatekeeper (pitches them while they keep a member
out, and asks for a referral as soon as someone can give one), runs the
pilot when the vendor's quality makes it worth the risk, never discounts.
See ``planner`` for the valuation.
"""
from __future__ import annotations

from game.engine.strategies.planner import PlannerStrategy, Style


class ExpertStrategy(PlannerStrategy):
    name = "expert"
    description = "asks first, pitches revealed priorities by influence and stage, references, demos, gatekeeper"
    style = Style(hidden=False, ask_value=1.0, reask_value=0.5, gate_share=0.6, open_vote=0.0)

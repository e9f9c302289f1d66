"""``expert``: plays the way DOMAIN.md teaches, from what a player can see.

Asks before it pitches (an unasked member is never pitched) and asks every
member who could stall the deal (a member nobody listened to may hold an
unspoken concern), pitches each member's revealed top priorities weighted
by influence, role, how open their vote still is and how active the member
is in this stage (and above all members heavy enough to stall the deal
whose stance is close to doing nothing), shows references to deciders and demos to users and
influencers, works the gatekeeper (pitches them while they keep a member
out, and asks for a referral as soon as someone can give one), runs the
pilot when the vendor's quality makes it worth the risk, and gives a
discount when it wins over buyers and price-minded members for little margin.
See ``planner`` for the valuation.
"""
from __future__ import annotations

from game.engine.strategies.planner import PlannerStrategy, Style


class ExpertStrategy(PlannerStrategy):
    name = "expert"
    description = "asks everyone first, pitches revealed priorities by influence and stage, references, demos, gatekeeper"
    style = Style(hidden=False, ask_value=2.0, reask_value=0.5, gate_share=0.6, open_vote=1.5, stall_value=3.0,
                  discount=True, discount_cost=0.02)

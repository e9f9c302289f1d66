"""``discount_first``: opens with every discount the deal allows, then sells like the expert.

The seller who leads with price: each slot it gives a discount while one is
left (up to ``discount_max``), and only then plays the expert's plan
(``expert.plan_slot`` with the expert's knobs).  A discount moves only the
members who care about price or cost (effects.discount_delta) and gives away
margin, so against the expert it shows what leading with price costs: points
spent where few listen, and the margin (docs/model.md § 3).
"""
from __future__ import annotations

import numpy as np

from game.engine import legality
from game.engine.strategies.base import DISCOUNT
from game.engine.strategies.expert import ExpertStrategy, plan_slot


class DiscountFirstStrategy(ExpertStrategy):
    name = "discount_first"
    description = "gives every discount first, then sells like the expert"

    def choose(self, st, tb, rng, ctx):
        kind, member, benefit = plan_slot(st, tb, self.knobs)
        give = legality.kind_legal(st, tb, DISCOUNT)
        return (np.where(give, DISCOUNT, kind), np.where(give, -1, member), np.where(give, -1, benefit))

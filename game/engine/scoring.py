"""Score parts (0..1 each), the total (0..1000) and the grade: each part judges what the player could
have known and done, so that a higher score goes with a higher chance of winning (docs/model.md § 9).

    outcome       won: won_base + (1 - won_base) x (1 - discounts / discount_max) - service_cost x post-sale
                  points spent / post-sale points of the game   (the margin kept: service effort costs margin);
                  not won (lost or no decision): no_decision_score x closeness, where closeness =
                  min(1, the player's backing share at the decision / consensus)
    alignment     mean over the player's pitches, weighted by influence x activity, of the pitch's quality:
                  its stance value (care x capability x pitch_decay**earlier pitches of it, x blind_factor
                  when the member was never asked; 0 when wasted) / the best value among the benefits the
                  player knew for that member at that moment (what one ask shows, when never asked) —
                  capped at 1, so switching to a second priority once the first has worn out costs nothing
    coverage      sum over members present at the end of c(m) x heard(m) / sum of c(m), where
                  c(m) = decision weight x (1 + [weight >= stall_weight] + [decider with influence >=
                  veto_influence]) and heard = 1 if asked, 1/2 if only engaged otherwise, else 0
    efficiency    1 - efficiency_waste x (wasted points + idle points) / points available in the rounds
                  played (0 if nothing was spent)
    relationship  won: (customer rung 3 + (final rung - 3) x the account's potential) / 7, so loyalty beyond
                  the first purchase is worth the repeat business the account can bring (scenario
                  ``potential``: potential_low / _medium / _high); without a win: evaluator (1) if the
                  influence-weighted mean stance >= evaluator_stance, else prospect (0)
    The account type (key account, strategic partner, nomad, zombie = loyalty x effort, postsale.py) counts
    through these two parts: loyalty in relationship (times the potential), effort in the outcome's margin.
"""
from __future__ import annotations

import numpy as np

from game.engine.knowledge import REVEAL_LIMITS
from game.engine.state import NO_DECISION, WON
from game.engine.tables import Tables
from game.engine.types import SCORE_PARTS

GRADES = ((900, "S"), (800, "A"), (650, "B"), (500, "C"), (350, "D"), (0, "F"))


def pitch_quality(tb: Tables, care, rank, count, revealed, gm, b, informed, top=None, pitched=None) -> np.ndarray:
    """(n,) quality 0..1 of n pitches of benefit ``b`` (n,) to member cells ``gm`` (game * M + member): the
    pitch's value / the best value among the benefits the player knew for that member then.

    ``care``, ``rank``, ``count`` are the flat (G*M*B) views of the true care, the priority ranks and the
    pitch counts before the pitch; ``revealed`` (n,) the members' reveal levels; ``informed`` (n,) whether
    they were ever asked.  The best choice is looked for among the benefits the player knew (at least the
    top one: a pitch to a member never asked is judged against what one ask shows).

    Shortcuts (same values): ``top`` (n,) the members' top benefits (``st.top`` at the cells, what the
    argmin over ``rank`` gives) and ``pitched`` = (care, count) already read at the pitched cells.
    """
    p = tb.params
    B = tb.B
    base = gm * B

    def value(cells, benefit, c=None, n=None):
        c = care.take(cells) if c is None else c
        v = c * tb.cap.take(benefit) * tb.pitch_pow.take(count.take(cells) if n is None else n)
        return np.where(c >= p.care_threshold, v, 0.0)

    mine = value(base + b, b) if pitched is None else value(None, b, *pitched)
    # the top priority (all that is known at reveal level 0 or 1)
    if top is None:
        top = rank.take(base[:, None] + np.arange(B)).argmin(axis=1)
    best = value(base + top, top)
    deep = np.flatnonzero(revealed >= 2)            # top three or all known: every known benefit counts
    if len(deep):
        rows = base.take(deep)[:, None] + np.arange(B)
        known = rank.take(rows) < REVEAL_LIMITS.take(revealed.take(deep))[:, None]
        vals = value(rows, np.arange(B)[None, :])
        best[deep] = np.where(known, vals, 0.0).max(axis=1)
    q = np.divide(mine * np.where(informed, 1.0, p.blind_factor), best, out=np.where(mine > 0, 1.0, 0.0),
                  where=best > 0)
    return np.minimum(q, 1.0)


def coverage_weight(tb: Tables) -> np.ndarray:
    """(M,) c(m): decision weight, doubled for a member who can stall alone, and again for a vetoer."""
    p = tb.params
    stall = tb.weight >= p.stall_weight
    veto = tb.decider & (tb.influence >= p.veto_influence)
    return tb.weight * (1.0 + stall + veto)


def account_value(st, tb: Tables) -> np.ndarray:
    """(G,) the relationship part's rung for won games: 3 + (rung - 3) x potential (see the module doc)."""
    return 3.0 + (st.rung - 3.0) * tb.potential


def service_share(st, tb: Tables) -> np.ndarray:
    """(G,) post-sale points spent / the post-sale points of the game (0 without post-sale stages)."""
    total = int(tb.points[tb.decision + 1:].sum())
    return st.post_spent / total if total > 0 else np.zeros(st.G)


def final_rung(st, tb: Tables) -> np.ndarray:
    w = tb.influence * st.present
    mean = (w * st.stance).sum(axis=1) / np.maximum(w.sum(axis=1), 1e-9)
    return np.where(st.rung >= 0, st.rung, np.where(mean >= tb.params.evaluator_stance, 1, 0))


def closeness(st, tb: Tables) -> np.ndarray:
    """(G,) how close the vote came: the player's backing share / consensus, at most 1."""
    return np.minimum(st.share[:, 0] / max(tb.params.consensus, 1e-9), 1.0)


def points_available(st, tb: Tables) -> np.ndarray:
    """(G,) action points of the rounds each game played."""
    cum = np.concatenate([[0], np.cumsum(tb.points)])
    return cum.take(np.minimum(st.rounds_played, tb.n_rounds))


def score_parts(st, tb: Tables) -> np.ndarray:
    """(G,5) parts in SCORE_PARTS order."""
    p = tb.params
    disc = st.discount_steps / max(p.discount_max, 1)
    kept = p.won_base + (1 - p.won_base) * (1 - disc) - p.service_cost * service_share(st, tb)
    outcome = np.where(st.outcome == WON, kept,
                       np.where(st.outcome >= 0, p.no_decision_score * closeness(st, tb), 0.0))
    alignment = np.divide(st.align_num, st.align_den, out=np.zeros(st.G), where=st.align_den > 0)
    c = coverage_weight(tb) * st.present
    heard = np.where(st.asks > 0, 1.0, np.where(st.engaged > 0, 0.5, 0.0))
    coverage = (c * heard).sum(axis=1) / np.maximum(c.sum(axis=1), 1e-9)
    spent = st.spent + st.post_spent
    available = points_available(st, tb)
    idle = np.maximum(available - spent, 0)
    eff = 1 - p.efficiency_waste * (st.wasted + idle) / np.maximum(available, 1)
    efficiency = np.where(spent > 0, np.clip(eff, 0.0, 1.0), 0.0)
    relationship = np.where(st.outcome == WON, account_value(st, tb), final_rung(st, tb)) / 7.0
    # selling well that did not win the vote counts at the share of the vote it won
    near = np.where(st.outcome == WON, 1.0, closeness(st, tb))
    return np.stack([outcome, alignment * near, coverage * near, efficiency * near, relationship], axis=1)


def totals(parts: np.ndarray, tb: Tables) -> np.ndarray:
    """(G,) integer totals 0..1000."""
    return np.clip(np.rint(1000 * parts @ tb.score_weights), 0, 1000).astype(np.int64)


def grade(total: int) -> str:
    for floor, letter in GRADES:
        if total >= floor:
            return letter
    return "F"


assert SCORE_PARTS == ("outcome", "alignment", "coverage", "efficiency", "relationship")

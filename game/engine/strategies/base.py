"""What every baseline strategy shares: the interface, the round loop and small vectorised helpers.

A strategy decides one action "slot" at a time for a whole batch of games:

    class MyStrategy(Strategy):
        name = "mine"
        def choose(self, st, tb, rng, ctx):      # -> (kind, member, benefit), three (G,) int arrays
            ...

``play_round`` calls ``start_round`` once, then ``choose`` / ``apply_slot``
until every game has spent its points or passed (NOOP).  The same loop runs
the batch (``run.play_batch``) and a single ``Game`` (``run.plan_round``, on a
copy of the game's G=1 state), so both paths play by one policy.

Fair strategies read only what a player may know: revealed priorities
(``knowledge.known_care``), stances, the leading rival's stance, presence and
locks, referrals, points, the stage's public activity, role and influence,
vendor capabilities and the player's own action counters.  Only strategies with
``sees_hidden = True`` (the oracle) may read ``st.care``, ``st.cred`` or ``st.prio``.
"""
from __future__ import annotations

import numpy as np

from game.engine import actions as A
from game.engine import effects, knowledge, legality
from game.engine.state import BatchState
from game.engine.fastops import first_argmax_T  # noqa: F401  (re-exported: strategies use it)
from game.engine.tables import Tables

NOOP = A.NOOP
ASK, PITCH, REFERENCE, DEMO, PILOT, DISCOUNT, REFER = A.ASK, A.PITCH, A.REFERENCE, A.DEMO, A.PILOT, A.DISCOUNT, A.REFER
DELIVER, SUPPORT, TRAIN, REVIEW = A.DELIVER, A.SUPPORT, A.TRAIN, A.REVIEW
COST = A.COST
USER_ROLE = 1                      # column of "user" in ROLES


class Strategy:
    """Base class: override ``choose`` (pre-sale) and optionally ``start_round`` / ``choose_post``."""

    name = "base"
    sees_hidden = False
    description = ""
    #: True when ``choose`` (pre-sale) only ever proposes legal actions (or NOOP): ``play_round`` then
    #: skips the per-slot legality mask (tested against slot_legal: test_engine_fastpaths)
    proposes_legal = False
    #: True when the strategy never draws from its ``rng`` and decides each game from that game's own rows
    #: only: a batch's games may then be played in parts (``BatchGame`` rows) with the same results
    #: (``balance.simulate.PARTS``; tested in test_balance_workers)
    splits_games = False

    def start_round(self, st: BatchState, tb: Tables, rng: np.random.Generator):
        """Per-round context handed to every ``choose`` call of the round.

        Default: None before the decision, the service plan's context after it.
        """
        return service_context(st, tb) if st.round > tb.decision else None

    def choose(self, st: BatchState, tb: Tables, rng: np.random.Generator, ctx):
        raise NotImplementedError

    def choose_post(self, st: BatchState, tb: Tables, rng: np.random.Generator, ctx):
        """Post-sale rounds: the service plan shared by the sensible strategies."""
        return service_slot(st, tb, ctx)

    def slot(self, st: BatchState, tb: Tables, rng: np.random.Generator, ctx):
        if st.round > tb.decision:
            return self.choose_post(st, tb, rng, ctx)
        return self.choose(st, tb, rng, ctx)

    def __repr__(self) -> str:
        return f"<strategy {self.name}>"


def play_round(st: BatchState, tb: Tables, strategy: Strategy, rng: np.random.Generator,
               record: list | None = None, tally: np.ndarray | None = None) -> None:
    """Let ``strategy`` spend the current round's points in every active game (does not end the round).

    ``record`` (G=1 only) collects the applied (kind, member, benefit) triples in order;
    ``tally`` (G, number of action kinds) ints, if given, counts the applied actions per game and kind.
    """
    ctx = strategy.start_round(st, tb, rng)
    trusted = getattr(strategy, "proposes_legal", False) and st.round <= tb.decision   # (any object with slot)
    limit = int(tb.points.max()) + 2
    for _ in range(limit):
        if not (st.active & (st.points > 0)).any():
            break
        kind, member, benefit = strategy.slot(st, tb, rng, ctx)
        applied = A.apply_slot(st, tb, kind, member, benefit, trusted)
        if record is not None and applied[0]:
            record.append((int(kind[0]), int(member[0]), int(benefit[0])))
        if tally is not None:                  # tally[rows, kind[rows]] += 1, on flat cells (rows are distinct)
            rows = np.flatnonzero(applied)
            cells = rows * tally.shape[1] + kind.take(rows)
            flat_tally = tally.reshape(-1)
            flat_tally[cells] = flat_tally.take(cells) + 1
        if not applied.any():
            break


# ------------------------------------------------------------------ helpers
N_PRE = 7                          # pre-sale kinds a planner values (ASK .. REFER)


def seen_care(st: BatchState, tb: Tables, hidden: bool) -> tuple[np.ndarray, np.ndarray]:
    """(care (G,M,B), credibility (G,M)) as a planner may see them.

    ``hidden``: the true priorities and credibility (the oracle).  Otherwise the
    revealed priorities, and credibility estimated from them (the capability
    weighted by what is known; the mean capability where nothing is).
    """
    if hidden:
        return st.care, st.cred
    kc = knowledge.known_care(st)
    total = kc.sum(axis=2)
    mean_cap = float(tb.cap.mean()) if tb.B else 0.0
    cred = np.divide(kc @ tb.cap, total, out=np.full(total.shape, mean_cap), where=total > 0)
    return kc, cred


def best_slot(st: BatchState, vals: np.ndarray, mem: np.ndarray, pitch_benefit: np.ndarray):
    """A planner's slot from its values per kind: the best kind when worth more than nothing, else NOOP.

    ``vals`` (G,N_PRE) value per point of each kind's best action, ``mem`` (G,N_PRE)
    its member; pilot and discount aim at no member, a pitch at ``pitch_benefit``.
    """
    g = np.arange(st.G)
    kind = vals.argmax(axis=1)
    ok = st.active & (st.points > 0) & (vals[g, kind] > 0)
    kind = np.where(ok, kind, NOOP)
    member = np.where(ok & (kind != PILOT) & (kind != DISCOUNT), mem[g, np.maximum(kind, 0)], -1)
    benefit = np.where(kind == PITCH, pitch_benefit, -1)
    return kind, member, benefit


def reachable(st: BatchState) -> np.ndarray:
    """(G,M) members the player can address now (present and not behind a closed gate)."""
    return st.present & ~st.locked


def pick(values: np.ndarray, fallback: int = -1) -> tuple[np.ndarray, np.ndarray]:
    """Row-wise argmax of a (G,N) array and whether the best value is positive."""
    best = values.argmax(axis=1)
    ok = values[np.arange(len(values)), best] > 0
    return best, ok


def lead_rival(st: BatchState, tb: Tables) -> np.ndarray:
    """(G,M) stance toward the leading rival (what the player's board shows); 0 with no rivals."""
    return st.rival.max(axis=1) if tb.K else np.zeros_like(st.stance)


def status_quo_level(st: BatchState, tb: Tables) -> np.ndarray:
    """(G,1) utility of doing nothing for the present group (a public rule of the decision)."""
    p = tb.params
    n = st.present.sum(axis=1, keepdims=True)
    return p.status_quo + p.status_quo_group * np.log(np.maximum(n, 1))


class ServiceContext:
    """What the service plan needs that stays fixed for a post-sale round (presence does not change in it)."""

    __slots__ = ("base", "members")

    def __init__(self, st: BatchState, tb: Tables):
        p = tb.params
        G = st.G
        user = tb.roles[:, USER_ROLE]
        self.base = np.array([p.deliver_gain * tb.delivery_quality, p.support_gain * tb.support_quality,
                              p.train_gain * (1.0 if user.any() else 0.5),
                              p.review_gain * (1.0 if tb.decider.any() else 0.5)])
        infl = tb.influence * st.present                                           # (G,M)
        top_any = infl.argmax(axis=1)
        top_user = np.where((infl * user).max(axis=1) > 0, (infl * user).argmax(axis=1), top_any)
        top_dec = np.where((infl * tb.decider).max(axis=1) > 0, (infl * tb.decider).argmax(axis=1), top_any)
        self.members = np.stack([np.full(G, -1), top_any, top_user, top_dec])        # (4,G) by service kind


def service_context(st: BatchState, tb: Tables) -> ServiceContext:
    return ServiceContext(st, tb)


def service_slot(st: BatchState, tb: Tables, ctx=None):
    """Post-sale: the service action with the largest ladder progress now (deliver, support, train, review).

    Train aims at the most influential present user, review at the most
    influential present decider, support at the most influential member.
    """
    if not isinstance(ctx, ServiceContext):
        ctx = ServiceContext(st, tb)
    G = st.G
    # gain (4,G) = base x post_decay**uses; post_pow is that power as a (bit-identical) lookup table
    gain = ctx.base[:, None] * tb.post_pow.take(st.kind_uses.T)
    which, _ = first_argmax_T(gain)
    ok = st.active & (st.points > 0)
    kind = np.where(ok, DELIVER + which, NOOP)
    member = np.where(ok, ctx.members.reshape(-1).take(which * G + np.arange(G)), -1)
    return kind, member, np.full(G, -1)


def proof_instead(st: BatchState, tb: Tables, cred: np.ndarray, w: np.ndarray, kind: np.ndarray,
                  member: np.ndarray, best: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A reference (strong with deciders) or a demo (with users and influencers) in the games where it adds
    more weighted stance per point than the slot chosen so far: ``best`` its value (ignored where ``kind`` is
    NOOP: then any positive value wins).  ``cred`` (M,) the credibility the strategy assumes, ``w`` (G,M) its
    weight on each member's stance.  Returns the updated (kind, member)."""
    p, g = tb.params, np.arange(st.G)
    act = tb.activity[st.round]
    two = legality.member_legal(st, tb, REFERENCE)                     # same rules for a demo
    for k, delta in ((REFERENCE, effects.reference_delta(tb.decider, cred, act, st.shown, p, tb.show_pow)),
                     (DEMO, effects.demo_delta(tb.user_like, cred, act, st.shown, p, tb.show_pow))):
        v = np.where(two, delta * w / 2.0, -np.inf)                    # two points
        m = v.argmax(axis=1)
        better = v[g, m] > np.where(kind == NOOP, 0.0, best)
        kind = np.where(better, k, kind)
        member = np.where(better, m, member)
    return kind, member

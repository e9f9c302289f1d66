"""All mutable game state, as numpy arrays with a leading games axis G.

A ``BatchState`` holds G games of one scenario that advance round by round in
lockstep; games that are over keep their arrays but are masked out by
``active``.  Codes used in the arrays:

    outcome  -1 undecided, 0 won, 1 lost, 2 no decision   (index into OUTCOMES)
    winner   -1 nobody, 0 the player, 1+k rival k
    backing  -2 absent (or undecided), -1 status quo, 0 the player, 1+k rival k   (per member)
    rung     -1 not a customer yet, else index into LOYALTY_RUNGS
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.engine.customer import draw_codes
from game.engine import proofs
from game.engine.rivals import believed_menu
from game.engine.priorities import NEVER, care_of, credibility, priority_rank, top_benefit  # noqa: F401  (re-exported)
from game.engine.tables import Tables

UNDECIDED, WON, LOST, NO_DECISION = -1, 0, 1, 2
ABSENT = -2   # backing code of a member not present at the decision
#: dtype of the per-benefit counters (pitch_count, wasted_pitch): a count never exceeds the points of a game,
#: and 2 bytes instead of 8 keep a big batch's (G,M,B) counters in the CPU cache while pitching (sums of
#: them still add up in int64: numpy sums small integers in the platform integer)
COUNT = np.int16


@dataclass(slots=True, eq=False)
class BatchState:
    G: int
    round: int                   # index of the stage being played (same for all games)
    seed_children: list          # one SeedSequence per round
    # stances and knowledge
    stance: np.ndarray           # (G,M) toward the player
    start_stance: np.ndarray     # (G,M) this game's starting stances (customer.draw_customer; successors' too)
    rival: np.ndarray            # (G,K,M) toward each rival
    prio: np.ndarray             # (G,M,B) raw priority weights of this game's customer (budget cuts change them)
    variant: np.ndarray          # (G,M) row of each member's variant in the tables' v_* arrays (customer.py)
    moved: np.ndarray            # (G,) bool: an event moved this game's priorities off its variants
    concern: np.ndarray          # (G,M) hidden concern: -1 none, 0 reference, 1 demo, 2 pilot, 3+b pitch of b
    addressed: np.ndarray        # (G,M) bool: the concern was surfaced (a follow-up) and then addressed
    care: np.ndarray             # (G,M,B) prio x the stage's emphasis / its largest value (what matters NOW)
    rank: np.ndarray             # (G,M,B) rank of each benefit in the member's priorities (0 = top);
                                 #         NEVER for weight-0 benefits
    top: np.ndarray              # (G,M) int16: the benefit at rank 0 (priorities.top_benefit of ``rank``)
    cred: np.ndarray             # (G,M) player's credibility: care-weighted capability
    rcred: np.ndarray            # (G,K,M) each rival's credibility
    revealed: np.ndarray         # (G,M) 0..3: how deep the player has asked
    known_level: np.ndarray      # (G,M) 0..3: reveal level that holds in the current stage (a first answer
                                 #         is about that stage: a shift of emphasis makes it stale, 0)
    asks: np.ndarray             # (G,M) asks so far
    asked_now: np.ndarray        # (G,M) bool, asked in the current round
    pitch_count: np.ndarray      # (G,M,B) int16 player pitches (COUNT: small, so that a batch's counts stay in cache)
    shown: np.ndarray            # (G,M) references + demos to this member (player)
    proved: np.ndarray           # (G,M,3) bool: the member has seen each proof (proofs.PROOFS order)
    settled: np.ndarray          # (G,M,3) bool: a proof answered the member's doubt (proofs.settle: shown once heard)
    doubt_shift: np.ndarray      # (G,M) int8: how far each member's worry moved from their roles' (proofs.py)
    # the rivals' own arrays have the games axis LAST (contiguous passes in rivals.rival_turn)
    rival_known: np.ndarray      # (M,K,G) bool: the rival has learned what the member really values (rivals.py)
    rival_best: np.ndarray       # (M,K,G) each rival's best benefit to pitch to each member, by what it believes
    rival_pitch_base: np.ndarray # (M,K,G) the gain it expects of that pitch before activity and decay
    rival_pitch_fix: np.ndarray  # (M,K,G) real gain / expected gain of that pitch (1 once the rival knows)
    rival_ref_base: np.ndarray   # (M,K,G) a rival reference's gain before activity and decay
    rival_uses: np.ndarray       # (2,M,K,G) rival pitches [0] and references [1] per member
    engaged: np.ndarray          # (G,M) player actions aimed at the member
    blind: np.ndarray            # (G,M) pitches made before asking
    wasted_pitch: np.ndarray     # (G,M,B) int16 wasted pitches
    # access
    present: np.ndarray          # (G,M) bool
    referred: np.ndarray         # (G,M) bool
    blocker: np.ndarray          # (G,M) bool
    gate: np.ndarray             # (G,M) gatekeeper row or -1
    locked: np.ndarray           # (G,M) bool, judged at the start of the round
    rival_locked: np.ndarray     # (G,K,M) bool
    can_refer: np.ndarray        # (G,) bool
    # round economy
    points: np.ndarray           # (G,) points left in this round
    spent: np.ndarray            # (G,) points spent before and at the decision
    wasted: np.ndarray           # (G,) points spent without effect
    discount_steps: np.ndarray   # (G,) int
    pilot_used: np.ndarray       # (G,) bool
    pilot_result: np.ndarray     # (G,) int8: -1 none, 0 failed, 1 succeeded (this round)
    pilot_doomed: np.ndarray     # (G,) bool, a pilot_failure event fired
    align_num: np.ndarray        # (G,) sum of weight x care over pitches
    align_den: np.ndarray        # (G,) sum of weight over pitches
    # events
    fired: np.ndarray            # (G,E) bool
    # decision
    outcome: np.ndarray          # (G,) int8
    winner: np.ndarray           # (G,) int8
    backing: np.ndarray          # (G,M) int8
    share: np.ndarray            # (G,1+K) weighted backing share of player / rivals
    vetoed_by: np.ndarray        # (G,) member row of a veto or -1
    active: np.ndarray           # (G,) bool, not over
    # post-sale
    rung: np.ndarray             # (G,) int8
    progress: np.ndarray         # (G,) ladder progress within the round carried over
    round_progress: np.ndarray   # (G,) progress made in the current post-sale round
    kind_uses: np.ndarray        # (G,4) uses of deliver/support/train/review in this round
    post_spent: np.ndarray       # (G,) points spent after the decision
    post_points: np.ndarray      # (G,) points available after the decision
    # history
    stance_history: np.ndarray   # (G,R+1,M)
    rival_history: np.ndarray    # (G,R+1,M) leading rival (max over rivals); 0 with no rivals
    rounds_played: np.ndarray    # (G,) int
    # randomness of the current round (drawn at its start)
    u: np.ndarray                # (G,E+2) uniforms: events, pilot, slip
    z: np.ndarray | None         # (G,2+K,M) Gumbel noise for the decision (decision round only)
    # (first, end, games): these G games are games first .. end - 1 of a batch of ``games`` whose random
    # numbers they draw (a part played on its own, see new_state); None: the whole batch
    rows: tuple | None = None

    def copy(self) -> "BatchState":
        out = BatchState.__new__(BatchState)
        for name in self.__slots__:
            v = getattr(self, name)
            setattr(out, name, v.copy() if isinstance(v, np.ndarray) else (list(v) if isinstance(v, list) else v))
        return out


def new_state(tb: Tables, seed: int | np.random.SeedSequence, G: int, rows: tuple | None = None) -> BatchState:
    """G fresh games; round 0 has not begun yet (call rounds.begin_round, or use batch.new_batch).

    ``rows`` = (first, end): only games first .. end - 1 of the G, drawing the same numbers as in the whole
    batch (every random block is drawn games by rows: row g is game g's), so they play exactly as there.
    """
    ss = seed if isinstance(seed, np.random.SeedSequence) else np.random.SeedSequence(int(seed))
    M, B, K, E, R = tb.M, tb.B, tb.K, len(tb.ev_ids), tb.n_rounds
    whole = G
    if rows is not None:
        rows = (int(rows[0]), int(rows[1]), whole)
        if not 0 <= rows[0] < rows[1] <= whole:
            raise ValueError(f"rows {rows[:2]} are not games of a batch of {whole}")
        G = rows[1] - rows[0]
    variant, stance, concern = draw_codes(tb, ss, whole, rows and rows[:2])   # this game's customer (its own stream)
    cells = variant * M + np.arange(M)
    rival = np.broadcast_to(tb.rival0, (G, K, M)).copy()
    prio = tb.variants.reshape(-1, B).take(cells, axis=0)
    st = BatchState(
        G=G, round=0, seed_children=ss.spawn(R),
        stance=stance, start_stance=stance.copy(), rival=rival, prio=prio, care=prio, rank=prio, top=variant, cred=stance,
        rcred=rival, variant=cells, moved=np.zeros(G, bool), concern=concern, addressed=np.zeros((G, M), bool),
        revealed=np.zeros((G, M), np.int64), known_level=np.zeros((G, M), np.int64), asks=np.zeros((G, M), np.int64),
        asked_now=np.zeros((G, M), bool), pitch_count=np.zeros((G, M, B), COUNT),
        rival_known=np.zeros((M, K, G), bool), rival_pitch_fix=np.ones((M, K, G)),
        rival_best=np.zeros((M, K, G), np.int64), rival_pitch_base=np.zeros((M, K, G)),
        rival_ref_base=np.zeros((M, K, G)), rival_uses=np.zeros((2, M, K, G), np.int64), shown=np.zeros((G, M), np.int64),
        proved=np.zeros((G, M, 3), bool), settled=np.zeros((G, M, 3), bool), doubt_shift=proofs.draw_shifts(tb, ss, whole)[slice(*rows[:2]) if rows else slice(None)],
        engaged=np.zeros((G, M), np.int64),
        blind=np.zeros((G, M), np.int64), wasted_pitch=np.zeros((G, M, B), COUNT),
        present=np.broadcast_to(tb.present0, (G, M)).copy(), referred=np.zeros((G, M), bool),
        blocker=np.zeros((G, M), bool), gate=np.broadcast_to(tb.gate0, (G, M)).copy(),
        locked=np.zeros((G, M), bool), rival_locked=np.zeros((G, K, M), bool), can_refer=np.zeros(G, bool),
        points=np.zeros(G, np.int64), spent=np.zeros(G, np.int64), wasted=np.zeros(G, np.int64),
        discount_steps=np.zeros(G, np.int64), pilot_used=np.zeros(G, bool),
        pilot_result=np.full(G, -1, np.int8), pilot_doomed=np.zeros(G, bool),
        align_num=np.zeros(G), align_den=np.zeros(G), fired=np.zeros((G, E), bool),
        outcome=np.full(G, UNDECIDED, np.int8), winner=np.full(G, -1, np.int8),
        backing=np.full((G, M), ABSENT, np.int8), share=np.zeros((G, 1 + K)), vetoed_by=np.full(G, -1, np.int64),
        active=np.ones(G, bool), rung=np.full(G, -1, np.int8), progress=np.zeros(G), round_progress=np.zeros(G),
        kind_uses=np.zeros((G, 4), np.int64), post_spent=np.zeros(G, np.int64), post_points=np.zeros(G, np.int64),
        stance_history=np.zeros((G, R + 1, M)), rival_history=np.zeros((G, R + 1, M)),
        rounds_played=np.zeros(G, np.int64), u=np.zeros((G, E + 2)), z=None, rows=rows,
    )
    load_regime(st, tb, 0)
    st.stance_history[:, 0] = stance
    st.rival_history[:, 0] = tb.rival0.max(axis=0) if K else 0.0     # every game starts at the written stances
    return st


def load_regime(st: BatchState, tb: Tables, q: int, idx=None) -> None:
    """Care, ranks, credibilities and rival menus of games ``idx`` (every game when None) under regime ``q``
    (the stage's emphasis), gathered from the tables' per-variant rows (what computing them would give)."""
    cells = st.variant if idx is None else st.variant[idx]
    care = tb.v_care[q].take(cells, axis=0)
    rank = tb.v_rank[q].take(cells, axis=0)
    top = tb.v_top[q].take(cells)
    cred = tb.v_cred[q].take(cells)
    rcred = tb.v_rcred[q].take(cells, axis=0).transpose(0, 2, 1)
    best, pitch, fix, ref = believed_menu(tb.v_menu[q], tb.v_guess[q], cells,
                                          st.rival_known if idx is None else st.rival_known[..., idx])
    if idx is None:
        st.care, st.rank, st.top, st.cred, st.rcred = care, rank, top, cred, np.ascontiguousarray(rcred)
        st.rival_best, st.rival_pitch_base, st.rival_pitch_fix, st.rival_ref_base = best, pitch, fix, ref
        return
    st.care[idx], st.rank[idx], st.top[idx], st.cred[idx], st.rcred[idx] = care, rank, top, cred, rcred
    st.rival_best[..., idx] = best
    st.rival_pitch_base[..., idx] = pitch
    st.rival_pitch_fix[..., idx] = fix
    st.rival_ref_base[..., idx] = ref

"""Plain, frozen result objects of the engine (the contract shared with the UI).

Nothing here computes a rule: these are the values that ``Game`` hands out
(observations, step results, the debrief) and the ``Action`` it takes in.
"""
from __future__ import annotations

from dataclasses import dataclass

ACTION_KINDS: tuple[str, ...] = (
    "ask", "pitch", "reference", "demo", "pilot", "discount", "refer",   # pre-sale
    "deliver", "support", "train", "review",                             # post-sale
)
PRE_SALE_KINDS: tuple[str, ...] = ACTION_KINDS[:7]
POST_SALE_KINDS: tuple[str, ...] = ACTION_KINDS[7:]
ACTION_COSTS: dict[str, int] = {
    "ask": 1, "pitch": 1, "reference": 2, "demo": 2, "pilot": 3, "discount": 1, "refer": 1,
    "deliver": 1, "support": 1, "train": 1, "review": 1,
}
#: Which kinds need a member / a benefit ("optional" kinds may take a member).
NEEDS_MEMBER: frozenset[str] = frozenset({"ask", "pitch", "reference", "demo", "refer", "train", "review"})
MEMBER_OPTIONAL: frozenset[str] = frozenset({"support"})
NEEDS_BENEFIT: frozenset[str] = frozenset({"pitch"})

LOYALTY_RUNGS: tuple[str, ...] = (
    "prospect", "evaluator", "trial_user", "customer", "repeat_customer",
    "loyal_customer", "advocate", "partner",
)
ACCOUNT_TYPES: tuple[str, ...] = ("key_account", "strategic_partner", "nomad", "zombie")
OUTCOMES: tuple[str, ...] = ("won", "lost", "no_decision")
PHASES: tuple[str, ...] = ("pre_sale", "post_sale", "over")
SCORE_PARTS: tuple[str, ...] = ("outcome", "alignment", "coverage", "efficiency", "relationship")


@dataclass(frozen=True, slots=True)
class Action:
    """One player action; ``member`` / ``benefit`` are ids from the scenario."""

    kind: str
    member: str | None = None
    benefit: str | None = None

    @property
    def cost(self) -> int:
        return ACTION_COSTS[self.kind]


@dataclass(frozen=True, slots=True)
class Message:
    """An i18n message key plus its parameters; the UI translates it."""

    key: str
    params: tuple[tuple[str, object], ...] = ()

    def param(self, name: str, default: object = None) -> object:
        for k, v in self.params:
            if k == name:
                return v
        return default


@dataclass(frozen=True, slots=True)
class MemberView:
    id: str
    name: str
    title: str
    roles: tuple[str, ...]
    influence: float
    stance: float                 # toward the player, -1..1
    rival_stance: float           # toward the leading rival (max over rivals), -1..1
    leading_rival: str | None
    known_priorities: tuple[tuple[str, float], ...]   # discovered only, top weight = 1.0
    revealed: int                 # 0 nothing, 1 top one, 2 top three, 3 all
    locked: bool                  # behind a gatekeeper who is not on side and not referred
    gated_by: str | None
    activity: float               # how active this member is in the current stage (0..1)
    blocker: bool                 # has turned blocker
    engaged: int                  # number of player actions aimed at this member so far
    # a hidden concern, once a follow-up question surfaced it: what addresses it ("reference", "demo",
    # "pilot" or the id of the benefit to pitch); None while unknown (or when there is none)
    concern: str | None = None
    concern_addressed: bool = False
    # the proofs the member waits for before their doubt is settled (proofs.py), once a follow-up told them;
    # () while unknown (the roles only suggest it) or when they hold no doubt
    awaits: tuple[str, ...] = ()
    # the proofs whose doubt is answered for this member (proofs.py: a reference or demo shown to them, a
    # successful pilot): what the player did and saw, so public
    answered: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BenefitView:
    id: str
    name: str
    capability: float             # the player's vendor capability 0..1
    price: bool = False           # about price or cost (its kind, public in the scenario): what a discount speaks to


@dataclass(frozen=True, slots=True)
class RivalView:
    id: str
    name: str
    style: str


@dataclass(frozen=True, slots=True)
class StageView:
    id: str
    name: str
    actions: int
    decision: bool
    post_sale: bool


@dataclass(frozen=True, slots=True)
class Observation:
    """What the player may see at the start of a round (or at the end): never the hidden priorities."""

    round: int                    # index into stages of the round to play now
    stages: tuple[StageView, ...]
    phase: str                    # "pre_sale" | "post_sale" | "over"
    points: int                   # action-point budget of this round
    members: tuple[MemberView, ...]
    benefits: tuple[BenefitView, ...]
    rivals: tuple[RivalView, ...]
    news: tuple[Message, ...]     # what happened in the last step
    legal_actions: tuple[Action, ...]
    discount: float               # total discount granted so far (fraction of deal value)
    outcome: str | None           # "won" | "lost" | "no_decision" once decided
    winner: str | None            # "player", a rival id, or None
    loyalty: int | None           # index into LOYALTY_RUNGS once won
    done: bool
    # what matters more (or less) in the current stage, benefit kind or id -> factor, once the player has a
    # fresh answer in this stage (someone asked since the last shift, or a follow-up); () until then
    emphasis: tuple[tuple[str, float], ...] = ()

    def member(self, member_id: str) -> MemberView:
        for m in self.members:
            if m.id == member_id:
                return m
        raise KeyError(member_id)


@dataclass(frozen=True, slots=True)
class StanceChange:
    member: str
    before: float
    after: float
    rival_before: float
    rival_after: float


@dataclass(frozen=True, slots=True)
class StepResult:
    """What ``Game.step`` returns: the new observation and whose stance moved."""

    observation: Observation
    changes: tuple[StanceChange, ...]
    done: bool
    outcome: str | None


@dataclass(frozen=True, slots=True)
class Score:
    """The 0..1000 score, its grade and its parts."""

    total: int                                  # 0..1000
    grade: str                                  # "S", "A", "B", "C", "D", "F"
    parts: tuple[tuple[str, float], ...]        # part name -> 0..1
    weights: tuple[tuple[str, float], ...]      # part name -> normalised weight


@dataclass(frozen=True, slots=True)
class TurningPoint:
    round: int
    message: Message


@dataclass(frozen=True, slots=True)
class Debrief:
    """The finished game explained: score, benefit x member matrix, stance history, advice."""

    outcome: str
    winner: str | None
    score: Score
    benefits: tuple[str, ...]                   # axis labels (ids)
    members: tuple[str, ...]
    mattered: tuple[tuple[float, ...], ...]     # member x benefit, true priority 0..1
    pitched: tuple[tuple[int, ...], ...]        # member x benefit, number of player pitches
    wasted: tuple[tuple[int, ...], ...]         # member x benefit, how many of those the member did not care about
    stance_history: tuple[tuple[float, ...], ...]   # member x (rounds+1)
    rival_history: tuple[tuple[float, ...], ...]    # member x (rounds+1), leading rival
    turning_points: tuple[TurningPoint, ...]
    advice: tuple[Message, ...]                 # up to three, the decisive mistake first (engine/advice.py)
    loyalty: int | None
    account_type: str | None
    support: tuple[tuple[str, str], ...]        # member -> "player", a rival id or "status_quo"
    decision: tuple[Message, ...] = ()          # the decision explained: the rule that decided, then each member
    account: tuple[Message, ...] = ()           # a won account explained: type, potential, effort, promises, discounts

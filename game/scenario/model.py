"""Typed, immutable scenario objects: the contract of ../shared/design/GAME.md.

Everything here is pure data.  Validation of *shape* (types, ranges, unknown
keys) happens in these pydantic models; checks *between* parts (ids that must
exist, gatekeepers, deciders) live in ``game.scenario.checks`` so that every
mistake can be reported at once with its file position.
"""
from __future__ import annotations

from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, WithJsonSchema

# ---------------------------------------------------------------- vocabularies
ROLES: tuple[str, ...] = ("initiator", "user", "buyer", "influencer", "decider", "gatekeeper")
DIFFICULTIES: tuple[str, ...] = ("easy", "normal", "hard")
#: How much the customer of each game varies around what the scenario writes (docs/model.md, "The customer").
VARIATIONS: tuple[str, ...] = ("none", "low", "normal", "high")
#: What a member's ``pin`` can hold fixed against the variation.
PINNABLE: tuple[str, ...] = ("priorities", "stance", "concern")
#: What addresses a member's hidden concern besides the pitch of a benefit (a member's ``concern``).
CONCERN_CURES: tuple[str, ...] = ("reference", "demo", "pilot")
STYLES: tuple[str, ...] = ("price", "technology", "relationship", "balanced")
EVENT_TYPES: tuple[str, ...] = (
    "member_leaves",
    "budget_cut",
    "rival_discount",
    "member_turns_blocker",
    "pilot_failure",
)
#: What a benefit means to the rules (see docs/model.md, "Benefit kinds").
BENEFIT_KINDS: tuple[str, ...] = (
    "price", "cost", "quality", "technology", "delivery", "support", "relationship", "other",
)
#: The kinds of the ten standard benefit ids when a scenario gives none.  They
#: reproduce the rules that used to read these ids by name; nearby_liaison_office
#: is a relationship benefit, which no rule reads today.
STANDARD_KINDS: dict[str, tuple[str, ...]] = {
    "cost_saving": ("cost",),
    "affordable_price": ("price",),
    "advanced_technology": ("technology",),
    "nearby_liaison_office": ("relationship",),
    "nearby_factory": ("delivery",),
    "best_quality_control": ("quality", "technology"),
    "digital_ordering_delivery": ("delivery", "technology"),
    "custom_manufacturing_delivery": ("delivery",),
    "exact_delivery_date": ("delivery",),
    "support_24_7": ("support",),
}
#: What matters more at each standard stage, by benefit kind (DOMAIN.md §3): technical fit and quality
#: while the options are developed and evaluated; price and cost, and the risk in quality, delivery and
#: support when choosing (§2: purchasing negotiates price, delivery and support).  Scenarios may write
#: stronger or earlier shifts of their own.  A stage's own ``emphasis`` replaces its
#: default; stages with other ids have none.  Stages after the decision keep the decision's weights (the
#: vote is over), so the post-sale stages have no default.
STANDARD_EMPHASIS: dict[str, dict[str, float]] = {
    "developing_options": {"technology": 2.0, "quality": 1.5},
    "evaluating_alternatives": {"technology": 2.0, "quality": 1.5},
    "choosing_alternative": {"price": 2.0, "cost": 2.0, "quality": 1.5, "delivery": 1.5, "support": 1.5},
}
FORMAT_VERSION = 1

Role = Literal["initiator", "user", "buyer", "influencer", "decider", "gatekeeper"]
Difficulty = Literal["easy", "normal", "hard"]
Variation = Literal["none", "low", "normal", "high"]
Pinnable = Literal["priorities", "stance", "concern"]
#: A proof a member (or every decider, at scenario level) expects before the decision: ``expects_proof``.
Proof = Literal["reference", "demo", "pilot"]
Style = Literal["price", "technology", "relationship", "balanced"]
BenefitKind = Literal["price", "cost", "quality", "technology", "delivery", "support", "relationship", "other"]


def _number_to_text(value: object) -> object:
    """Free text fields accept an unquoted number (``title: 2024``) as its text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


Text = Annotated[str, BeforeValidator(_number_to_text), StringConstraints(min_length=1)]
OptionalText = Annotated[str, BeforeValidator(_number_to_text)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
ScenarioId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=80)]
Unit = Annotated[float, Field(ge=0.0, le=1.0)]
Signed = Annotated[float, Field(ge=-1.0, le=1.0)]
Weight = Annotated[float, Field(ge=0.0, le=1000.0)]
Factor = Annotated[float, Field(ge=0.0, le=10.0)]
#: benefit kind or benefit id -> factor: how much more (or less) it matters in a stage
Emphasis = dict[Id, Factor]


def _one_or_many(value: object) -> object:
    """``kind: support`` is read as ``kind: [support]``."""
    return (value,) if isinstance(value, str) else value


_KIND_SCHEMA = {"anyOf": [{"enum": list(BENEFIT_KINDS), "type": "string"},
                          {"type": "array", "items": {"enum": list(BENEFIT_KINDS), "type": "string"},
                           "minItems": 1}]}
Kinds = Annotated[tuple[BenefitKind, ...], BeforeValidator(_one_or_many), Field(min_length=1),
                  WithJsonSchema(_KIND_SCHEMA)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Benefit(Strict):
    id: Id
    name: Text
    description: OptionalText = ""
    # One kind or a list; None = the standard kinds of a standard id, else "other".
    kind: Optional[Kinds] = None

    @property
    def kinds(self) -> tuple[str, ...]:
        """What this benefit means to the rules: its own ``kind``, or the default."""
        if self.kind is not None:
            return tuple(dict.fromkeys(self.kind))
        return STANDARD_KINDS.get(self.id, ("other",))


class Stage(Strict):
    id: Id
    name: Text
    actions: Annotated[int, Field(ge=1, le=20)] = 4
    focus: tuple[Role, ...] = ()
    decision: bool = False
    description: OptionalText = ""
    # None = the stage's standard emphasis (STANDARD_EMPHASIS); {} = no shift
    emphasis: Optional[Emphasis] = None

    @property
    def shift(self) -> dict[str, float]:
        """What matters more (or less) in this stage: its own ``emphasis`` or the standard one."""
        return dict(self.emphasis) if self.emphasis is not None else dict(STANDARD_EMPHASIS.get(self.id, {}))


class Customer(Strict):
    name: Text
    industry: OptionalText = ""
    size: OptionalText = ""


class Deal(Strict):
    value: Annotated[float, Field(gt=0)]
    currency: Text = "USD"


class Member(Strict):
    id: Id
    name: Text
    title: Text
    roles: Annotated[tuple[Role, ...], Field(min_length=1)]
    influence: Unit
    priorities: dict[Id, Weight]
    stance: Signed = 0.0
    gated_by: Optional[Id] = None
    # values kept exactly as written whatever the scenario's variation
    pin: tuple[Pinnable, ...] = ()
    # stage id -> {kind or benefit id: factor}: this member's own shift in that stage (over the stage's)
    emphasis: dict[Id, Emphasis] = Field(default_factory=dict)
    # a hidden concern the member always holds, by what addresses it: reference, demo, pilot or a benefit id
    concern: Optional[Id] = None
    # member ids this member speaks to as a champion (None: the defaults of docs/model.md § 4; []: nobody)
    influences: Optional[tuple[Id, ...]] = None
    # a proof this member expects before the decision (unmet: they lean to doing nothing)
    expects_proof: Optional[Proof] = None


class Vendor(Strict):
    name: Text
    capabilities: dict[Id, Unit]
    description: OptionalText = ""


class Competitor(Strict):
    id: Id
    name: Text
    style: Style = "balanced"
    capabilities: dict[Id, Unit] = Field(default_factory=dict)
    stance: dict[Id, Signed] = Field(default_factory=dict)


class _EventBase(Strict):
    id: Id
    stage: Id
    probability: Unit = 1.0
    description: OptionalText = ""


class MemberLeaves(_EventBase):
    type: Literal["member_leaves"]
    member: Id
    successor: Optional[Member] = None


class BudgetCut(_EventBase):
    type: Literal["budget_cut"]
    # How much more the group weighs price and cost after the cut (0..1).
    severity: Unit = 0.5


class RivalDiscount(_EventBase):
    type: Literal["rival_discount"]
    competitor: Id


class MemberTurnsBlocker(_EventBase):
    type: Literal["member_turns_blocker"]
    member: Id


class PilotFailure(_EventBase):
    type: Literal["pilot_failure"]


Event = Annotated[
    Union[MemberLeaves, BudgetCut, RivalDiscount, MemberTurnsBlocker, PilotFailure],
    Field(discriminator="type"),
]


class ScoringWeights(Strict):
    """Relative weights of the score parts; they are normalised to sum to 1."""

    outcome: Weight = 0.40
    alignment: Weight = 0.20
    coverage: Weight = 0.15
    efficiency: Weight = 0.10
    relationship: Weight = 0.15


# ---------------------------------------------------------------- defaults
DEFAULT_BENEFITS: tuple[Benefit, ...] = tuple(
    Benefit(id=i, name=n, description=d, kind=STANDARD_KINDS[i])
    for i, n, d in (
        ("cost_saving", "Cost-saving effect", "Lower running costs after the purchase."),
        ("affordable_price", "Affordable price", "A low purchase price and good terms."),
        ("advanced_technology", "Advanced technology", "State-of-the-art product and roadmap."),
        ("nearby_liaison_office", "Nearby liaison office", "People close by who answer fast."),
        ("nearby_factory", "Factory located nearby", "Short supply lines, less safety stock."),
        ("best_quality_control", "Best quality control", "Few defects, proven quality process."),
        ("digital_ordering_delivery", "Digitalised ordering and delivery",
         "Orders and deliveries flow system to system."),
        ("custom_manufacturing_delivery", "Customised manufacturing and delivery",
         "Built and shipped to the customer's own spec."),
        ("exact_delivery_date", "Exact delivery date", "Deliveries arrive when promised."),
        ("support_24_7", "24/7/365 customer support", "Help at any hour, every day."),
    )
)

DEFAULT_STAGES: tuple[Stage, ...] = (
    Stage(id="problem_identification", name="Problem identification", actions=4,
          focus=("initiator", "user")),
    Stage(id="information_gathering", name="Information gathering", actions=4,
          focus=("influencer", "user", "gatekeeper")),
    Stage(id="situation_analysis", name="Situation analysis", actions=4,
          focus=("influencer", "user")),
    Stage(id="developing_options", name="Developing options", actions=4,
          focus=("influencer", "buyer")),
    Stage(id="evaluating_alternatives", name="Evaluating alternatives", actions=5,
          focus=("decider", "influencer", "buyer")),
    Stage(id="choosing_alternative", name="Choosing the best alternative", actions=4,
          focus=("decider", "buyer"), decision=True),
    Stage(id="implementing_decision", name="Implementing the decision", actions=3,
          focus=("user", "buyer")),
    Stage(id="reviewing_outcome", name="Reviewing and learning", actions=3,
          focus=("decider", "user")),
)


class Scenario(Strict):
    format: Literal[1]
    id: ScenarioId
    title: Text
    language: Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")] = "en"
    difficulty: Difficulty = "normal"
    variation: Variation = "normal"
    # who speaks for a vendor inside the account: "listed" = only members' influences lists, "roles" = those
    # lists plus the role/influence defaults for every other member (docs/model.md § 4, champions)
    champions: Literal["listed", "roles"] = "listed"
    # how much repeat business the account can bring after the sale (what loyalty is worth in the score)
    potential: Literal["low", "medium", "high"] = "medium"
    # a proof every decider expects before the decision (unmet: they lean to doing nothing)
    expects_proof: Optional[Proof] = None
    description: OptionalText = ""
    customer: Customer
    deal: Deal
    benefits: Annotated[tuple[Benefit, ...], Field(min_length=1)] = DEFAULT_BENEFITS
    stages: Annotated[tuple[Stage, ...], Field(min_length=1)] = DEFAULT_STAGES
    members: Annotated[tuple[Member, ...], Field(min_length=1, max_length=40)]
    vendor: Vendor
    competitors: tuple[Competitor, ...] = ()
    events: tuple[Event, ...] = ()
    scoring: ScoringWeights = ScoringWeights()

    # ------------------------------------------------------------ helpers
    @property
    def decision_index(self) -> int:
        """Index in ``stages`` of the stage where the customer decides.

        A stage marked ``decision: true`` wins; otherwise the default
        ``choosing_alternative`` stage if present, else the last stage.
        """
        for i, stage in enumerate(self.stages):
            if stage.decision:
                return i
        for i, stage in enumerate(self.stages):
            if stage.id == "choosing_alternative":
                return i
        return len(self.stages) - 1

    @property
    def benefit_ids(self) -> tuple[str, ...]:
        return tuple(b.id for b in self.benefits)

    @property
    def member_ids(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.members)

    @property
    def stage_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.stages)

    def member(self, member_id: str) -> Member:
        for m in self.members:
            if m.id == member_id:
                return m
        raise KeyError(member_id)

    def benefit(self, benefit_id: str) -> Benefit:
        for b in self.benefits:
            if b.id == benefit_id:
                return b
        raise KeyError(benefit_id)

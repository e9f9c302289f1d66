"""Every tunable constant of the rules, in one place (docs/model.md lists them).

Calibration tunes only these numbers; the rule modules read them from a
``Params`` instance and hard-code nothing else.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True, slots=True)
class Params:
    # ---- activity: who is active in a stage (stage focus is public)
    act_focus: float = 1.0            # activity of a member with a role in the stage focus
    act_other: float = 0.4            # activity of a member outside the stage focus
    act_decider: float = 0.6          # deciders are at least this active at every stage
    act_decision: float = 1.0         # deciders' activity at the decision stage

    # ---- the customer of each game (scenario ``variation``: none 0, low 0.5, normal 1, high 1.6 times these)
    vary_second: float = 0.5          # chance that a member's 2nd and 3rd priorities trade places
    vary_top: float = 0.3             # chance that a member's top priority trades places with the 2nd
    vary_weight: float = 0.3          # each of the top three weights is scaled by 1 +- up to this
    vary_stance: float = 0.15         # starting stance toward the player moves by +- up to this
    concern_chance: float = 0.10      # chance (x scale, at most 1) that a member carries a hidden concern
    concern_pull: float = 0.10        # utility for buying from the player a concern takes away until addressed

    # ---- stance movement (all moves use nudge: harder to move someone already convinced)
    cross_effect: float = 0.25        # a vendor's gain with a member lowers every other vendor's stance by this share
    ask_rapport: float = 0.05         # stance gain of a first ask
    ask_decay: float = 0.5            # each earlier ask of the same member multiplies the rapport by this
    pitch_gain: float = 0.50          # stance gain of a perfect pitch (care 1, capability 1, activity 1)
    pitch_decay: float = 0.6          # each earlier pitch of the same benefit to the same member multiplies the gain
    care_threshold: float = 0.25      # a pitch on a benefit cared about less than this is wasted
    waste_penalty: float = 0.08       # goodwill lost by a wasted pitch (times activity)
    blind_factor: float = 0.75        # a pitch to a member never asked lands at this fraction (listen first)
    reference_decider: float = 0.45   # reference gain with a decider (times credibility and activity)
    reference_other: float = 0.10     # reference gain with anyone else
    demo_user: float = 0.50           # demo gain with users and influencers (times credibility and activity)
    demo_other: float = 0.05          # demo gain with anyone else
    show_decay: float = 0.6           # each earlier reference/demo to the same member multiplies the gain
    pilot_base: float = 0.15          # pilot success probability at zero quality capability
    pilot_slope: float = 0.85         # extra success probability per unit of quality capability
    pilot_success: float = 0.30       # gain of a successful pilot with users, influencers (times credibility)
    pilot_success_other: float = 0.08 # gain of a successful pilot with every other member
    pilot_fail: float = 0.25          # loss of a failed pilot with users and influencers
    pilot_fail_other: float = 0.06    # loss of a failed pilot with every other member
    # ---- proofs (proofs.py): a doubt only its own proof removes: a chance that an asked member holds out for
    #      doing nothing (times 1 - stance / doubt_convinced, from stance 0 up)
    doubt_risk: float = 0.06          # a decider's doubt about the risk of buying (removed by a reference)
    doubt_fit: float = 0.06           # an influencer's doubt about the technical fit (removed by a demo)
    doubt_use: float = 0.12           # a user's doubt about daily use (removed by a successful pilot)
    doubt_convinced: float = 1.0      # a member at or above this stance no longer holds out for a doubt (linear below)
    doubt_expected: float = 0.30      # extra doubt of a member who expects a proof (scenario ``expects_proof``)
    proof_heard: float = 1.0          # 1: a reference or demo answers a doubt only once a follow-up told it (0: always)
    doubt_vary: float = 0.0           # chance (x variation scale) that a member's worry waits for another proof than their roles'
    discount_step: float = 0.05       # fraction of deal value given away per discount action
    discount_max: int = 3             # at most this many discount actions per game
    discount_buyer: float = 0.18      # discount gain with buyers
    discount_price: float = 0.15      # discount gain per unit of care for price/cost benefits
    discount_decay: float = 0.5       # each earlier discount multiplies the gain
    discount_care: float = 0.5        # a discount moves only members whose price/cost care is at least this

    # ---- access
    unlock_threshold: float = 0.25    # a gatekeeper (or blocker) at or above this stance lets you through
    refer_threshold: float = 0.30     # a member at or above this stance can refer you to a locked member

    # ---- rivals
    rival_moves: int = 2              # moves per rival per round
    rival_power: float = 1.07         # a rival move's gain relative to the same player action (1.07: a rival that
                                      # guesses before it learns a member keeps its threat; docs/model.md §5)
    style_focus: float = 2.5          # preference multiplier for a style's favourite members / benefits
    rival_learn: int = 2              # a rival knows what a member really values after this many of its own moves
                                      # with them (pitches + references); before, it pitches what the file writes
    rival_alone: float = 1.8          # a rival's gain with a member the player has never engaged is this times larger
    rival_discount: float = 0.25      # rival_discount event: gain with buyers and price-minded members

    # ---- champions (champion.py): a member who backs a vendor strongly carries its case to colleagues
    champion_stance: float = 0.30     # a member at or above this stance toward a vendor speaks for it
    champion_spread: float = 0.60     # share of the stance gap carried per round, times the champion's influence
    champion_cap: float = 0.20        # largest gain a colleague takes from champions in one round
    champion_influence: float = 0.5   # default links: members with this influence speak to their role peers
    inside_view: float = 1.0         # 1: a follow-up to a member who backs you relays their colleagues' top priority (inside_view.py)
    champion_rival: float = 0.0       # a rival's champion carries its case at this times the player's rate (off:
                                      #   authored incumbents start warm, so they would carry every account)

    # ---- events
    blocker_drop: float = 0.45        # stance loss when a member turns blocker

    # ---- decision
    status_quo: float = -0.6          # utility of doing nothing (before noise) for every member
    status_quo_group: float = 0.0     # extra status-quo utility x ln(members present)
    status_quo_blocker: float = 0.5   # extra status-quo utility of a blocker
    decision_noise: float = 0.10      # scale of each member's Gumbel noise per option (logit choice)
    consensus: float = 0.50           # an option needs this share of the weighted backing to win
    unheard_stall: float = 0.19       # chance that a member the player never asked backs doing nothing (unspoken concern)
    stall_weight: float = 0.45        # objectors (members preferring doing nothing to the leader) of this total weight stall the deal
    veto_influence: float = 0.7       # deciders at or above this influence can veto
    veto_stance: float = -0.2         # ...an option they feel this negative about (or worse)
    weight_decider: float = 2.0       # role weights: the member weight is influence times the largest
    weight_buyer: float = 1.2
    weight_influencer: float = 1.2
    weight_user: float = 1.0
    weight_initiator: float = 0.8
    weight_gatekeeper: float = 0.6

    # ---- post-sale: loyalty ladder and effort
    deliver_gain: float = 0.45        # ladder progress of a delivery (times delivery capability)
    support_gain: float = 0.40        # ladder progress of a support action (times support capability)
    train_gain: float = 0.35          # ladder progress of training a user (half for others)
    review_gain: float = 0.35         # ladder progress of a review with a decider (half for others)
    service_rapport: float = 0.05     # stance gain of the member a post-sale action is aimed at
    post_decay: float = 0.5           # each earlier action of the same kind in the round multiplies progress
    climb_cost: float = 0.8           # progress needed to climb one rung
    neglect_level: float = 0.3        # a post-sale round with less progress than this risks a slip
    slip_probability: float = 0.5     # chance of slipping one rung after a neglected round
    loyal_rung: int = 5               # rung index counted as high loyalty (loyal_customer)
    effort_high: float = 0.6          # share of post-sale points spent counted as high effort
    sale_loyalty: float = 4.0         # ladder progress at the win per unit of weighted mean stance above backing_neutral
    backing_neutral: float = 0.35     # the weighted mean stance at the vote that opens the account without head start
    promise_level: float = 0.6        # a pitched capability below this is a promise the product will not keep
    promise_debt: float = 0.5         # progress lost per pitch of a capability of 0 (less as it nears promise_level)
    price_loyalty: float = 0.25       # progress lost per discount given: a deal won on price buys on price
    service_cost: float = 0.08        # outcome (margin) given up when every post-sale point is spent
    potential_low: float = 0.2        # worth of each rung above "customer" for a low-potential account (x 1/7)
    potential_medium: float = 0.6     # ... for a medium-potential account (the default)
    potential_high: float = 1.0       # ... for a high-potential account

    # ---- scoring
    won_base: float = 0.7             # outcome part of a win given away at maximum discount
    no_decision_score: float = 0.2    # outcome part of "no decision" (lost scores 0)
    coverage_influence: float = 0.5   # members at or above this influence must be engaged for coverage
    efficiency_discount: float = 0.5  # efficiency lost at maximum discount
    efficiency_waste: float = 0.5     # efficiency lost when every point is wasted
    evaluator_stance: float = 0.2     # without a win, this weighted mean stance counts as the evaluator rung

    def with_(self, **changes: float) -> "Params":
        """A copy with some values changed (unknown names raise TypeError)."""
        known = {f.name for f in fields(self)}
        bad = sorted(set(changes) - known)
        if bad:
            raise TypeError(f"unknown parameter(s): {', '.join(bad)}")
        return replace(self, **changes)


DEFAULT_PARAMS = Params()

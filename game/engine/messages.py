"""The fixed, finite set of message keys the engine emits (news, turning points, advice, refusals).

Each entry is (key, parameter names).  Parameter values: ``member`` / ``successor``
/ ``gatekeeper`` are member ids, ``benefit`` a benefit id, ``rival`` a competitor
id, ``event`` a scenario event id (its ``description`` is the author's text),
``rung`` an index into LOYALTY_RUNGS, ``account_type`` one of ACCOUNT_TYPES,
``share`` / ``before`` / ``after`` / ``severity`` / ``stance`` / ``needed`` / ``weight`` / ``limit``
floats, ``count`` an int; in refusals ``kind`` is an action kind, ``blocker`` a member id,
``stage`` a stage id, ``threshold`` a stance, ``cost`` / ``points`` ints,
``suggestion`` a close id or None, ``got`` a Python type name.
docs/model.md explains when each one appears.
"""
from __future__ import annotations

from game.engine.types import Message

MESSAGE_KEYS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # ---- events (news at the start of a round; also turning points)
    ("event.member_leaves", ("event", "member", "successor")),
    ("event.member_gone", ("event", "member")),
    ("event.budget_cut", ("event", "severity")),
    ("event.rival_discount", ("event", "rival")),
    ("event.member_turns_blocker", ("event", "member")),
    ("event.pilot_failure", ("event",)),
    # ---- news of a step
    ("news.rival_pitch", ("rival", "member", "benefit")),
    ("news.rival_reference", ("rival", "member")),
    ("news.wasted_pitch", ("member", "benefit")),
    ("news.discount_pocketed", ()),
    ("news.pilot_success", ()),
    ("news.pilot_failure", ()),
    ("news.referred", ("member",)),
    ("news.concern_reference", ("member",)),
    ("news.concern_demo", ("member",)),
    ("news.concern_pilot", ("member",)),
    ("news.concern_benefit", ("member", "benefit")),
    ("news.concern_addressed", ("member",)),
    ("news.worry_reference", ("member",)),
    ("news.worry_demo", ("member",)),
    ("news.worry_pilot", ("member",)),
    ("news.unlocked", ("member", "gatekeeper")),
    ("news.blocker_won_back", ("member",)),
    ("news.champion", ("member", "champion")),
    ("news.inside_view", ("member", "champion")),
    ("news.decision_won", ("share",)),
    ("news.decision_lost", ("rival", "share")),
    ("news.no_decision", ("share",)),
    ("news.veto", ("member",)),
    ("news.rung_up", ("rung",)),
    ("news.rung_down", ("rung",)),
    ("news.account_type", ("account_type",)),
    # ---- the account after the sale, explained in the debrief (debrief.account_story; "why": explanations)
    ("why.account_key_account", ()), ("why.account_strategic_partner", ()),
    ("why.account_nomad", ()), ("why.account_zombie", ()),
    ("why.account_potential_low", ()), ("why.account_potential_medium", ()),
    ("why.account_potential_high", ()),
    ("why.account_effort", ("count", "points", "share")),
    ("why.account_promises", ("count",)),
    ("why.account_discounts", ("count",)),
    # ---- turning points (besides events, pilot, decision and blocker news above)
    ("turn.stance_up", ("member", "before", "after")),
    ("turn.stance_down", ("member", "before", "after")),
    ("turn.rival_ahead", ("member", "rival")),
    # ---- advice (the debrief picks exactly three)
    ("advice.ask_first", ("member", "count")),
    ("advice.missed_veto", ("member",)),
    ("advice.missed_stall", ("member",)),
    ("advice.missed_member", ("member",)),
    ("advice.irrelevant_pitch", ("member", "benefit", "count")),
    ("advice.gatekeeper", ("member", "gatekeeper")),
    ("advice.stage_timing", ("member", "benefit", "stage", "count")),
    ("advice.discount_unneeded", ("count",)),
    ("advice.discount_unasked", ("member", "count")),
    ("advice.discount_heavy", ("count",)),
    ("advice.decider_cold", ("member", "stance")),
    ("advice.blocker", ("member",)),
    ("advice.veto", ("member",)),
    ("advice.rival_backed", ("member", "rival")),
    ("advice.status_quo", ("share",)),
    ("advice.repeat_pitch", ("member", "benefit", "count")),
    ("advice.neglected_service", ("rung",)),
    ("advice.use_pilot", ()),
    ("advice.keep_listening", ()),
    ("advice.map_the_center", ()),
    ("advice.try_harder", ()),
    # ---- the decision explained (debrief; explain.decision_story): the rule that decided, then each member
    ("why.won", ("share", "needed")),
    ("why.rival_won", ("rival", "share", "needed")),
    ("why.veto", ("member", "stance", "limit")),
    ("why.short", ("share", "needed")),
    ("why.stalled", ("weight", "limit")),
    ("why.backed_you", ("member", "share")),
    ("why.backed_rival", ("member", "rival", "share")),
    ("why.backed_nothing", ("member", "share")),
    ("why.stall_alone", ("member", "share")),
    ("why.unheard", ("member", "share")),
    # ---- refusals: why a planned action is not legal (legality.py; Refusal.action says which one)
    ("refusal.not_a_list", ()),
    ("refusal.game_over", ()),
    ("refusal.not_an_action", ("got",)),
    ("refusal.unknown_kind", ("kind", "suggestion")),
    ("refusal.needs_member", ("kind",)),
    ("refusal.takes_no_member", ("kind",)),
    ("refusal.needs_benefit", ("kind",)),
    ("refusal.takes_no_benefit", ("kind",)),
    ("refusal.unknown_benefit", ("kind", "benefit", "suggestion")),
    ("refusal.unknown_member", ("kind", "member", "suggestion")),
    ("refusal.deal_signed", ("kind",)),
    ("refusal.after_the_sale", ("kind",)),
    ("refusal.member_gone", ("kind", "member")),
    ("refusal.refer_not_needed", ("kind", "member")),
    ("refusal.already_referred", ("kind", "member")),
    ("refusal.no_sponsor", ("kind", "threshold")),
    ("refusal.behind_gatekeeper", ("kind", "member", "gatekeeper", "threshold")),
    ("refusal.shielded", ("kind", "member", "blocker", "threshold")),
    ("refusal.pilot_stage", ("kind", "stage")),
    ("refusal.one_pilot", ("kind",)),
    ("refusal.discount_cap", ("kind", "count")),
    ("refusal.points", ("kind", "cost", "points")),
    # ---- undo (Game.undo_refusal): why the last round cannot be taken back
    ("refusal.undo_nothing", ()),
    ("refusal.undo_decided", ()),
)
MESSAGE_PARAMS: dict[str, tuple[str, ...]] = dict(MESSAGE_KEYS)


def msg(key: str, **params: object) -> Message:
    """A Message with its parameters in the documented order (unknown keys/params raise KeyError)."""
    names = MESSAGE_PARAMS[key]
    if set(params) != set(names):
        raise KeyError(f"{key} takes {names}, got {tuple(params)}")
    return Message(key, tuple((n, params[n]) for n in names))

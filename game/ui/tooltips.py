"""Hover and focus explanations on the board: what an action costs and does
(and why it is not possible now, in the engine's words), what a benefit is,
who a member is and what you know of them, and a warning before a pitch to
someone you have not asked or about something they are not known to care
about.  Text only comes from the catalog, the scenario and the engine."""
from __future__ import annotations

import pygame

from game.engine.types import ACTION_COSTS, MEMBER_OPTIONAL, NEEDS_BENEFIT, NEEDS_MEMBER, Action
from game.ui import theme
from game.ui.cards import lock_reason


def action_tip(board, kind: str) -> list[tuple[str, tuple]]:
    """Cost and effect of ``kind``; why it cannot be planned now (the engine's reason)."""
    t = board.t
    lines = [(t("tip.action", action=t(f"action.{kind}"), cost=ACTION_COSTS[kind]), theme.INK),
             (t(f"action.{kind}.help"), theme.MUTED)]
    obs = board.obs
    mv = obs.members[board.focus] if obs.members else None
    member = mv.id if mv is not None and (kind in NEEDS_MEMBER or kind in MEMBER_OPTIONAL) else None
    benefit = obs.benefits[board.benefit].id if kind in NEEDS_BENEFIT and obs.benefits else None
    refused = board.deal.refusal(board.plan + [Action(kind, member, benefit)])
    if refused is not None:
        lines.append((board.reason(refused), theme.LOSS_TEXT))
    return lines


def benefit_tip(board, j: int) -> list[tuple[str, tuple]]:
    """The scenario's description of the benefit, your strength, and whether the focused member cares."""
    t, obs = board.t, board.obs
    bv = obs.benefits[j]
    authored = next((b for b in board.deal.scenario.benefits if b.id == bv.id), None)
    lines = [(bv.name, theme.INK)]
    if authored is not None and authored.description.strip():
        lines.append((" ".join(authored.description.split()), theme.MUTED))
    lines.append((t("tip.strength", value=f"{bv.capability:.2f}"), theme.INK))
    mv = obs.members[board.focus] if obs.members else None
    if mv is not None:
        care = dict(mv.known_priorities).get(bv.id)
        if care is not None:
            lines.append((t("tip.cares", member=mv.name, value=f"{care:.2f}"), theme.PLAYER_TEXT))
        elif mv.revealed == 0:
            lines.append((t("board.warn.unasked", member=mv.name), theme.LOSS_TEXT))
        else:
            lines.append((t("board.warn.unknown_care", member=mv.name, benefit=bv.name), theme.LOSS_TEXT))
    return lines


def member_tip(board, i: int) -> list[tuple[str, tuple]]:
    """Roles explained, influence, what you know of them, why they are out of reach."""
    t, obs = board.t, board.obs
    mv = obs.members[i]
    lines = [(f"{mv.name} · {mv.title}", theme.INK)]
    for role in mv.roles:
        lines.append((f"{t(f'role.{role}')}: {t(f'role.{role}.help')}", theme.MUTED))
    lines.append((t("tip.influence", value=f"{mv.influence:.1f}"), theme.INK))
    if mv.leading_rival is not None:           # the full name (the card may shorten it)
        lines.append((t("tip.rival", rival=board.app.names_rival(mv.leading_rival),
                        value=f"{mv.rival_stance:+.2f}"), theme.RIVAL_TEXT))
    if mv.revealed == 0:
        lines.append((t("tip.not_asked"), theme.MUTED))
    else:
        lines.append((t("tip.known", n=len(mv.known_priorities)), theme.INK))
    if mv.locked:
        lines.append((lock_reason(board.app, mv, obs.members), theme.LOSS_TEXT))
    if board.forecast is not None:
        fc = next((f for f in board.forecast.members if f.member == mv.id), None)
        if fc is not None:
            who = (t("word.you") if fc.backs == "player" else t("decision.backs_nothing") if fc.backs == "status_quo"
                   else board.app.names_rival(fc.backs))
            lines.append((t("tip.would_back", who=who), theme.INK))
    return lines


def pitch_warning(board, action: Action) -> str | None:
    """A warning before pitching blind: to someone not asked, or a benefit they are not known to care about."""
    if action.kind != "pitch" or not action.member or not action.benefit:
        return None
    mv = next((m for m in board.obs.members if m.id == action.member), None)
    if mv is None:
        return None
    if mv.revealed == 0:
        return board.t("board.warn.unasked", member=mv.name)
    if action.benefit not in dict(mv.known_priorities):
        return board.t("board.warn.unknown_care", member=mv.name, benefit=board.app.names_benefit(action.benefit))
    return None


def tip_lines(board, tip) -> list[tuple[str, tuple]]:
    what, which = tip
    if what == "kind":
        return action_tip(board, which)
    if what == "benefit" and which < len(board.obs.benefits):
        return benefit_tip(board, which)
    if what == "member" and which < len(board.obs.members):
        return member_tip(board, which)
    return []


def tip_box(app, anchor: pygame.Rect, lines: list[tuple[str, tuple]]):
    """Where the box for ``lines`` goes next to ``anchor`` (below when there is room, else above,
    inside the window) and its wrapped lines: (box, [(line, colour)]), or None without lines."""
    if not lines:
        return None
    m, tr = app.metrics, app.text
    size = m.small
    lh = tr.line_height(size)
    width = min(max(260, app.size[0] // 4), app.size[0] - 2 * m.pad)
    wrapped = [(line, colour) for text, colour in lines for line in tr.wrap(text, size, width - m.pad - 8)]
    box = pygame.Rect(0, 0, width, lh * len(wrapped) + m.pad)
    win = pygame.Rect((0, 0), app.size)
    box.midtop = (anchor.centerx, anchor.bottom + 4)
    if box.bottom > win.bottom:
        box.midbottom = (anchor.centerx, anchor.top - 4)
    box.clamp_ip(win)
    return box, wrapped


def paint_tip(app, surface, placed) -> None:
    box, wrapped = placed
    m, tr = app.metrics, app.text
    lh = tr.line_height(m.small)
    pygame.draw.rect(surface, theme.PANEL, box, border_radius=6)
    pygame.draw.rect(surface, theme.INK, box, 2, border_radius=6)
    y = box.y + m.pad // 2
    for text, colour in wrapped:
        tr.draw(surface, text, (box.x + m.pad // 2 + 4, y), m.small, colour, colour == theme.LOSS_TEXT)
        y += lh

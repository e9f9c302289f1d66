"""Drawing of the game's recurring pieces: member cards, benefit rows, the
stage timeline and news lines.  Pure drawing: they show what an Observation
says and compute no rule."""
from __future__ import annotations

import pygame

from game.ui import theme
from game.ui.widgets import (badge, block_icon, circle_icon, delta_label, diamond_icon, focus_ring,
                             keycap, lock_icon, meter, panel, signed, stance_bar, star_icon)

ROLE_SHORT_KEY = "role.{}"


def lock_reason(app, mv, members) -> str:
    """Why ``mv`` cannot be reached, naming who stands in the way: a blocker
    shields every decider; otherwise the member's gatekeeper."""
    t = app.i18n.t
    blockers = [o for o in members if o.blocker and o.id != mv.id]
    if blockers and "decider" in mv.roles:
        names = ", ".join(app.names_member(o.id) or o.name for o in blockers)
        return t("board.locked_blocker", blocker=names)
    gatekeeper = app.names_member(mv.gated_by) if mv.gated_by else ""
    if not gatekeeper and blockers:
        return t("board.locked_blocker", blocker=", ".join(o.name for o in blockers))
    return t("board.locked", gatekeeper=gatekeeper or "?")


def member_card(app, surface, rect: pygame.Rect, mv, *, focused=False, hovered=False, planned=0,
                stance=None, rival=None, stance_from=None, delta=None, delta_alpha=1.0,
                drop_target=False, rival_name: str = "", members=()) -> None:
    """One buying-center member.  ``stance``/``rival`` override the shown
    values while they animate; ``delta`` shows the last round's change."""
    m, tr, t = app.metrics, app.text, app.i18n.t
    pad = max(4, m.pad * 2 // 3)
    fill = theme.PANEL
    if mv.locked:
        fill = theme.PANEL_ALT
    if hovered or drop_target:
        fill = theme.HIGHLIGHT
    border = theme.HEADER if mv.activity >= 0.8 else theme.LINE
    panel(surface, rect, fill, border, 8, 2 if mv.activity >= 0.8 else 1)
    size = m.small
    big = m.body if rect.height >= m.body * 9 and rect.width >= 240 else m.small
    lh = tr.line_height(size)
    x, y = rect.x + pad, rect.y + pad // 2
    right = rect.right - pad

    # top right: lock / blocker / active marks (shape + text)
    icons_x = right
    if mv.locked:
        lock_icon(surface, (icons_x - size // 2, y + size // 2 + 2), size)
        icons_x -= size + 4
    if mv.blocker:
        block_icon(surface, (icons_x - size // 2, y + size // 2 + 2), size // 2 + 1)
        icons_x -= size + 4
    if mv.activity >= 0.8:
        star_icon(surface, (icons_x - size // 2, y + size // 2 + 2), size // 2 + 1, theme.ORANGE)
        icons_x -= size + 4
    tr.draw(surface, mv.name, (x, y), big, theme.INK, True, max_width=icons_x - x - 4)
    y += tr.line_height(big, True)
    tr.draw(surface, mv.title, (x, y), size, theme.MUTED, max_width=rect.width - 2 * pad)
    y += lh

    # roles and influence
    bx = x
    for role in mv.roles:
        r = badge(tr, surface, (bx, y + 1), t(f"role.{role}"), max(10, size - 2),
                  theme.ROLE_COLOURS.get(role, theme.BG_DEEP))
        bx = r.right + 3
        if bx > rect.right - pad * 8:
            break
    infl = f"{t('board.influence')} {mv.influence:.1f}"
    iw = tr.width(infl, size)
    if bx + iw + 6 < right:
        tr.draw(surface, infl, (right, y + 1), size, theme.INK, False, "topright")
    y += lh + 2

    # stance bar: filled circle = you, hollow diamond = leading rival
    you = mv.stance if stance is None else stance
    riv = mv.rival_stance if rival is None else rival
    has_rival = mv.leading_rival is not None
    label_w = tr.width("+0.00", size) + 4
    bar = pygame.Rect(x + 6, y + 2, rect.width - 2 * pad - label_w - 12, max(10, size - 2))
    stance_bar(surface, bar, you, riv if has_rival else None, you_from=stance_from)
    tr.draw(surface, signed(you), (right, bar.centery), size, theme.PLAYER, True, "midright")
    y = bar.bottom + 3
    line = f"{t('word.you')} {signed(you)}"
    if has_rival:
        line += f"  ◇ {rival_name} {signed(riv)}"
    if delta is not None and abs(delta) > 0.004 and delta_alpha > 0:
        d = delta_label(tr, surface, (right, y), delta, size, "topright")
        tr.draw(surface, line, (x, y), size, theme.MUTED, max_width=d.x - x - 4)
    else:
        tr.draw(surface, line, (x, y), size, theme.MUTED, max_width=rect.width - 2 * pad)
    y += lh + 2

    # what you have learned of their priorities
    room = rect.bottom - pad // 2 - y
    if mv.locked:
        tr.draw_wrapped(surface, lock_reason(app, mv, members), pygame.Rect(x, y, rect.width - 2 * pad, room),
                        size, theme.INK)
    elif not mv.known_priorities:
        tr.draw(surface, "? " + t("board.unknown"), (x, y), size, theme.MUTED, max_width=rect.width - 2 * pad)
    else:
        rows = max(1, room // lh)
        bar_w = max(16, rect.width // 5)
        for bid, w in mv.known_priorities[:rows]:
            meter(surface, pygame.Rect(x, y + lh // 2 - 3, bar_w, 6), w, theme.HEADER)
            tr.draw(surface, app.names_benefit(bid), (x + bar_w + 5, y), size, theme.INK,
                    max_width=rect.right - pad - x - bar_w - 5)
            y += lh
        if mv.revealed < 3 and len(mv.known_priorities) < rows + 1 and y + lh <= rect.bottom:
            tr.draw(surface, t("board.ask_more"), (x, y), size, theme.MUTED, max_width=rect.width - 2 * pad)
    if planned:
        badge(tr, surface, (rect.right - pad, rect.bottom - pad // 2), t("board.planned_n", n=planned),
              max(10, size - 2), theme.HEADER, "bottomright")
    if focused:
        focus_ring(surface, rect)


def benefit_row(app, surface, rect: pygame.Rect, index: int, bv, *, selected=False, hovered=False,
                care: float | None = None) -> None:
    m, tr = app.metrics, app.text
    size = m.small
    fill = theme.HEADER if selected else (theme.HIGHLIGHT if hovered else theme.PANEL)
    ink = theme.HEADER_INK if selected else theme.INK
    panel(surface, rect, fill, theme.LINE, 6)
    x = rect.x + 4
    if index < 10:
        x = keycap(tr, surface, (x, rect.centery), str((index + 1) % 10), max(10, size - 1)).right + 5
    bar_w = max(30, rect.width // 5)
    num_w = tr.width("0.00", size) + 4
    name_w = rect.right - x - bar_w - num_w - 10
    if care is not None:
        star_icon(surface, (x + size // 2, rect.centery), size // 2, theme.ORANGE if not selected else theme.YELLOW)
        x += size + 2
        name_w -= size + 2
    tr.draw(surface, bv.name, (x, rect.centery), size, ink, selected, "midleft", max_width=name_w)
    bar = pygame.Rect(rect.right - bar_w - num_w - 4, rect.centery - 4, bar_w, 8)
    meter(surface, bar, bv.capability, theme.PLAYER if not selected else theme.SKY)
    tr.draw(surface, f"{bv.capability:.2f}", (rect.right - 4, rect.centery), size, ink, False, "midright")


def timeline(app, surface, rect: pygame.Rect, stages, current: int, phase: str) -> None:
    """Stage chips: done ones ticked, the current one filled, the decision starred."""
    m, tr = app.metrics, app.text
    n = len(stages)
    if n == 0:
        return
    gap = 4
    w = (rect.width - gap * (n - 1)) / n
    size = m.small
    for i, st in enumerate(stages):
        r = pygame.Rect(round(rect.x + i * (w + gap)), rect.y, round(w), rect.height)
        done = i < current or phase == "over"
        now = i == current and phase != "over"
        if now:
            fill, ink = theme.HEADER, theme.HEADER_INK
        elif done:
            fill, ink = theme.BG_DEEP, theme.MUTED
        else:
            fill, ink = theme.PANEL, theme.INK
        pygame.draw.rect(surface, fill, r, border_radius=6)
        if st.post_sale:
            pygame.draw.rect(surface, theme.GREEN, r, 2, border_radius=6)
        elif not now:
            pygame.draw.rect(surface, theme.LINE, r, 1, border_radius=6)
        x = r.x + 5
        if done:
            x = tr.draw(surface, "✓", (x, r.centery), size, ink, True, "midleft").right + 3
        if st.decision:
            star_icon(surface, (x + size // 2, r.centery), size // 2 + 1, theme.ORANGE)
            x += size + 3
        tr.draw(surface, f"{i + 1}. {st.name}", (x, r.centery), size, ink, now, "midleft",
                max_width=r.right - x - 4)


def news_icon(surface, msg_key: str, centre, r) -> None:
    """A shape per kind of news: diamond = a rival, triangle = an event,
    circle = you, square = the decision and the account."""
    if msg_key.startswith("news.rival"):
        diamond_icon(surface, centre, r, theme.RIVAL)
    elif msg_key.startswith("event."):
        x, y = centre
        pygame.draw.polygon(surface, theme.ORANGE, [(x, y - r), (x + r, y + r), (x - r, y + r)])
    elif msg_key in ("news.wasted_pitch", "news.pilot_failure", "news.veto", "news.rung_down"):
        block_icon(surface, centre, r, theme.LOSS)
    elif msg_key.startswith(("news.decision", "news.no_decision", "news.account", "news.rung")):
        pygame.draw.rect(surface, theme.HEADER, pygame.Rect(centre[0] - r, centre[1] - r, 2 * r, 2 * r))
    else:
        circle_icon(surface, centre, r, theme.PLAYER)


#: news that changes who can be reached or how the deal ends comes first
URGENT_NEWS = ("blocker", "veto", "news.decision", "news.no_decision", "news.unlocked", "news.referred")


def news_order(messages) -> list:
    """The news with the urgent items (a blocker, a veto, the decision) first, otherwise in order."""
    return sorted(messages, key=lambda msg: 0 if any(u in msg.key for u in URGENT_NEWS) else 1)


def news_list(app, surface, rect: pygame.Rect, messages, empty_key="board.no_news", offset: int = 0) -> int:
    """Draw the news from item ``offset`` on; returns how many items are left below (to scroll to)."""
    m, tr = app.metrics, app.text
    size = m.small
    y = rect.y
    if not messages:
        tr.draw_wrapped(surface, app.i18n.t(empty_key), rect, size, theme.MUTED)
        return 0
    lh = tr.line_height(size)
    indent = size + 6
    messages = list(messages)
    offset = max(0, min(offset, len(messages) - 1))
    if offset:
        tr.draw(surface, app.i18n.t("board.news_above", n=offset), (rect.right, y), size, theme.MUTED,
                False, "topright")
        y += lh
    bottom = rect.bottom - lh              # keep a line for "more below"
    shown = offset
    for i, msg in enumerate(messages[offset:], offset):
        text = app.i18n.message(msg, app.deal.names) if app.deal else msg.key
        need = tr.wrapped_height(text, size, rect.width - indent)
        last = i == len(messages) - 1
        limit = rect.bottom if last else bottom
        if y + need > limit and i > offset:
            break
        news_icon(surface, msg.key, (rect.x + size // 2, y + lh // 2), size // 2 - 1)
        room = max(1, (limit - y) // lh)
        used = tr.draw_wrapped(surface, text, pygame.Rect(rect.x + indent, y, rect.width - indent, room * lh),
                               size, theme.INK)
        y += used + 3
        shown = i + 1
    left = len(messages) - shown
    if left:
        tr.draw(surface, app.i18n.t("board.news_below", n=left), (rect.right, rect.bottom), size, theme.HEADER,
                True, "bottomright")
    return left

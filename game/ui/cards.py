"""Drawing of the game's recurring pieces: member cards, benefit rows, the
stage timeline and news lines.  Pure drawing: they show what an Observation
says and compute no rule."""
from __future__ import annotations

import pygame

from game.ui import theme
from game.ui.names import short_name, with_name
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


def card_layout(app, rect: pygame.Rect, mv, planned: int = 0, backs: str | None = None) -> dict[str, pygame.Rect]:
    """Where each part of a member card goes, computed before drawing: only the
    parts that fit inside ``rect`` are present, top to bottom by importance
    (name and stance always; then roles, the you/rival line, what is known,
    the title).  Nothing overlaps and nothing leaves the card."""
    m, tr = app.metrics, app.text
    pad = max(4, m.pad * 2 // 3)
    size = m.small
    big = m.body if rect.height >= m.body * 9 and rect.width >= 240 else m.small
    lh = tr.line_height(size)
    inner = pygame.Rect(rect.x + pad, rect.y + pad // 2, rect.width - 2 * pad, rect.height - pad)
    icons = (size + 4) * (int(mv.locked) + int(mv.blocker) + int(mv.activity >= 0.8) + int(backs is not None))
    planned_w = tr.width(app.i18n.t("board.planned_n", n=planned), max(10, size - 2), True) + size if planned else 0
    name_h = tr.line_height(big, True)
    out = {"card": rect, "icons": pygame.Rect(inner.right - icons, inner.y, icons, name_h)}
    out["name"] = pygame.Rect(inner.x, inner.y, max(10, inner.width - icons - planned_w - 4), name_h)
    if planned:
        out["planned"] = pygame.Rect(out["name"].right + 2, inner.y, planned_w, name_h)
    bar_h = max(10, size - 2) + 5
    label_w = tr.width("+0.00", size, True) + 4
    parts = [("title", lh), ("roles", lh + 2), ("line", lh + 2), ("detail", lh)]
    room = inner.bottom - (inner.y + name_h + bar_h)
    wanted = {"roles": True, "line": True, "detail": True, "title": True}
    for drop in ("title", "detail", "line", "roles"):       # least important first
        if sum(h for k, h in parts if wanted[k]) <= room:
            break
        wanted[drop] = False
    y = inner.y + name_h
    for key in ("title", "roles"):
        if wanted[key]:
            out[key] = pygame.Rect(inner.x, y, inner.width, dict(parts)[key])
            y += dict(parts)[key]
    out["bar"] = pygame.Rect(inner.x + 6, y + 2, inner.width - label_w - 12, bar_h - 5)
    out["value"] = pygame.Rect(inner.right - label_w, y, label_w, bar_h)
    y += bar_h
    if wanted["line"]:
        out["line"] = pygame.Rect(inner.x, y, inner.width, lh + 2)
        y += lh + 2
    if wanted["detail"]:
        out["detail"] = pygame.Rect(inner.x, y, inner.width, max(lh, inner.bottom - y))
    return out


def stance_line(app, you: float, rival: float | None, rival_name: str, size: int, width: int) -> str:
    """ "you +0.30  ◇ Rival -0.12": a long rival name is cut after a whole word so that
    its number still shows (the card's tooltip has the full name)."""
    head = f"{app.i18n.t('word.you')} {signed(you)}"
    if rival is None:
        return head
    return with_name(app.text, lambda n: f"{head}  ◇ {n} {signed(rival)}", rival_name, size, width)


def member_card(app, surface, rect: pygame.Rect, mv, *, focused=False, hovered=False, planned=0,
                stance=None, rival=None, stance_from=None, delta=None, delta_alpha=1.0,
                drop_target=False, rival_name: str = "", members=(), backs: str | None = None,
                unheard: bool = False) -> dict[str, pygame.Rect]:
    """One buying-center member, drawn into the parts of ``card_layout``.
    ``stance``/``rival`` override the shown values while they animate;
    ``delta`` shows the last round's change."""
    m, tr, t = app.metrics, app.text, app.i18n.t
    fill = theme.PANEL
    if mv.locked:
        fill = theme.PANEL_ALT
    if hovered or drop_target:
        fill = theme.HIGHLIGHT
    border = theme.ORANGE if mv.activity >= 0.8 else theme.LINE     # the star's colour: never mistaken for the focus ring
    panel(surface, rect, fill, border, 8, 2 if mv.activity >= 0.8 else 1)
    size = m.small
    parts = card_layout(app, rect, mv, planned, backs)
    big = m.body if rect.height >= m.body * 9 and rect.width >= 240 else m.small
    lh = tr.line_height(size)

    # top right: lock / blocker / active marks (shape + text)
    icons = parts["icons"]
    icons_x = icons.right
    cy = icons.y + size // 2 + 2
    if mv.locked:
        lock_icon(surface, (icons_x - size // 2, cy), size)
        icons_x -= size + 4
    if mv.blocker:
        block_icon(surface, (icons_x - size // 2, cy), size // 2 + 1)
        icons_x -= size + 4
    if mv.activity >= 0.8:
        star_icon(surface, (icons_x - size // 2, cy), size // 2 + 1, theme.ORANGE)
        icons_x -= size + 4
    if backs is not None:                     # the forecast: whom they would back now
        backing_mark(surface, (icons_x - size // 2, cy), size // 2, backs, unheard)
    name = parts["name"]
    tr.draw(surface, mv.name, name.topleft, big, theme.INK, True, max_width=name.width)
    if "planned" in parts:
        badge(tr, surface, parts["planned"].midright, t("board.planned_n", n=planned), max(10, size - 2),
              theme.HEADER, "midright")
    if "title" in parts:
        tr.draw(surface, mv.title, parts["title"].topleft, size, theme.MUTED, max_width=parts["title"].width)

    # roles and influence
    if "roles" in parts:
        r = parts["roles"]
        infl = f"{t('board.influence')} {mv.influence:.1f}"
        iw = tr.width(infl, size)
        bx = r.x
        for role in mv.roles:
            label = t(f"role.{role}")
            if bx + tr.width(label, max(10, size - 2), True) + size > r.right - iw - 6:
                break
            bx = badge(tr, surface, (bx, r.y + 1), label, max(10, size - 2),
                       theme.ROLE_COLOURS.get(role, theme.BG_DEEP)).right + 3
        if bx + iw + 6 < r.right:
            tr.draw(surface, infl, (r.right, r.y + 1), size, theme.INK, False, "topright")

    # stance bar: filled circle = you, hollow diamond = leading rival
    you = mv.stance if stance is None else stance
    riv = mv.rival_stance if rival is None else rival
    has_rival = mv.leading_rival is not None
    stance_bar(surface, parts["bar"], you, riv if has_rival else None, you_from=stance_from)
    tr.draw(surface, signed(you), parts["value"].midright, size, theme.PLAYER, True, "midright")
    if "line" in parts:
        r = parts["line"]
        right = r.right
        if delta is not None and abs(delta) > 0.004 and delta_alpha > 0:
            right = delta_label(tr, surface, (r.right, r.y), delta, size, "topright").x - 4
        line = stance_line(app, you, riv if has_rival else None, rival_name, size, right - r.x)
        tr.draw(surface, line, r.topleft, size, theme.MUTED, max_width=right - r.x)

    # what you have learned of their priorities
    if "detail" in parts:
        r = parts["detail"]
        x, y = r.topleft
        if mv.locked:
            tr.draw_wrapped(surface, lock_reason(app, mv, members), r, size, theme.INK)
        elif not mv.known_priorities:
            tr.draw(surface, "? " + t("board.unknown"), (x, y), size, theme.MUTED, max_width=r.width)
        else:
            rows = max(1, r.height // lh)
            bar_w = max(16, rect.width // 5)
            for bid, w in mv.known_priorities[:rows]:
                meter(surface, pygame.Rect(x, y + lh // 2 - 3, bar_w, 6), w, theme.HEADER)
                tr.draw(surface, app.names_benefit(bid), (x + bar_w + 5, y), size, theme.INK,
                        max_width=r.width - bar_w - 5)
                y += lh
            if mv.revealed < 3 and len(mv.known_priorities) < rows and y + lh <= r.bottom:
                tr.draw(surface, t("board.ask_more"), (x, y), size, theme.MUTED, max_width=r.width)
    if focused:
        focus_ring(surface, rect)
    return parts


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
    if care is not None:                      # ♥: the focused member cares about it (★ means "most active")
        x = tr.draw(surface, "♥", (x, rect.centery), size, ink, True, "midleft").right + 3
        name_w = rect.right - x - bar_w - num_w - 10
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
        if st.decision:                       # ◎: the customer decides in this stage
            x = tr.draw(surface, "◎", (x, r.centery), size, ink, True, "midleft").right + 3
        label = f"{i + 1}. {st.name}"
        if r.height >= 2 * tr.line_height(size) and tr.width(label, size, now) > r.right - x - 4:
            lines = tr.wrap(label, size, r.right - x - 4, now)[:2]       # two lines when one does not fit
            if len(tr.wrap(label, size, r.right - x - 4, now)) > 2:
                lines[1] = tr.fit(lines[1] + "…", size, r.right - x - 4, now)
            lh = tr.line_height(size)
            for k, text in enumerate(lines):
                tr.draw(surface, text, (x, r.centery - lh + k * lh), size, ink, now, "topleft")
        else:
            tr.draw(surface, label, (x, r.centery), size, ink, now, "midleft", max_width=r.right - x - 4)


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


def backing_mark(surface, centre, r, backs: str, unheard: bool = False) -> None:
    """Whom a member would back now: ● you, ◆ a rival, ■ doing nothing (hollow when never asked)."""
    if backs == "player":
        circle_icon(surface, centre, r, theme.PLAYER, filled=not unheard)
    elif backs == "status_quo":
        rect = pygame.Rect(0, 0, 2 * r - 2, 2 * r - 2)
        rect.center = centre
        pygame.draw.rect(surface, theme.STATUS_QUO, rect, 0 if not unheard else 2)
    else:
        diamond_icon(surface, centre, r, theme.RIVAL, filled=not unheard)


def forecast_lines(app, fc, decided: bool = False, width: int | None = None) -> list[tuple[str, tuple]]:
    """The forecast as sentences with their colours: the verdict, your share
    against the share needed, and who would stall or veto.  With ``width`` (the
    panel's), a long rival name is cut after a whole word to half of it."""
    t = app.i18n.t
    leader = t("word.you") if fc.leader == "player" else app.names_rival(fc.leader)
    if width is not None and fc.leader != "player":
        leader = short_name(app.text, leader, app.metrics.small, width // 2)
    if fc.outcome == "won":
        verdict, colour = t("forecast.won"), theme.PLAYER_TEXT
    elif fc.outcome == "lost":
        verdict, colour = t("forecast.lost", rival=leader), theme.RIVAL_TEXT
    else:
        verdict, colour = t(f"forecast.none.{fc.reason or 'short'}"), theme.INK
    lines = [] if decided else [(verdict, colour)]
    lines += [(t("forecast.share", share=round(fc.share * 100), needed=round(fc.needed * 100), leader=leader,
                leader_share=round(fc.leader_share * 100)), theme.INK)]
    vetoers = [app.names_member(m.member) for m in fc.members if m.vetoes]
    if vetoers:
        lines.append((t("forecast.veto", members=", ".join(vetoers)), theme.LOSS_TEXT))
    objectors = [app.names_member(m.member) for m in fc.members if m.objects]
    if objectors:
        lines.append((t("forecast.stall", members=", ".join(objectors[:4]), share=round(fc.stall_share * 100),
                        needed=round(fc.stall_needed * 100)), theme.LOSS_TEXT if fc.reason == "stall" else theme.MUTED))
    worried = [app.names_member(m.member) for m in fc.members if getattr(m, "worried", False)]
    if worried and not decided:         # a concern a follow-up surfaced, not addressed (even by the plan)
        lines.append((t("forecast.concern", members=", ".join(worried[:4])), theme.LOSS_TEXT))
    unheard = sum(1 for m in fc.members if m.unheard)
    if unheard and not decided:
        lines.append((t("forecast.unheard", n=unheard), theme.MUTED))
    return lines


def forecast_panel(app, surface, rect: pygame.Rect, fc, decided: bool = False) -> None:
    """"If they decided now": a bar of your share with the share needed marked, then the sentences."""
    m, tr, t = app.metrics, app.text, app.i18n.t
    size = m.small
    lh = tr.line_height(size)
    panel(surface, rect, theme.PANEL, theme.HEADER, 6, 1)
    inner = rect.inflate(-8, -6)
    tr.draw(surface, t("forecast.decided" if decided else "forecast.title"), inner.topleft, size, theme.HEADER, True, max_width=inner.width)
    bar = pygame.Rect(inner.x, inner.y + lh + 2, inner.width, max(8, size // 2))
    pygame.draw.rect(surface, theme.BG_DEEP, bar, border_radius=3)
    you = pygame.Rect(bar.x, bar.y, round(bar.width * fc.share), bar.height)
    pygame.draw.rect(surface, theme.PLAYER, you, border_radius=3)
    if fc.leader != "player":
        riv = pygame.Rect(bar.right - round(bar.width * fc.leader_share), bar.y, round(bar.width * fc.leader_share),
                          bar.height)
        pygame.draw.rect(surface, theme.RIVAL, riv, border_radius=3)
    x = bar.x + round(bar.width * fc.needed)
    pygame.draw.line(surface, theme.INK, (x, bar.y - 3), (x, bar.bottom + 3), 2)
    y = bar.bottom + 4
    for text, colour in forecast_lines(app, fc, decided, inner.width):
        if y + lh > inner.bottom:
            break
        used = tr.draw_wrapped(surface, text, pygame.Rect(inner.x, y, inner.width, inner.bottom - y), size, colour,
                               max_lines=2)
        y += used


def forecast_height(app, fc, width: int, decided: bool = False) -> int:
    """Height ``forecast_panel`` needs at ``width`` (computed in the layout step)."""
    m, tr = app.metrics, app.text
    lh = tr.line_height(m.small)
    body = sum(min(2, len(tr.wrap(text, m.small, width - 8))) * lh for text, _ in forecast_lines(app, fc, decided, width - 8))
    return lh + 2 + max(8, m.small // 2) + 4 + body + 8

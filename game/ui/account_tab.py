"""The debrief's "after the sale" tab, shown only after a won sale with
post-sale rounds: the account type on the loyalty x effort grid (the four
account types), the loyalty ladder, and the engine's explanation of the
account (``Debrief.account``: type, the account's potential, the effort
spent, over-promises, discounts) in the player's language.

    parts = account_layout(scene, rect)      # the rectangles, before drawing
    draw_account(scene, surface, rect)       # returns the bottom of the text
"""
from __future__ import annotations

import pygame

from game.ui import theme
from game.ui.widgets import panel

#: the grid of account types: (row, column) with loyalty up and service effort right
GRID = {"key_account": (0, 0), "strategic_partner": (0, 1), "nomad": (1, 0), "zombie": (1, 1)}


def account_texts(scene) -> list[str]:
    """The engine's account explanation, translated (empty for a lost game or no post-sale rounds)."""
    return [scene.app.i18n.message(m, scene.deal.names) for m in scene.debrief.account]


def account_layout(scene, rect: pygame.Rect) -> dict[str, pygame.Rect]:
    """The grid, the ladder and the explanation's column, computed from ``rect`` alone."""
    m, tr = scene.app.metrics, scene.app.text
    pad = m.pad
    lh = tr.line_height(m.small)
    left = pygame.Rect(rect.x, rect.y, round(rect.width * 0.38), rect.height)
    heading = tr.line_height(m.heading, True) + 2 * lh + pad
    ladder = pygame.Rect(left.x + pad, left.bottom - lh * 3 - pad, left.width - 2 * pad, lh * 3)
    room = ladder.y - 2 * pad - (left.y + heading) - lh      # the axis labels take a line below the grid
    side = max(40, min(left.width - 2 * pad - lh, room))
    grid = pygame.Rect(left.x + pad + lh, left.y + heading, side, side)
    story = pygame.Rect(left.right + 2 * pad, rect.y, rect.right - left.right - 2 * pad, rect.height)
    return {"left": left, "grid": grid, "ladder": ladder, "story": story}


def draw_account(scene, surface, rect: pygame.Rect) -> int:
    """Draw the tab; returns the bottom of the explanation's last line."""
    app, d = scene.app, scene.debrief
    m, tr, t = app.metrics, app.text, app.i18n.t
    pad = m.pad
    parts = account_layout(scene, rect)
    left, grid, story = parts["left"], parts["grid"], parts["story"]
    panel(surface, left)
    inner = left.inflate(-2 * pad, -2 * pad)
    if d.account_type:
        y = tr.draw(surface, t("debrief.account", type=t(f"account.{d.account_type}")), inner.topleft, m.heading,
                    theme.INK, True, max_width=inner.width).bottom + 2
        tr.draw_wrapped(surface, t(f"account.{d.account_type}.help"),
                        pygame.Rect(inner.x, y, inner.width, tr.line_height(m.small) * 2), m.small, theme.MUTED,
                        max_lines=2)
    draw_grid(scene, surface, grid, d.account_type)
    if d.loyalty is not None:
        scene.draw_ladder(surface, parts["ladder"], d.loyalty)
    panel(surface, story)
    inner = story.inflate(-3 * pad, -2 * pad)
    size = story_size(scene, inner)
    y = inner.y
    tr.draw(surface, t("debrief.tab.account"), (inner.x, y), m.body, theme.HEADER, True, max_width=inner.width)
    y += tr.line_height(m.body, True) + pad // 2
    for i, text in enumerate(account_texts(scene)):
        y += tr.draw_wrapped(surface, text, pygame.Rect(inner.x, y, inner.width, inner.bottom - y), size,
                             theme.INK if i else theme.HEADER, i == 0) + pad
    return y - pad


def story_height(scene, width: int, size: int) -> int:
    """The height the heading and the explanation need at ``size``, wrapped to ``width``."""
    m, tr, pad = scene.app.metrics, scene.app.text, scene.app.metrics.pad
    texts = account_texts(scene)
    return (tr.line_height(m.body, True) + pad // 2 + sum(tr.wrapped_height(text, size, width, i == 0) + pad
                                                          for i, text in enumerate(texts)) - pad)


def story_size(scene, inner: pygame.Rect) -> int:
    """The body size when the whole explanation fits in ``inner``, else the small size."""
    m = scene.app.metrics
    return m.body if story_height(scene, inner.width, m.body) <= inner.height else m.small


def draw_grid(scene, surface, rect: pygame.Rect, here: str | None) -> None:
    """The four account types, loyalty up and service effort right; the customer's type outlined."""
    m, tr, t = scene.app.metrics, scene.app.text, scene.app.i18n.t
    size = m.small
    half = rect.width // 2
    for name, (row, col) in GRID.items():
        cell = pygame.Rect(rect.x + col * half, rect.y + row * half, half, half).inflate(-4, -4)
        mine = name == here
        fill = theme.PLAYER if mine else theme.PANEL_ALT
        pygame.draw.rect(surface, fill, cell, border_radius=6)
        pygame.draw.rect(surface, theme.INK if mine else theme.MUTED, cell, 2 if mine else 1, border_radius=6)
        box = cell.inflate(-8, -8)
        height = min(tr.wrapped_height(t(f"account.{name}"), size, box.width, True), box.height)
        tr.draw_wrapped(surface, t(f"account.{name}"), pygame.Rect(box.x, box.centery - height // 2, box.width,
                                                                   height), size, theme.ink_on(fill), True,
                        align="center")
    tr.draw(surface, t("debrief.account_effort"), (rect.centerx, rect.bottom + 2), size, theme.MUTED, False, "midtop",
            max_width=rect.width)
    label = tr.render(t("debrief.account_loyalty"), size, theme.MUTED)
    label = pygame.transform.rotate(label, 90)
    if label.get_height() > rect.height:
        label = pygame.transform.smoothscale(label, (label.get_width(), rect.height))
    surface.blit(label, label.get_rect(midright=(rect.x - 2, rect.centery)))

"""How to play: a few short pages (goal, the buying center, actions, keys)."""
from __future__ import annotations

import pygame

from game.engine.types import ACTION_COSTS, POST_SALE_KINDS, PRE_SALE_KINDS
from game.ui import theme
from game.ui.controls import key_label
from game.ui.scene import Scene
from game.ui.widgets import (badge, block_icon, chrome, circle_icon, diamond_icon, key_event, keycap, lock_icon,
                             panel, star_icon, triangle_icon)

PAGES = ("goal", "roles", "actions", "keys")
ROLES = ("initiator", "user", "buyer", "influencer", "decider", "gatekeeper")
KEYS = (("Tab / ←→", "keys.members"), ("1…9, 0", "keys.benefits"), ("A P R D L C F", "keys.kinds"),
        ("Enter", "keys.act"), ("Backspace", "keys.undo"), ("E", "keys.end"),
        ("H", "keys.help"), ("Esc", "keys.menu"), ("F11", "keys.fullscreen"))


class HowtoScene(Scene):
    name = "howto"

    def enter(self) -> None:
        self.page = 0

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_ESCAPE, pygame.K_h, pygame.K_F1, pygame.K_BACKSPACE):
                self.app.stack.pop()
            elif event.key in (pygame.K_RIGHT, pygame.K_TAB, pygame.K_RETURN, pygame.K_SPACE):
                if self.page == len(PAGES) - 1 and event.key in (pygame.K_RETURN, pygame.K_SPACE):
                    self.app.stack.pop()
                else:
                    self.page = min(len(PAGES) - 1, self.page + 1)
            elif event.key == pygame.K_LEFT:
                self.page = max(0, self.page - 1)
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            if event.pos[0] > self.app.size[0] // 2:
                self.page = min(len(PAGES) - 1, self.page + 1)
            else:
                self.page = max(0, self.page - 1)

    def draw(self, surface) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        page = PAGES[self.page]
        body = chrome(self.app, surface, t("howto.title"), [
            ("←→", t("hint.page")), ("Esc", t("hint.back"))],
            right=t("howto.page", page=self.page + 1, pages=len(PAGES)))
        area = body.inflate(-8 * m.pad, -4 * m.pad)
        tr.draw(surface, t(f"howto.{page}.title"), area.topleft, m.heading, theme.HEADER, True)
        y = area.y + tr.line_height(m.heading, True) + m.pad
        intro = pygame.Rect(area.x, y, area.width, area.height // 3)
        y += tr.draw_wrapped(surface, t(f"howto.{page}.text"), intro, m.body, theme.INK) + 2 * m.pad
        rest = pygame.Rect(area.x, y, area.width, area.bottom - y)
        getattr(self, f"draw_{page}")(surface, rest)
        # page dots
        for i in range(len(PAGES)):
            c = (body.centerx + (i - (len(PAGES) - 1) / 2) * 3 * m.pad, body.bottom - 2 * m.pad)
            pygame.draw.circle(surface, theme.HEADER, c, m.pad // 2 + 1, 0 if i == self.page else 2)

    def draw_goal(self, surface, rect) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        row = round(m.body * 1.9)
        half = rect.width // 2 - m.pad
        items = ("you", "rival", "active", "lock", "blocker", "gain")
        for i, icon in enumerate(items):
            y = rect.y + i * row + m.body // 2
            c = (rect.x + m.body, y)
            r = m.body // 2
            if icon == "you":
                circle_icon(surface, c, r, theme.PLAYER)
            elif icon == "rival":
                diamond_icon(surface, c, r, theme.RIVAL)
            elif icon == "active":
                star_icon(surface, c, r + 1, theme.ORANGE)
            elif icon == "lock":
                lock_icon(surface, c, m.body)
            elif icon == "blocker":
                block_icon(surface, c, r)
            else:
                triangle_icon(surface, (c[0] - r // 2 - 1, y), r - 1, theme.GAIN, up=True)
                triangle_icon(surface, (c[0] + r // 2 + 3, y), r - 1, theme.LOSS, up=False)
            tr.draw_wrapped(surface, t(f"howto.legend.{icon}"),
                            pygame.Rect(rect.x + m.body * 2.5, y - tr.line_height(m.small) // 2,
                                        half - m.body * 2.5, row), m.small, theme.INK, max_lines=2)
        box = pygame.Rect(rect.x + half + 2 * m.pad, rect.y, half - m.pad, min(rect.height, row * 6))
        panel(surface, box, theme.PANEL)
        inner = box.inflate(-2 * m.pad, -2 * m.pad)
        tr.draw(surface, t("howto.steps.title"), inner.topleft, m.body, theme.HEADER, True)
        y = inner.y + tr.line_height(m.body, True) + m.pad // 2
        for i in range(1, 5):
            y += tr.draw_wrapped(surface, f"{i}. {t(f'howto.step.{i}')}",
                                 pygame.Rect(inner.x, y, inner.width, inner.bottom - y), m.small, theme.INK,
                                 max_lines=3) + m.pad // 2

    def draw_roles(self, surface, rect) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        col_w = (rect.width - m.pad) // 2
        h = min(round(m.body * 4.4), (rect.height - 2 * m.pad) // 3)
        for i, role in enumerate(ROLES):
            r = pygame.Rect(rect.x + (i % 2) * (col_w + m.pad), rect.y + (i // 2) * (h + m.pad), col_w, h)
            panel(surface, r)
            b = badge(tr, surface, (r.x + m.pad, r.y + m.pad), t(f"role.{role}"), m.small,
                      theme.ROLE_COLOURS[role])
            tr.draw_wrapped(surface, t(f"role.{role}.help"),
                            pygame.Rect(r.x + m.pad, b.bottom + m.pad // 2, r.width - 2 * m.pad,
                                        r.bottom - b.bottom - m.pad), m.small, theme.INK)

    def draw_actions(self, surface, rect) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        kinds = PRE_SALE_KINDS + POST_SALE_KINDS
        col_w = (rect.width - m.pad) // 2
        rows = -(-len(kinds) // 2)
        h = min(round(m.small * 3.4), (rect.height - m.pad * rows) // rows)
        for i, kind in enumerate(kinds):
            r = pygame.Rect(rect.x + (i // rows) * (col_w + m.pad), rect.y + (i % rows) * (h + m.pad // 2),
                            col_w, h)
            panel(surface, r, theme.PANEL if kind in PRE_SALE_KINDS else theme.PANEL_ALT)
            cap = keycap(tr, surface, (r.x + m.pad, r.y + h // 2), key_label(kind), m.small)
            tr.draw(surface, t("action.cost", name=t(f"action.{kind}"), cost=ACTION_COSTS[kind]),
                    (cap.right + m.pad, r.y + m.pad // 2), m.small, theme.INK, True)
            tr.draw(surface, t(f"action.{kind}.help"), (cap.right + m.pad, r.bottom - m.pad // 2), m.small,
                    theme.MUTED, False, "bottomleft", max_width=r.right - cap.right - 2 * m.pad)

    def draw_keys(self, surface, rect) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        row = round(m.body * 2.0)
        for i, (key, meaning) in enumerate(KEYS):
            y = rect.y + i * row + m.body // 2
            if y > rect.bottom - m.body:
                break
            keycap(tr, surface, (rect.x + round(190 * m.ui), y), key, m.body, "midright")
            tr.draw(surface, t(meaning), (rect.x + round(205 * m.ui), y), m.body, theme.INK, False,
                    "midleft", max_width=rect.width - round(210 * m.ui))

    def autoplay(self, driver):
        if self.page < len(PAGES) - 1:
            return [key_event(pygame.K_RIGHT)]
        return [key_event(pygame.K_ESCAPE)]

"""A yes/no question over the current screen, e.g. "Quit this deal?".

Cancel is the default: Enter, Space and Esc keep playing; only the other
button (clicked, or reached with the arrows/Tab and confirmed) goes on.
"""
from __future__ import annotations

from typing import Callable

import pygame

from game.ui import theme
from game.ui.scene import Scene
from game.ui.widgets import Button, Menu, dim, key_event, layout_row, panel


class ConfirmScene(Scene):
    name = "confirm"
    opaque = False

    def __init__(self, app, title_key: str, body_key: str, yes_key: str, then: Callable[[], None]):
        super().__init__(app)
        self.title_key, self.body_key, self.yes_key = title_key, body_key, yes_key
        self.then = then
        self.box = pygame.Rect(0, 0, 0, 0)

    def enter(self) -> None:
        self.build()

    def resize(self, size) -> None:
        self.build()

    def build(self) -> None:
        focus = self.menu.focus if hasattr(self, "menu") else 0
        self.menu = Menu([Button(self.t("confirm.cancel"), self.cancel, "Esc"),
                          Button(self.t(self.yes_key), self.confirm)], focus)
        self.layout(self.app.size)

    def cancel(self) -> None:
        if self.app.stack.top is self:
            self.app.stack.pop()

    def confirm(self) -> None:
        self.cancel()
        self.then()

    def layout(self, size) -> None:
        """The box and its buttons (computed before drawing, so clicks land where the screen shows them)."""
        m = self.app.metrics
        w, h = size
        bh = round(m.body * 2.6)
        box_w = min(w - 40, round(560 * m.ui))
        lines = self.app.text.wrap(self.t(self.body_key), m.body, box_w - m.pad * 6)
        body_h = self.app.text.line_height(m.body) * len(lines)
        self.box = pygame.Rect(0, 0, box_w, m.heading * 2 + body_h + bh + m.pad * 9)
        self.box.center = (w // 2, h // 2)
        row = pygame.Rect(self.box.x + m.pad * 3, self.box.bottom - m.pad * 3 - bh, self.box.width - m.pad * 6, bh)
        for b, r in zip(self.menu.buttons, layout_row(row, 2, m.pad * 2)):
            b.rect = r

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_BACKSPACE):
            self.cancel()
            return
        self.menu.handle(event)

    def draw(self, surface) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        self.layout(surface.get_size())
        dim(surface)
        panel(surface, self.box, theme.PANEL, theme.VERMILLION, 12, 2)
        tr.draw(surface, t(self.title_key), (self.box.centerx, self.box.y + m.pad * 2), m.heading, theme.HEADER,
                True, "midtop", max_width=self.box.width - m.pad * 4)
        top = self.box.y + m.pad * 3 + m.heading * 2
        text = pygame.Rect(self.box.x + m.pad * 3, top, self.box.width - m.pad * 6,
                           self.menu.buttons[0].rect.top - m.pad - top)
        tr.draw_wrapped(surface, t(self.body_key), text, m.body, theme.INK)
        self.menu.draw(tr, surface, m.body)

    def autoplay(self, driver):
        return [key_event(pygame.K_ESCAPE)]

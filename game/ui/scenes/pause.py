"""The in-game menu (Esc): resume, how to play, settings, back to the title."""
from __future__ import annotations

import pygame

from game.ui import theme
from game.ui.scene import Scene
from game.ui.widgets import Button, Menu, dim, key_event, layout_column, panel


class PauseScene(Scene):
    name = "menu"
    opaque = False

    def enter(self) -> None:
        self.build()

    def resume(self) -> None:
        self.build()

    def resize(self, size) -> None:
        self.build()

    def build(self) -> None:
        t = self.t
        focus = self.menu.focus if hasattr(self, "menu") else 0
        self.menu = Menu([
            Button(t("pause.resume"), self.app.stack.pop, "R"),
            Button(t("menu.howto"), self.howto, "H"),
            Button(t("menu.settings"), self.settings, "S"),
            Button(t("pause.to_title"), self.to_title, "T"),
            Button(t("menu.quit"), self.quit, "Q"),
        ], focus)

    def howto(self) -> None:
        self.app.flow.howto()

    def settings(self) -> None:
        self.app.flow.settings()

    def to_title(self) -> None:
        self.app.flow.leave_deal(self.app.flow.to_title)

    def quit(self) -> None:
        self.app.flow.leave_deal(lambda: self.app.quit(0))

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.stack.pop()
            return
        self.menu.handle(event)

    def draw(self, surface) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        dim(surface)
        w, h = surface.get_size()
        bh = round(m.body * 2.6)
        box = pygame.Rect(0, 0, min(w - 40, round(460 * m.ui)), bh * 5 + m.pad * 8 + m.heading * 2)
        box.center = (w // 2, h // 2)
        panel(surface, box, theme.PANEL, theme.HEADER, 12, 2)
        tr.draw(surface, t("pause.title"), (box.centerx, box.y + m.pad * 2), m.heading, theme.HEADER, True, "midtop")
        col = pygame.Rect(box.x + m.pad * 3, box.y + m.pad * 3 + m.heading * 2, box.width - m.pad * 6, 0)
        for b, r in zip(self.menu.buttons, layout_column(col, 5, bh, m.pad)):
            b.rect = r
        self.menu.draw(tr, surface, m.body)

    def autoplay(self, driver):
        return [key_event(pygame.K_ESCAPE)]

"""The in-game menu (Esc): resume, undo the last round, how to play, settings, back to the title, quit.

Undo and leaving ask the flow: it says why the last round cannot be taken
back (shown under the menu, the button greyed) and asks before a deal in
progress is given up.
"""
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
        buttons = [Button(t("pause.resume"), self.app.stack.pop, "R")]
        #: why the last round cannot be undone (None: it can; "" : no deal, no button)
        self.undo_reason = "" if self.app.deal is None else self.app.flow.undo_reason()
        if self.undo_reason != "":
            buttons.append(Button(t("pause.undo"), self.undo, "U", enabled=self.undo_reason is None))
        buttons += [
            Button(t("menu.howto"), self.howto, "H"),
            Button(t("menu.settings"), self.settings, "S"),
            Button(t("pause.to_title"), self.to_title, "T"),
            Button(t("menu.quit"), self.quit, "Q"),
        ]
        self.menu = Menu(buttons, min(focus, len(buttons) - 1))
        self.layout(self.app.size)

    def undo(self) -> None:
        self.app.flow.undo_round()

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

    def layout(self, size) -> None:
        """The box, its buttons and the undo note (before drawing: clicks read the same rectangles)."""
        m, tr = self.app.metrics, self.app.text
        w, h = size
        n = len(self.menu.buttons)
        bh = round(m.body * 2.6)
        box_w = min(w - 40, round(460 * m.ui))
        inner_w = box_w - m.pad * 6
        note_lines = tr.wrap(self.undo_reason, m.small, inner_w) if self.undo_reason else []
        note_h = tr.line_height(m.small) * len(note_lines) + (m.pad if note_lines else 0)
        self.box = pygame.Rect(0, 0, box_w, bh * n + m.pad * (n + 3) + m.heading * 2 + note_h)
        self.box.center = (w // 2, h // 2)
        col = pygame.Rect(self.box.x + m.pad * 3, self.box.y + m.pad * 3 + m.heading * 2, inner_w, 0)
        for b, r in zip(self.menu.buttons, layout_column(col, n, bh, m.pad)):
            b.rect = r
        last = self.menu.buttons[-1].rect
        self.note_rect = pygame.Rect(col.x, last.bottom + m.pad, inner_w, note_h)

    def draw(self, surface) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        self.layout(surface.get_size())
        dim(surface)
        box = self.box
        panel(surface, box, theme.PANEL, theme.HEADER, 12, 2)
        tr.draw(surface, t("pause.title"), (box.centerx, box.y + m.pad * 2), m.heading, theme.HEADER, True, "midtop")
        self.menu.draw(tr, surface, m.body)
        if self.undo_reason:
            tr.draw_wrapped(surface, self.undo_reason, self.note_rect, m.small, theme.MUTED)

    def autoplay(self, driver):
        return [key_event(pygame.K_ESCAPE)]

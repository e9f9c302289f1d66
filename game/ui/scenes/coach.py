"""The coach speaks before a round ends: what an expert would not do in this plan.

Shown over the board when coach mode is on and :func:`game.engine.coach.check_round`
flags the plan (the same rules the debrief can use).  Enter or Esc closes it and
the player changes the plan or ends the round again (the coach speaks once a round).
"""
from __future__ import annotations

import pygame

from game.ui import theme
from game.ui.scene import Scene
from game.ui.widgets import dim, key_event, panel


class CoachScene(Scene):
    name = "coach"
    opaque = False

    def __init__(self, app, flags, names):
        super().__init__(app)
        self.flags = tuple(flags)
        self.names = names

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE,
                                                          pygame.K_SPACE):
            self.app.stack.pop()
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self.app.stack.pop()

    def draw(self, surface) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        dim(surface, 110)
        w, h = surface.get_size()
        box = pygame.Rect(0, 0, min(w - 60, round(720 * m.ui)), 0)
        lines = [self.app.i18n.message(f, self.names) for f in self.flags]
        inner_w = box.width - 6 * m.pad
        heights = [tr.draw_wrapped(pygame.Surface((1, 1)), line, pygame.Rect(0, 0, inner_w, m.body * 8), m.body)
                   for line in lines]
        box.height = m.heading * 2 + sum(heights) + m.pad * (len(lines) + 8) + m.small * 2
        box.center = (w // 2, h // 2)
        panel(surface, box, theme.PANEL, theme.WARN, 12, 3)
        tr.draw(surface, t("coach.title"), (box.x + 3 * m.pad, box.y + 2 * m.pad), m.heading, theme.HEADER, True)
        y = box.y + 2 * m.pad + m.heading * 2
        for line in lines:
            pygame.draw.circle(surface, theme.WARN, (box.x + 2 * m.pad, y + m.body // 2 + 2), 5)
            y += tr.draw_wrapped(surface, line, pygame.Rect(box.x + 3 * m.pad, y, inner_w, m.body * 8), m.body,
                                 theme.INK) + m.pad
        tr.draw(surface, t("coach.hint"), (box.x + 3 * m.pad, box.bottom - 2 * m.pad), m.small, theme.MUTED,
                False, "bottomleft", max_width=inner_w)

    def autoplay(self, driver):
        return [key_event(pygame.K_RETURN)]

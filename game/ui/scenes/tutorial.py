"""The guided first deal's coach card: the intro, each step's goal, a mistake's
explanation, and the end.  An overlay over the board (or the title / debrief).

Enter continues; ``S`` skips the tutorial (the deal goes on without it, or
from the intro, back to the title).  The flow decides what the card says
(:mod:`game.practice.tutorial` holds the steps and their checks).
"""
from __future__ import annotations

import pygame

from game.ui import theme
from game.ui.scene import Scene
from game.ui.widgets import dim, key_event, panel


class TutorialScene(Scene):
    name = "tutorial"
    opaque = False

    def __init__(self, app, kind: str, message, names=None, step: int = 0, steps: int = 4):
        super().__init__(app)
        self.kind = kind            # "intro" | "goal" | "mistake" | "done"
        self.message = message      # a Message (key + params)
        self.names = names
        self.step, self.steps = step, steps

    def text(self) -> str:
        if self.names is not None:
            return self.app.i18n.message(self.message, self.names)
        return self.t(self.message.key)

    def handle(self, event) -> None:
        if event.type != pygame.KEYDOWN:
            if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
                self.go_on()
            return
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            self.go_on()
        elif event.key == pygame.K_s and self.kind != "done":
            self.app.flow.skip_tutorial()
        elif event.key == pygame.K_ESCAPE:
            self.app.stack.pop() if self.kind != "intro" else self.app.flow.skip_tutorial()

    def go_on(self) -> None:
        if self.kind == "intro":
            self.app.flow.tutorial_deal()
        else:
            self.app.stack.pop()

    def draw(self, surface) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        dim(surface, 120)
        w, h = surface.get_size()
        box = pygame.Rect(0, 0, min(w - 60, round(760 * m.ui)), 0)
        inner_w = box.width - 6 * m.pad
        body = self.text()
        probe = pygame.Surface((1, 1))
        body_h = tr.draw_wrapped(probe, body, pygame.Rect(0, 0, inner_w, m.body * 12), m.body)
        box.height = m.heading * 2 + body_h + m.small * 3 + m.pad * 8
        box.center = (w // 2, h // 2)
        border = theme.LOSS if self.kind == "mistake" else theme.PLAYER
        panel(surface, box, theme.PANEL, border, 12, 3)
        title = t(f"tutorial.title.{self.kind}")
        if self.kind in ("goal", "mistake"):
            title = f"{title} · {t('tutorial.step', n=self.step + 1, of=self.steps)}"
        tr.draw(surface, title, (box.x + 3 * m.pad, box.y + 2 * m.pad), m.heading,
                theme.LOSS if self.kind == "mistake" else theme.HEADER, True, max_width=inner_w)
        y = box.y + 2 * m.pad + m.heading * 2
        tr.draw_wrapped(surface, body, pygame.Rect(box.x + 3 * m.pad, y, inner_w, body_h + m.body), m.body, theme.INK)
        hint = t("tutorial.hint.done") if self.kind == "done" else t(f"tutorial.hint.{self.kind}")
        tr.draw(surface, hint, (box.x + 3 * m.pad, box.bottom - 2 * m.pad), m.small, theme.MUTED, False,
                "bottomleft", max_width=inner_w)

    def autoplay(self, driver):
        return [key_event(pygame.K_RETURN)]

"""Title menu: play a deal, the matrix drill, your progress, how to play, settings, quit."""
from __future__ import annotations

import math

import pygame

from game.ui import theme
from game.ui.scene import Scene
from game.ui.widgets import Button, Menu, chrome, key_event, layout_column

# a small buying center drawn as the title art: (x, y, role) in 0..1 units
_NODES = ((0.50, 0.22, "decider"), (0.22, 0.40, "influencer"), (0.78, 0.40, "buyer"),
          (0.30, 0.75, "user"), (0.70, 0.75, "initiator"), (0.50, 0.52, "gatekeeper"))
_EDGES = ((0, 5), (5, 1), (5, 2), (1, 3), (2, 4), (3, 4), (1, 2), (0, 1), (0, 2))


class TitleScene(Scene):
    name = "title"

    def enter(self) -> None:
        self.time = 0.0
        self.build()

    def resume(self) -> None:
        self.build()

    def resize(self, size) -> None:
        self.build()

    def build(self) -> None:
        t = self.t
        deal_label = t("menu.play")
        detail = t("menu.play.detail")
        if self.app.launch.scenario is not None:
            detail = t("menu.play.with", title=self.app.launch.title)
        buttons = [
            Button(deal_label, self.play, "P", detail=detail),
            Button(t("menu.drill"), self.drill, "M", detail=t("menu.drill.detail")),
            Button(t("menu.tutorial"), self.tutorial, "G", detail=t("menu.tutorial.detail")),
            Button(t("menu.progress"), self.progress, "R", detail=t("menu.progress.detail")),
            Button(t("menu.howto"), self.howto, "H", detail=t("menu.howto.detail")),
            Button(t("menu.settings"), self.settings, "S", detail=t("menu.settings.detail")),
            Button(t("menu.quit"), self.leave, "Q"),
        ]
        focus = getattr(self, "menu", None).focus if getattr(self, "menu", None) else 0
        self.menu = Menu(buttons, focus)

    # actions
    def play(self) -> None:
        self.app.flow.start_play()

    def drill(self) -> None:
        self.app.flow.start_drill()

    def progress(self) -> None:
        self.app.flow.progress()

    def tutorial(self) -> None:
        self.app.flow.start_tutorial()

    def howto(self) -> None:
        self.app.flow.howto()

    def settings(self) -> None:
        self.app.flow.settings()

    def leave(self) -> None:
        self.app.quit(0)

    # frame
    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.leave()
            return
        self.menu.handle(event)

    def update(self, dt: float) -> None:
        self.time += dt

    def draw(self, surface) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        body = chrome(self.app, surface, t("app.name"), [
            ("↑↓", t("hint.choose")), ("Enter", t("hint.select")), ("Esc", t("hint.quit"))],
            right=t("app.tagline"))
        left = pygame.Rect(body.x + m.pad * 4, body.y + m.pad * 3, body.width * 0.45, body.height)
        tr.draw(surface, t("app.title"), left.topleft, m.title, theme.HEADER, True,
                max_width=left.width)
        y = left.y + tr.line_height(m.title, True) + m.pad
        y += tr.draw_wrapped(surface, t("app.subtitle"), pygame.Rect(left.x, y, left.width, m.body * 5),
                             m.body, theme.MUTED) + m.pad * 2
        bh = round(m.body * 3.1)
        for b, r in zip(self.menu.buttons, layout_column(pygame.Rect(left.x, y, left.width, 0),
                                                          len(self.menu.buttons), bh, m.pad)):
            b.rect = r
        self.menu.draw(tr, surface, m.body)
        self.draw_art(surface, pygame.Rect(body.centerx + m.pad * 2, body.y + m.pad * 3,
                                           body.width // 2 - m.pad * 6, body.height - m.pad * 6))

    def draw_art(self, surface, rect) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        pts = [(rect.x + x * rect.width, rect.y + y * rect.height) for x, y, _ in _NODES]
        for a, b in _EDGES:
            pygame.draw.line(surface, theme.LINE, pts[a], pts[b], 3)
        pulse = 0.5 + 0.5 * math.sin(self.time * 2.0) if self.app.motion else 1.0
        r = round(min(rect.width, rect.height) * 0.075)
        for i, ((x, y, role), p) in enumerate(zip(_NODES, pts)):
            colour = theme.ROLE_COLOURS[role]
            if i == 0:
                pygame.draw.circle(surface, theme.mix(theme.BG, colour, 0.35), p, r + 6 + 4 * pulse)
            pygame.draw.circle(surface, colour, p, r)
            pygame.draw.circle(surface, theme.PANEL, p, r, 3)
            tr.draw(surface, t(f"role.{role}"), (p[0], p[1] + r + 4), m.small, theme.INK, True, "midtop")
        tr.draw(surface, t("title.art_caption"), (rect.centerx, rect.bottom), m.small, theme.MUTED,
                False, "midbottom", max_width=rect.width)

    def autoplay(self, driver):
        if driver.mode == "drill":
            return [key_event(pygame.K_m)]
        if driver.mode == "tutorial":
            return [key_event(pygame.K_g)]
        return [key_event(pygame.K_p)]

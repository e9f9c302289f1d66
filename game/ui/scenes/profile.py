"""Who is practising: choose one of this computer's profiles or type a new name.

Asked once, before the first game (the history of games and drills is kept
under the profile's name, on this computer only); the progress screen opens it
again to switch or create.  Enter keeps the choice and closes the screen; Esc
closes it without one (the game is then not kept in any history).
"""
from __future__ import annotations

import pygame

from game.practice.profiles import ProfileError, load_profiles, use_profile
from game.ui import theme
from game.ui.scene import Scene
from game.ui.widgets import chrome, focus_ring, key_event, panel


class ProfileScene(Scene):
    name = "profile"

    def enter(self) -> None:
        profiles = load_profiles()
        if profiles.problem:
            self.app.notify(profiles.problem, 8.0)
        self.names = profiles.names
        self.index = self.names.index(profiles.current) if profiles.current in self.names else len(self.names)
        self.text = ""
        self.error = ""
        self.rows: list[tuple[int, pygame.Rect]] = []

    def choose(self) -> None:
        name = self.names[self.index] if self.index < len(self.names) else self.text
        try:
            profile = use_profile(name)
        except ProfileError as exc:
            self.error = str(exc)
            return
        except OSError as exc:
            self.app.notify(self.t("profile.not_saved", problem=exc.strerror or str(exc)), 8.0)
            return
        self.app.notify(self.t("profile.now", name=profile.current))
        self.app.stack.pop()

    def handle(self, event) -> None:
        typing = self.index == len(self.names)
        if event.type == pygame.TEXTINPUT and typing:
            self.text = (self.text + event.text)[:60]
            self.error = ""
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                if load_profiles().current is None:      # "play without keeping history": no profile made later
                    self.app.flow.history_declined = True
                self.app.stack.pop()
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.choose()
            elif event.key == pygame.K_UP:
                self.index = max(0, self.index - 1)
            elif event.key in (pygame.K_DOWN, pygame.K_TAB):
                self.index = min(len(self.names), self.index + 1)
            elif event.key == pygame.K_BACKSPACE and typing:
                self.text = self.text[:-1]
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for i, rect in self.rows:
                if rect.collidepoint(event.pos):
                    if i == self.index:
                        self.choose()
                    self.index = i

    def draw(self, surface) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        body = chrome(self.app, surface, t("profile.title"), [
            ("↑↓", t("hint.choose")), ("Enter", t("hint.select")), ("Esc", t("profile.skip"))])
        x, y, w = body.x + 4 * m.pad, body.y + 3 * m.pad, min(body.width - 8 * m.pad, 44 * m.body)
        y += tr.draw_wrapped(surface, t("profile.why"), pygame.Rect(x, y, w, m.body * 6), m.body,
                             theme.MUTED) + 2 * m.pad
        row_h = round(m.body * 2.4)
        self.rows = []
        for i, label in enumerate(self.names + [self.text or t("profile.new")]):
            r = pygame.Rect(x, y, w, row_h)
            self.rows.append((i, r))
            panel(surface, r, theme.HIGHLIGHT if i == self.index else theme.PANEL)
            ink = theme.MUTED if i == len(self.names) and not self.text else theme.INK
            shown = label + ("|" if i == len(self.names) and i == self.index else "")
            tr.draw(surface, shown, (r.x + m.pad, r.centery), m.body, ink, i < len(self.names), "midleft",
                    max_width=r.width - 2 * m.pad)
            if i == self.index:
                focus_ring(surface, r)
            y += row_h + m.pad // 2
        if self.error:
            tr.draw(surface, self.error, (x, y + m.pad), m.body, theme.LOSS, False, max_width=w)

    def autoplay(self, driver):
        if self.index < len(self.names):
            return [key_event(pygame.K_RETURN)]
        if not self.text:
            return [pygame.event.Event(pygame.TEXTINPUT, text="Autoplay")]
        return [key_event(pygame.K_RETURN)]

"""Settings: interface language, window size or full screen, text size, motion, sound, and the coach
(kept with the learner's profile, :mod:`game.practice.profiles`).

Every change applies at once and is saved (atomically) to the settings file.
"""
from __future__ import annotations

import pygame

from game.practice.profiles import COACH_MODES, ProfileError, load_profiles, set_coach
from game.ui import theme
from game.ui.scene import Scene
from game.ui.settings import LANGUAGES, MOTIONS, TEXT_SIZES, VOLUMES, WINDOW_SIZES
from game.ui.widgets import chrome, focus_ring, key_event, keycap, panel

ROWS = ("language", "window", "text_size", "motion", "sound", "confirm_end", "coach")


class SettingsScene(Scene):
    name = "settings"

    def enter(self) -> None:
        self.row = 0
        self.rects: list[pygame.Rect] = []
        self.arrows: list[tuple[pygame.Rect, pygame.Rect]] = []

    # values ---------------------------------------------------------
    def options(self, row: str) -> list[tuple[object, str]]:
        t = self.t
        if row == "language":
            return [(lang, t(f"lang.{lang}")) for lang in LANGUAGES]
        if row == "window":
            opts = [((w, h, False), f"{w} × {h}") for w, h in WINDOW_SIZES]
            return opts + [((self.app.settings.width, self.app.settings.height, True),
                            t("settings.fullscreen"))]
        if row == "text_size":
            return [(s, t(f"settings.text.{s}")) for s in TEXT_SIZES]
        if row == "coach":
            return [(c, t(f"settings.coach.{c}")) for c in COACH_MODES]
        if row == "confirm_end":
            return [(True, t("settings.confirm_end.on")), (False, t("settings.confirm_end.off"))]
        if row == "sound":              # off (muted), or on at a volume
            return [((True, None), t("settings.sound.off"))] + [((False, v), f"{v}%") for v in VOLUMES]
        return [(s, t(f"settings.motion.{s}")) for s in MOTIONS]

    def current(self, row: str) -> int:
        s = self.app.settings
        opts = self.options(row)
        if row == "language":
            value = s.language
        elif row == "window":
            if s.fullscreen:
                return len(opts) - 1
            sizes = [o[0][:2] for o in opts[:-1]]
            return sizes.index(s.size) if s.size in sizes else \
                min(range(len(sizes)), key=lambda i: abs(sizes[i][0] - s.width))
        elif row == "text_size":
            value = s.text_size
        elif row == "coach":
            value = load_profiles().coach_mode()
        elif row == "confirm_end":
            value = s.confirm_end
        elif row == "sound":
            if s.muted:
                return 0
            return 1 + min(range(len(VOLUMES)), key=lambda i: abs(VOLUMES[i] - s.volume))
        else:
            value = s.motion
        keys = [o[0] for o in opts]
        return keys.index(value) if value in keys else 0

    def change(self, step: int) -> None:
        row = ROWS[self.row]
        opts = self.options(row)
        i = (self.current(row) + step) % len(opts)
        value = opts[i][0]
        if row == "language":
            self.app.set_language(value)
        elif row == "window":
            w, h, full = value
            self.app.set_window((w, h), full)
        elif row == "text_size":
            self.app.set_text_size(value)
        elif row == "confirm_end":
            self.app.set_confirm_end(value)
        elif row == "sound":
            muted, volume = value
            self.app.set_sound(muted, self.app.settings.volume if volume is None else volume)
        elif row == "coach":
            try:
                set_coach(value)
            except ProfileError as exc:
                self.app.notify(self.t("settings.coach.no_profile") if "profile" in str(exc) else str(exc))
            except OSError as exc:
                self.app.notify(self.t("profile.not_saved", problem=exc.strerror or str(exc)), 8.0)
        else:
            self.app.set_motion(value)

    # frame ------------------------------------------------------------
    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN:
            shift = bool(getattr(event, "mod", 0) & pygame.KMOD_SHIFT)
            if event.key in (pygame.K_ESCAPE, pygame.K_BACKSPACE):
                self.app.stack.pop()
            elif event.key == pygame.K_UP or (event.key == pygame.K_TAB and shift):
                self.row = (self.row - 1) % len(ROWS)
            elif event.key in (pygame.K_DOWN, pygame.K_TAB):
                self.row = (self.row + 1) % len(ROWS)
            elif event.key == pygame.K_LEFT:
                self.change(-1)
            elif event.key in (pygame.K_RIGHT, pygame.K_RETURN, pygame.K_SPACE, pygame.K_KP_ENTER):
                self.change(1)
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for i, (left, right) in enumerate(self.arrows):
                if left.collidepoint(event.pos):
                    self.row = i
                    self.change(-1)
                elif right.collidepoint(event.pos):
                    self.row = i
                    self.change(1)
            for i, r in enumerate(self.rects):
                if r.collidepoint(event.pos):
                    self.row = i

    def draw(self, surface) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        body = chrome(self.app, surface, t("settings.title"), [
            ("↑↓", t("hint.choose")), ("←→", t("hint.change")), ("Esc", t("hint.back"))])
        w = min(body.width - 8 * m.pad, round(760 * m.ui))
        x = body.centerx - w // 2
        y = body.y + 3 * m.pad
        rh = min(round(m.body * 4.2), (body.height - 6 * m.pad - m.small * 2) // len(ROWS) - m.pad)
        self.rects, self.arrows = [], []
        for i, row in enumerate(ROWS):
            rect = pygame.Rect(x, y, w, rh)
            panel(surface, rect, theme.PANEL if i != self.row else theme.HIGHLIGHT)
            tr.draw(surface, t(f"settings.{row}"), (rect.x + 2 * m.pad, rect.y + m.pad), m.body,
                    theme.INK, True)
            tr.draw(surface, t(f"settings.{row}.help"), (rect.x + 2 * m.pad, rect.bottom - m.pad),
                    m.small, theme.MUTED, False, "bottomleft", max_width=rect.width // 2 - 2 * m.pad)
            opts = self.options(row)
            label = opts[self.current(row)][1]
            box = pygame.Rect(0, 0, rect.width * 0.42, rh - 2 * m.pad)
            box.midright = (rect.right - 2 * m.pad, rect.centery)
            left = keycap(tr, surface, (box.x, box.centery), "◀", m.body, "midleft")
            right = keycap(tr, surface, (box.right, box.centery), "▶", m.body, "midright")
            tr.draw(surface, label, box.center, m.body, theme.INK, True, "center",
                    max_width=box.width - left.width * 2 - m.pad)
            self.arrows.append((left, right))
            self.rects.append(rect)
            if i == self.row:
                focus_ring(surface, rect)
            y += rh + m.pad
        tr.draw(surface, t("settings.saved_in"), (body.centerx, y + m.pad), m.small, theme.MUTED,
                False, "midtop", max_width=body.width - 4 * m.pad)

    def autoplay(self, driver):
        return [key_event(pygame.K_ESCAPE)]

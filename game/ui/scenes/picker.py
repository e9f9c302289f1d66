"""Scenario picker: bundled scenarios, the user's scenario folder, and any
file by path.  A file with errors is listed with its first error (and all of
them in the detail pane) instead of stopping the game."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs
import pygame

from game.scenario import bundled_scenarios, validate_file
from game.scenario.glyphs import undrawable_in
from game.session.formats import SessionFileError, sniff
from game.session.join import join
from game.ui import theme
from game.ui.scene import Scene
from game.ui.widgets import areas_for, badge, chrome, focus_ring, key_event, panel


def user_scenario_dir() -> Path:
    override = os.environ.get("B2BSIM_SCENARIO_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("b2bsim")) / "scenarios"


@dataclass
class Entry:
    path: Path
    source: str                       # "bundled" | "user" | "file"
    scenario: object = None
    errors: tuple[str, ...] = ()
    undrawable: tuple[str, ...] = ()   # characters no bundled font can draw


def load_entry(path: Path, source: str) -> Entry:
    """Load and validate one file; never raises."""
    try:
        scenario, diags = validate_file(path)
        errors = tuple(str(d) for d in diags if getattr(d, "severity", "error") == "error")
    except Exception as exc:  # a loader bug or an unreadable file must not stop the picker
        scenario, errors = None, (f"{path}: {exc.__class__.__name__}: {exc}",)
    if scenario is None and not errors:
        errors = (f"{path}: could not be read",)
    entry = Entry(Path(path), source, scenario if not errors else None, errors)
    if entry.scenario is not None:
        entry.undrawable = tuple(undrawable_in(entry.scenario.model_dump()))
    return entry


def scan(extra: list[Path] = ()) -> list[Entry]:
    entries = [load_entry(p, "bundled") for p in bundled_scenarios()]
    folder = user_scenario_dir()
    if folder.is_dir():
        for p in sorted(list(folder.glob("*.yaml")) + list(folder.glob("*.yml"))):
            entries.append(load_entry(p, "user"))
    for p in extra:
        entries.append(load_entry(p, "file"))
    return entries


class PickerScene(Scene):
    name = "picker"

    def __init__(self, app, mode: str = "play"):
        super().__init__(app)
        self.mode = mode

    def enter(self) -> None:
        self.extra: list[Path] = []
        self.entries = scan()
        self.index = 0
        self.top = 0
        self.typing = False
        self.swallow_o = False       # set by the O key that opened the path field
        self.path_text = ""
        self.session_path: Path | None = None     # a session file opened: now asking the player's name
        self.rows: list[tuple[int, pygame.Rect]] = []

    # actions ----------------------------------------------------------
    @property
    def count(self) -> int:
        return len(self.entries) + 1          # the last row opens a file by path

    def choose(self) -> None:
        if self.index == len(self.entries):
            self.typing = True
            pygame.key.start_text_input()
            return
        entry = self.entries[self.index]
        if entry.scenario is None:
            self.app.notify(self.t("picker.has_errors"))
            return
        self.app.flow.chosen(entry.scenario, self.mode)

    def open_path(self) -> None:
        text = self.path_text.strip().strip('"').strip("'")
        self.typing = False
        if self.session_path is not None:
            self.join_session(text)
            return
        if not text:
            return
        try:
            path = Path(text).expanduser()
        except RuntimeError:               # '~someone' with no such user
            path = Path(text)
        if not os.path.lexists(path):      # never raises (a name too long, a NUL); FIFOs are refused by the loader
            self.app.notify(self.t("picker.no_file", path=str(path)))
            return
        if self.mode == "play" and sniff(path) == "session":
            self.session_path, self.path_text, self.typing = path, "", True     # "join a session": ask the name
            return
        entry = load_entry(path, "file")
        self.entries.append(entry)
        self.index = len(self.entries) - 1
        if entry.scenario is None:
            self.app.notify(self.t("picker.has_errors"))

    def join_session(self, name: str) -> None:
        """Play the session file just opened under ``name``; its result is saved when the deal ends."""
        if not name.strip():                 # no name yet: keep asking
            self.typing = True
            return
        path, self.session_path, self.path_text = self.session_path, None, ""
        try:
            joined = join(str(path), name)
        except SessionFileError as exc:
            self.app.notify(str(exc), 8.0)
            return
        launch = self.app.launch.joined(joined.session.seed, joined.recorder,
                                        hide_matrix=not joined.session.options.show_matrix)
        self.app.flow.join_session(launch, joined.scenario)

    # frame --------------------------------------------------------------
    def handle(self, event) -> None:
        if self.typing:
            self.handle_typing(event)
            return
        if event.type == pygame.KEYDOWN:
            shift = bool(getattr(event, "mod", 0) & pygame.KMOD_SHIFT)
            if event.key == pygame.K_ESCAPE:
                self.app.stack.pop()
            elif event.key == pygame.K_UP or (event.key == pygame.K_TAB and shift):
                self.index = (self.index - 1) % self.count
            elif event.key in (pygame.K_DOWN, pygame.K_TAB):
                self.index = (self.index + 1) % self.count
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.choose()
            elif event.key == pygame.K_o:
                self.index = len(self.entries)
                self.choose()
                self.swallow_o = True     # the "o" this key also types must not land in the path
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for i, rect in self.layout(self.app.size)[2]:
                if rect.collidepoint(event.pos):
                    if i == self.index:
                        self.choose()
                    self.index = i
        elif event.type == pygame.MOUSEWHEEL:
            self.index = max(0, min(self.count - 1, self.index - event.y))

    def handle_typing(self, event) -> None:
        if event.type in (pygame.TEXTINPUT, pygame.KEYDOWN):
            swallow, self.swallow_o = self.swallow_o, False
        if event.type == pygame.TEXTINPUT:
            if not (swallow and event.text.lower() == "o"):
                self.path_text += event.text
        elif event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.open_path()
            elif event.key == pygame.K_ESCAPE:
                self.typing, self.session_path = False, None
            elif event.key == pygame.K_BACKSPACE:
                self.path_text = self.path_text[:-1]
            elif event.key == pygame.K_v and getattr(event, "mod", 0) & pygame.KMOD_CTRL:
                try:
                    self.path_text += pygame.scrap.get_text() or ""
                except Exception:
                    pass

    def draw(self, surface) -> None:
        t = self.t
        title = t("picker.title.drill") if self.mode == "drill" else t("picker.title")
        hints = ([("Enter", t("picker.open")), ("Esc", t("hint.cancel"))] if self.typing else
                 [("↑↓", t("hint.choose")), ("Enter", t("hint.select")), ("O", t("picker.open_file")),
                  ("Esc", t("hint.back"))])
        chrome(self.app, surface, title, hints, right=t("picker.folder", path=str(user_scenario_dir())))
        list_rect, detail, self.rows = self.layout(surface.get_size())
        self.draw_list(surface, list_rect)
        self.draw_detail(surface, detail)

    def layout(self, size) -> tuple[pygame.Rect, pygame.Rect, list[tuple[int, pygame.Rect]]]:
        """The list, the detail pane and the visible rows (entry index, rectangle),
        computed from the window size before drawing; ``draw`` and clicks read them.
        Scrolls the list so the selected row is visible."""
        m = self.app.metrics
        _, body, _ = areas_for(size, m)
        list_rect = pygame.Rect(body.x + 2 * m.pad, body.y + 2 * m.pad, body.width * 0.52,
                                body.height - 4 * m.pad)
        detail = pygame.Rect(list_rect.right + 2 * m.pad, list_rect.y,
                             body.right - list_rect.right - 4 * m.pad, list_rect.height)
        row_h = round(m.body * 3.6)
        visible = max(1, list_rect.height // (row_h + m.pad // 2))
        if self.index < self.top:
            self.top = self.index
        elif self.index >= self.top + visible:
            self.top = self.index - visible + 1
        rows = [(i, pygame.Rect(list_rect.x, list_rect.y + slot * (row_h + m.pad // 2), list_rect.width, row_h))
                for slot, i in enumerate(range(self.top, min(self.count, self.top + visible)))]
        return list_rect, detail, rows

    def draw_list(self, surface, rect) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        for i, r in self.rows:
            selected = i == self.index
            panel(surface, r, theme.HIGHLIGHT if selected else theme.PANEL)
            x = r.x + m.pad
            if i == len(self.entries):
                label = t("picker.session_name") if self.session_path is not None else t("picker.open_file_row")
                tr.draw(surface, label, (x, r.y + m.pad // 2), m.body, theme.INK, True)
                if self.typing:
                    box = pygame.Rect(x, r.bottom - m.body - m.pad, r.width - 2 * m.pad, m.body + m.pad // 2)
                    pygame.draw.rect(surface, theme.PANEL, box)
                    pygame.draw.rect(surface, theme.INK, box, 1)
                    shown = tr.fit(self.path_text[::-1], m.small, box.width - m.pad)[::-1]
                    tr.draw(surface, shown + "|", (box.x + 4, box.centery), m.small, theme.INK,
                            anchor="midleft")
                else:
                    tr.draw(surface, t("picker.open_file_help"), (x, r.bottom - m.pad // 2), m.small,
                            theme.MUTED, anchor="bottomleft", max_width=r.width - 2 * m.pad)
            else:
                e = self.entries[i]
                if e.scenario is not None:
                    s = e.scenario
                    tr.draw(surface, ("⚠ " if e.undrawable else "") + s.title, (x, r.y + m.pad // 2), m.body,
                            theme.LOSS if e.undrawable else theme.INK, True, max_width=r.width - 8 * m.pad)
                    info = " · ".join((s.customer.name, t(f"difficulty.{s.difficulty}"),
                                       self.language_name(s.language),
                                       t("picker.members", n=len(s.members))))
                    tr.draw(surface, info, (x, r.bottom - m.pad // 2), m.small, theme.MUTED,
                            anchor="bottomleft", max_width=r.width - 2 * m.pad)
                else:
                    tr.draw(surface, "× " + e.path.name, (x, r.y + m.pad // 2), m.body, theme.LOSS, True,
                            max_width=r.width - 8 * m.pad)
                    tr.draw(surface, self.short_error(e.errors[0]), (x, r.bottom - m.pad // 2), m.small,
                            theme.INK, anchor="bottomleft", max_width=r.width - 2 * m.pad)
                badge(tr, surface, (r.right - m.pad, r.y + m.pad // 2), t(f"picker.source.{e.source}"),
                      m.small, theme.BG_DEEP, "topright")
            if selected:
                focus_ring(surface, r)
        if self.top > 0:
            tr.draw(surface, "▲", (rect.right + m.pad // 2, rect.y), m.small, theme.MUTED)
        if self.rows and self.rows[-1][0] < self.count - 1:
            tr.draw(surface, "▼", (rect.right + m.pad // 2, rect.bottom), m.small, theme.MUTED,
                    anchor="bottomleft")

    def language_name(self, code: str) -> str:
        key = f"lang.{code.split('-')[0].split('_')[0].lower()}"
        return self.t(key) if self.app.i18n.has(key) else code

    @staticmethod
    def short_error(error: str) -> str:
        # "file:line:col: where: what" -> "line N: where: what" (the file is in the title)
        parts = error.split(":", 3)
        if len(parts) == 4 and parts[1].strip().isdigit():
            return f"{parts[1].strip()}:{parts[2].strip()} {parts[3].strip()}"
        return error

    def draw_detail(self, surface, rect) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        panel(surface, rect)
        inner = rect.inflate(-3 * m.pad, -3 * m.pad)
        if self.index == len(self.entries):
            tr.draw_wrapped(surface, t("picker.open_file_detail", folder=str(user_scenario_dir())),
                            inner, m.body, theme.INK)
            return
        e = self.entries[self.index]
        y = inner.y
        if e.scenario is None:
            tr.draw(surface, t("picker.errors_title"), (inner.x, y), m.heading, theme.LOSS, True)
            y += tr.line_height(m.heading, True) + m.pad
            tr.draw(surface, str(e.path), (inner.x, y), m.small, theme.MUTED, max_width=inner.width)
            y += tr.line_height(m.small) + m.pad
            for err in e.errors[:8]:
                y += tr.draw_wrapped(surface, "• " + self.short_error(err),
                                     pygame.Rect(inner.x, y, inner.width, inner.bottom - y), m.small,
                                     theme.INK, max_lines=3) + m.pad // 2
                if y > inner.bottom - m.body:
                    break
            return
        s = e.scenario
        y += tr.draw_wrapped(surface, s.title, pygame.Rect(inner.x, y, inner.width, m.heading * 3),
                             m.heading, theme.HEADER, True, max_lines=2) + m.pad
        x = inner.x
        for text, fill in ((t(f"difficulty.{s.difficulty}"), _DIFF_FILL[s.difficulty]),
                           (self.language_name(s.language), theme.BG_DEEP),
                           (t("picker.members", n=len(s.members)), theme.BG_DEEP),
                           (t("picker.rivals", n=len(s.competitors)), theme.BG_DEEP)):
            x = badge(tr, surface, (x, y), text, m.small, fill).right + m.pad // 2
        y += tr.line_height(m.small) + m.pad * 2
        if e.undrawable:
            codes = ", ".join(f"U+{ord(c):04X}" for c in e.undrawable[:4]) + (", …" if len(e.undrawable) > 4 else "")
            y += tr.draw_wrapped(surface, t("picker.undrawable", n=len(e.undrawable), chars=codes),
                                 pygame.Rect(inner.x, y, inner.width, m.small * 6), m.small, theme.LOSS,
                                 max_lines=3) + m.pad
        facts = [(t("briefing.customer"), " · ".join(v for v in (s.customer.name, s.customer.industry,
                                                                   s.customer.size) if v)),
                 (t("briefing.deal"), f"{s.deal.value:,.0f} {s.deal.currency}"),
                 (t("briefing.vendor"), s.vendor.name)]
        for label, value in facts:
            tr.draw(surface, label, (inner.x, y), m.small, theme.MUTED)
            tr.draw(surface, value, (inner.x + inner.width * 0.3, y), m.small, theme.INK, True,
                    max_width=inner.width * 0.7)
            y += tr.line_height(m.small) + m.pad // 2
        y += m.pad
        if s.description:
            tr.draw_wrapped(surface, s.description.strip(), pygame.Rect(inner.x, y, inner.width, inner.bottom - y),
                            m.small, theme.INK)

    def autoplay(self, driver):
        if self.typing:
            return None
        target = driver.pick_index(self.entries)
        if target is None:
            return None
        if target != self.index:
            return [key_event(pygame.K_DOWN if target > self.index else pygame.K_UP)]
        return [key_event(pygame.K_RETURN)]


_DIFF_FILL = {"easy": theme.SKY, "normal": theme.YELLOW, "hard": theme.ORANGE}

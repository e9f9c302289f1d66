"""The matrix drill: connect each member to what they care about, against the clock.

The rules and the score live in ``game.drill``; this scene only shows the two
columns, takes the player's links and draws the verdicts.
"""
from __future__ import annotations

import numpy as np
import pygame

from game import drill as rules
from game.ui import theme
from game.ui.deal import fresh_seed
from game.ui.scene import Scene
from game.ui.widgets import areas_for, chrome, column_rects, dashed_line, dim, focus_ring, key_event, keycap, meter, panel, pips

NUMBER_KEYS = (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5, pygame.K_6, pygame.K_7,
               pygame.K_8, pygame.K_9, pygame.K_0)


class DrillScene(Scene):
    name = "drill"

    def __init__(self, app, scenario, seed: int | None = None):
        super().__init__(app)
        self.scenario = scenario
        self.seed = seed if seed is not None else fresh_seed()

    def enter(self) -> None:
        self.setup = rules.make_drill(self.scenario, np.random.default_rng(np.random.SeedSequence(self.seed)))
        self.links: list[tuple[str, str]] = []
        self.verdicts: dict[tuple[str, str], rules.Feedback] = {}
        self.time_left = self.setup.time_limit
        self.member = 0
        self.benefit = 0
        self.column = 0             # 0 members, 1 benefits
        self.flash: tuple[rules.Feedback, float] | None = None
        self.result: rules.DrillScore | None = None
        self.member_rects: list[pygame.Rect] = []
        self.benefit_rects: list[pygame.Rect] = []
        self._layout = None
        self.drag_from: int | None = None
        self.members = {m.id: m for m in self.scenario.members}
        self.benefits = {b.id: b for b in self.scenario.benefits}

    # rules via game.drill ----------------------------------------------
    def link(self, mi: int, bi: int) -> None:
        if self.result is not None:
            return
        mid, bid = self.setup.members[mi], self.setup.benefits[bi]
        fb = rules.judge(self.setup, set(self.links), mid, bid)
        self.flash = (fb, 2.0)
        if fb.accepted:
            self.links.append((mid, bid))
            self.verdicts[(mid, bid)] = fb
            if rules.is_complete(self.setup, self.links):
                self.finish()
            elif sum(1 for m, _ in self.links if m == mid) >= self.setup.picks_of(mid):
                self.next_open_member()

    def next_open_member(self) -> None:
        n = len(self.setup.members)
        for step in range(1, n + 1):
            i = (self.member + step) % n
            mid = self.setup.members[i]
            if sum(1 for m, _ in self.links if m == mid) < self.setup.picks_of(mid):
                self.member = i
                self.column = 0
                return

    def finish(self) -> None:
        if self.result is None:
            self.result = rules.score(self.setup, self.links, max(0.0, self.time_left))
            self.app.flow.record_drill(self.scenario, self.seed, self.setup, self.links,
                                       max(0.0, self.time_left), self.result)     # the learner's history
            self.app.snap("drill_result")

    # frame -----------------------------------------------------------------
    def handle(self, event) -> None:
        if self.result is not None:
            if event.type == pygame.KEYDOWN:
                if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                    self.seed += 1
                    self.enter()
                elif event.key == pygame.K_ESCAPE:
                    self.app.flow.finish()
            return
        n_m, n_b = len(self.setup.members), len(self.setup.benefits)
        if event.type == pygame.KEYDOWN:
            shift = bool(getattr(event, "mod", 0) & pygame.KMOD_SHIFT)
            if event.key == pygame.K_ESCAPE:
                self.finish()
            elif event.key in NUMBER_KEYS and NUMBER_KEYS.index(event.key) < n_b:
                self.link(self.member, NUMBER_KEYS.index(event.key))
            elif event.key in (pygame.K_LEFT, pygame.K_RIGHT) or (event.key == pygame.K_TAB):
                self.column = 1 - self.column if event.key == pygame.K_TAB else \
                    (0 if event.key == pygame.K_LEFT else 1)
            elif event.key in (pygame.K_UP, pygame.K_DOWN):
                step = -1 if event.key == pygame.K_UP else 1
                if self.column == 0:
                    self.member = (self.member + step) % n_m
                else:
                    self.benefit = (self.benefit + step) % n_b
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                if self.column == 0:
                    self.column = 1
                else:
                    self.link(self.member, self.benefit)
            elif event.key == pygame.K_TAB and shift:
                self.column = 1 - self.column
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.layout(self.app.size)
            for i, r in enumerate(self.member_rects):
                if r.collidepoint(event.pos):
                    self.member, self.column, self.drag_from = i, 1, i
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self.layout(self.app.size)
            for j, r in enumerate(self.benefit_rects):
                if r.collidepoint(event.pos):
                    self.benefit = j
                    self.link(self.member, j)
            self.drag_from = None

    @property
    def animating(self) -> bool:
        """The clock runs (and a verdict fades) until the drill ends."""
        return self.result is None or self.flash is not None

    def update(self, dt: float) -> None:
        if self.result is None:
            self.time_left -= dt
            if self.time_left <= 0:
                self.time_left = 0
                self.finish()
        if self.flash:
            fb, left = self.flash
            self.flash = (fb, left - dt) if left - dt > 0 else None

    def points_text(self) -> str:
        """The header's running score: the same link points the result counts (not the score out of 1000)."""
        points = sum(f.points for f in self.verdicts.values())
        return self.t("drill.score_so_far", points=points, possible=self.setup.possible)

    # drawing ---------------------------------------------------------------
    def draw(self, surface) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        if self.result is None:
            hints = [("↑↓", t("hint.choose")), ("1…0", t("drill.link_number")), ("Enter", t("drill.link")),
                     ("←→", t("drill.column")), ("Esc", t("drill.finish"))]
        else:
            hints = [("Enter", t("drill.again")), ("Esc", t("hint.done"))]
        body = chrome(self.app, surface, t("drill.title", title=self.scenario.title), hints,
                      right=self.points_text())
        lay = self.layout(surface.get_size())
        timer, left, right = lay["timer"], lay["left"], lay["right"]
        frac = self.time_left / self.setup.time_limit
        meter(surface, timer, frac, theme.PLAYER if frac > 0.25 else theme.WARN)
        tr.draw(surface, t("drill.time_left", seconds=int(self.time_left + 0.999)), timer.center, m.small,
                theme.ink_on(theme.PLAYER) if frac > 0.5 else theme.INK, True, "center")
        tr.draw(surface, t("drill.instructions"), (body.x + 2 * m.pad, timer.bottom + m.pad // 2), m.small,
                theme.MUTED, max_width=body.width - 4 * m.pad)
        self.draw_members(surface, left)
        self.draw_benefits(surface, right)
        self.draw_links(surface)
        if self.flash:
            self.draw_flash(surface, lay["middle"])
        if self.result is not None:
            self.draw_result(surface, body)

    def layout(self, size) -> dict:
        """Every rectangle of the drill, computed from the window size before
        drawing; ``draw`` and mouse input both read it."""
        m, tr = self.app.metrics, self.app.text
        key = (tuple(size), m.pad, m.small, m.body, len(self.setup.members), len(self.setup.benefits))
        if getattr(self, "_layout", None) is not None and self._layout[0] == key:
            return self._layout[1]
        _, body, _ = areas_for(size, m)
        pad = m.pad
        timer = pygame.Rect(body.x + 2 * pad, body.y + pad, body.width - 4 * pad, m.small + 4)
        top = timer.bottom + pad + tr.line_height(m.small)
        area = pygame.Rect(body.x + 2 * pad, top, body.width - 4 * pad, body.bottom - top - pad)
        col_w = round(area.width * 0.36)
        left = pygame.Rect(area.x, area.y, col_w, area.height)
        right = pygame.Rect(area.right - col_w, area.y, col_w, area.height)
        lay = dict(timer=timer, left=left, right=right,
                   middle=pygame.Rect(left.right + pad, area.y, right.x - left.right - 2 * pad, area.height),
                   members=column_rects(left, len(self.setup.members), max(2, pad // 3)),
                   benefits=column_rects(right, len(self.setup.benefits), max(2, pad // 3)))
        self._layout = (key, lay)
        self.member_rects, self.benefit_rects = lay["members"], lay["benefits"]
        return lay

    def draw_members(self, surface, rect) -> None:
        m, tr = self.app.metrics, self.app.text
        for i, (mid, r) in enumerate(zip(self.setup.members, self.member_rects)):
            h = r.height
            mem = self.members[mid]
            used = sum(1 for mm, _ in self.links if mm == mid)
            picks = self.setup.picks_of(mid)
            done = used >= picks
            panel(surface, r, theme.PANEL_ALT if done else (theme.HIGHLIGHT if i == self.member else theme.PANEL))
            size = m.small if h < m.body * 2.6 else m.body
            tr.draw(surface, f"{mem.title}", (r.x + pad(m), r.y + 2), size, theme.INK, True,
                    max_width=r.width * 0.62)
            if h >= size * 2.2:
                tr.draw(surface, mem.name, (r.x + pad(m), r.bottom - 2), m.small, theme.MUTED, anchor="bottomleft",
                        max_width=r.width * 0.6)
            pip_rect = pygame.Rect(r.right - pad(m) - round(picks * m.small * 1.5), r.centery - m.small // 2,
                                   round(picks * m.small * 1.5), m.small)
            pips(surface, pip_rect, picks, used, theme.HEADER)
            if i == self.member and self.column == 0 and self.result is None:
                focus_ring(surface, r)

    def draw_benefits(self, surface, rect) -> None:
        m, tr = self.app.metrics, self.app.text
        for j, (bid, r) in enumerate(zip(self.setup.benefits, self.benefit_rects)):
            h = r.height
            panel(surface, r, theme.PANEL)
            x = r.x + pad(m)
            if j < 10:
                x = keycap(tr, surface, (x, r.centery), str((j + 1) % 10), m.small).right + pad(m)
            size = m.small if h < m.body * 2.6 else m.body
            tr.draw(surface, self.benefits[bid].name, (x, r.centery), size, theme.INK, True, "midleft",
                    max_width=r.right - x - pad(m))
            if j == self.benefit and self.column == 1 and self.result is None:
                focus_ring(surface, r)

    def draw_links(self, surface) -> None:
        if not self.member_rects or not self.benefit_rects:
            return
        for (mid, bid), fb in self.verdicts.items():
            a = self.member_rects[self.setup.members.index(mid)]
            b = self.benefit_rects[self.setup.benefits.index(bid)]
            start, end = (a.right, a.centery), (b.x, b.centery)
            if fb.verdict == "miss":
                dashed_line(surface, theme.LOSS, start, end, 2)
            else:
                pygame.draw.line(surface, theme.PLAYER, start, end, 4 if fb.verdict == "strong" else 2)
            pygame.draw.circle(surface, theme.PLAYER if fb.verdict != "miss" else theme.LOSS, end, 4)
        if self.drag_from is not None:
            a = self.member_rects[self.drag_from]
            pygame.draw.line(surface, theme.MUTED, (a.right, a.centery), pygame.mouse.get_pos(), 2)

    def draw_flash(self, surface, rect) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        fb, _ = self.flash
        mem = self.members[fb.member]
        text = t(f"drill.verdict.{fb.verdict}", member=mem.title, benefit=self.benefits[fb.benefit].name,
                 points=fb.points)
        colour = {"strong": theme.PLAYER, "some": theme.GREEN, "miss": theme.LOSS}.get(fb.verdict, theme.MUTED)
        text_x = m.heading * 2.2
        text_w = rect.width - text_x - m.pad
        h = max(m.body * 4, tr.wrapped_height(text, m.small, text_w) + 2 * m.pad)
        box = pygame.Rect(rect.x, rect.centery - h // 2, rect.width, h)
        panel(surface, box, theme.PANEL, colour, 10, 3)
        mark = {"strong": "✓✓", "some": "✓", "miss": "×"}.get(fb.verdict, "·")
        tr.draw(surface, mark, (box.x + m.pad, box.centery), m.heading, colour, True, "midleft")
        tr.draw_wrapped(surface, text, pygame.Rect(box.x + text_x, box.y + m.pad, text_w, box.height - m.pad),
                        m.small, theme.INK)

    def draw_result(self, surface, body) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        dim(surface)
        res = self.result
        box = body.inflate(-body.width * 0.16, -body.height * 0.08)
        panel(surface, box, theme.PANEL, theme.HEADER, 12, 2)
        inner = box.inflate(-4 * m.pad, -3 * m.pad)
        grade_colour = theme.GRADE_COLOURS.get(res.grade, theme.INK)
        g = tr.draw(surface, res.grade, inner.topleft, m.title * 2 // 1, grade_colour, True)
        tr.draw(surface, t("drill.result.score", total=res.total), (g.right + 2 * m.pad, g.y + m.pad),
                m.heading, theme.INK, True)
        tr.draw(surface, t("drill.result.detail", hits=res.hits, misses=res.misses, points=res.points,
                           possible=res.possible, accuracy=round(res.accuracy * 100)),
                (g.right + 2 * m.pad, g.bottom - m.pad), m.body, theme.MUTED, anchor="bottomleft")
        y = g.bottom + m.pad
        tr.draw(surface, t("drill.result.answers"), (inner.x, y), m.body, theme.HEADER, True)
        y += tr.line_height(m.body, True)
        n = len(self.setup.members)
        size = m.body if n * round(m.body * 1.9) <= inner.bottom - y else m.small
        cols = 1 if n * round(size * 1.9) <= inner.bottom - y else 2
        rows = -(-n // cols)
        row_h = max(size + 2, min(round(size * 1.9), (inner.bottom - y) // max(1, rows)))
        col_w = inner.width // cols
        for i, mid in enumerate(self.setup.members):
            x = inner.x + (i // rows) * col_w
            yy = y + (i % rows) * row_h
            mine = {b for mm, b in self.links if mm == mid}
            answer = self.setup.answer(mid)
            title = self.members[mid].title
            tr.draw(surface, title, (x, yy), size, theme.INK, True, max_width=col_w * 0.3)
            xx = x + col_w * 0.31
            for bid in answer:
                got = bid in mine
                label = ("✓ " if got else "○ ") + self.benefits[bid].name
                xx = tr.draw(surface, label, (xx, yy), size, theme.PLAYER if got else theme.MUTED, got,
                             max_width=max(40, x + col_w - xx - m.pad)).right + m.pad
                if xx > x + col_w - m.pad:
                    break

    def autoplay(self, driver):
        if self.result is not None:
            if driver.drill_rounds_done():
                return [key_event(pygame.K_ESCAPE)]
            return None
        if len(self.links) == sum(self.setup.picks) // 2 and not getattr(self, "_snapped", False):
            self._snapped = True              # one screenshot half way, with links and feedback
            self.app.snap("drill_progress")
            return None
        mid = self.setup.members[self.member]
        used = {b for mm, b in self.links if mm == mid}
        if len(used) >= self.setup.picks_of(mid):
            return [key_event(pygame.K_DOWN)]
        bid = driver.drill_choice(self.setup, mid, used)
        j = self.setup.benefits.index(bid)
        if j < 10:
            return [key_event(NUMBER_KEYS[j])]
        keys = [key_event(pygame.K_RIGHT)]
        steps = (j - self.benefit) % len(self.setup.benefits)
        keys += [key_event(pygame.K_DOWN)] * steps
        return keys + [key_event(pygame.K_RETURN)]


def pad(m) -> int:
    return m.pad

"""Debrief: the score and its parts with the grade, the benefit x member
heatmap (what mattered beside what you pitched), each member's stance over
the rounds, the turning points and three pieces of advice.

Tabs: 1 summary · 2 matrix · 3 stances · 4 forecast (the board's "if they
decided now" just before the decision, beside what happened) · 5 after the
sale (only after a won sale with post-sale rounds: the account type and the
engine's explanation of it, ``account_tab``).  R plays again
with the same seed, N with a new one; after a solo game the summary shows the
practice plan's next step, and P starts it when it names a drill, a scenario
or the guided first deal."""
from __future__ import annotations

import copy

import pygame

from game.engine.types import LOYALTY_RUNGS
from game.ui import theme
from game.ui.account_tab import draw_account
from game.ui.hindsight import draw_hindsight, hindsight
from game.ui.names import short_name, with_name
from game.ui.scene import Scene
from game.ui.widgets import areas_for, chrome, circle_icon, dashed_line, diamond_icon, grid, key_event, meter, panel, signed

TABS = ("summary", "matrix", "stances", "forecast")
ACCOUNT_TAB = "account"      # a fifth tab when the engine explains the account after the sale


class DebriefScene(Scene):
    name = "debrief"

    def __init__(self, app, deal):
        super().__init__(app)
        self.deal = deal
        self.debrief = deal.debrief()
        self.hindsight = hindsight(deal)      # the forecast before the decision, and how they decided
        self.tabs = TABS + ((ACCOUNT_TAB,) if self.debrief.account else ())

    def enter(self) -> None:
        self.tab = 0
        self.visited = {0}
        self.cache: dict[tuple, pygame.Surface] = {}
        self.plan = getattr(self.app.flow, "plan", None)      # the practice plan's next step (solo games)

    def resize(self, size) -> None:
        self.cache.clear()

    def set_tab(self, i: int) -> None:
        self.tab = i % len(self.tabs)
        if self.tab not in self.visited:
            self.visited.add(self.tab)
            self.app.snap(f"debrief_{self.tabs[self.tab]}")

    def handle(self, event) -> None:
        flow = self.app.flow
        if event.type != pygame.KEYDOWN:
            if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
                for i, r in enumerate(self.layout(self.app.size)[0]):
                    if r.collidepoint(event.pos):
                        self.set_tab(i)
            return
        key, mod = event.key, getattr(event, "mod", 0)
        if pygame.K_1 <= key < pygame.K_1 + len(self.tabs):
            self.set_tab(key - pygame.K_1)
        elif key in (pygame.K_RIGHT, pygame.K_TAB) and not mod & pygame.KMOD_SHIFT:
            self.set_tab(self.tab + 1)
        elif key in (pygame.K_LEFT, pygame.K_TAB):
            self.set_tab(self.tab - 1)
        elif key == pygame.K_r:
            flow.restart_deal(same_seed=True)
        elif key == pygame.K_n:
            flow.restart_deal(same_seed=False)
        elif key == pygame.K_p and self.plan is not None and self.plan.startable:
            flow.start_plan()
        elif key in (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER):
            flow.finish()

    # ------------------------------------------------------------------ layout
    def layout(self, size) -> tuple[list[pygame.Rect], pygame.Rect]:
        """The tab rectangles and the content area, computed from the window
        size before drawing; ``draw`` and mouse clicks both read them."""
        m, tr, t = self.app.metrics, self.app.text, self.t
        _, body, _ = areas_for(size, m)
        pad = m.pad
        tabs = pygame.Rect(body.x + pad, body.y + pad // 2, body.width - 2 * pad, round(m.body * 2))
        rects, x = [], tabs.x
        for i, name in enumerate(self.tabs):
            w = tr.width(f"{i + 1}  {t(f'debrief.tab.{name}')}", m.body, True) + 3 * pad
            rects.append(pygame.Rect(x, tabs.y, w, tabs.height))
            x = rects[-1].right + 4
        area = pygame.Rect(body.x + pad, tabs.bottom, body.width - 2 * pad, body.bottom - tabs.bottom - pad)
        return rects, area

    # ------------------------------------------------------------------ drawing
    def draw(self, surface) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        done = t("debrief.exit") if self.app.exit_at_end else t("debrief.title_screen")
        hints = [(f"1–{len(self.tabs)}", t("debrief.tabs")), ("R", t("debrief.again_same")), ("N", t("debrief.again_new"))]
        if self.plan is not None and self.plan.startable:
            hints.append(("P", t("debrief.plan_start")))
        chrome(self.app, surface, t("debrief.title", title=self.deal.scenario.title), hints + [("Esc", done)],
               right=t("briefing.seed", seed=self.deal.seed))
        pad = m.pad
        self.tab_rects, area = self.layout(surface.get_size())
        for i, (name, r) in enumerate(zip(self.tabs, self.tab_rects)):
            label = f"{i + 1}  {t(f'debrief.tab.{name}')}"
            sel = i == self.tab
            pygame.draw.rect(surface, theme.HEADER if sel else theme.PANEL, r, border_top_left_radius=8,
                             border_top_right_radius=8)
            pygame.draw.rect(surface, theme.MUTED, r, 1, border_top_left_radius=8, border_top_right_radius=8)
            tr.draw(surface, label, r.center, m.body, theme.HEADER_INK if sel else theme.INK, True, "center")
        pygame.draw.rect(surface, theme.HEADER, (area.x, area.y - 2, area.width, 2))
        key = (self.tabs[self.tab], area.size, self.app.settings.language, self.app.settings.text_size)
        cached = self.cache.get(key)
        if cached is None:
            cached = pygame.Surface(area.size)
            cached.fill(theme.BG)
            getattr(self, f"draw_{self.tabs[self.tab]}")(cached, cached.get_rect().inflate(-2 * pad, -2 * pad))
            self.cache[key] = cached
        surface.blit(cached, area.topleft)

    def draw_summary(self, surface, rect) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        d = self.debrief
        pad = m.pad
        left = pygame.Rect(rect.x, rect.y, round(rect.width * 0.5), rect.height)
        right = pygame.Rect(left.right + 2 * pad, rect.y, rect.right - left.right - 2 * pad, rect.height)
        panel(surface, left)
        inner = left.inflate(-3 * pad, -2 * pad)
        gcol = theme.GRADE_COLOURS.get(d.score.grade, theme.INK)
        g = tr.draw(surface, d.score.grade, inner.topleft, round(m.title * 1.6), gcol, True)
        x = g.right + 2 * pad
        tr.draw(surface, t("debrief.total", total=d.score.total), (x, g.y + pad), m.heading, theme.INK, True)
        outcome = t(f"outcome.{d.outcome}")
        if d.outcome == "lost" and d.winner:           # a long rival name is cut after a word
            outcome = with_name(tr, lambda n: t("debrief.lost_to", rival=n), self.app.names_rival(d.winner), m.body,
                                inner.right - x, True)
        tr.draw(surface, outcome, (x, g.y + pad + tr.line_height(m.heading, True)), m.body, theme.MUTED, True,
                max_width=inner.right - x)
        y = g.bottom + pad // 2
        if d.loyalty is not None:
            rung = LOYALTY_RUNGS[d.loyalty]
            text = t("debrief.loyalty", rung=t(f"rung.{rung}"), step=d.loyalty + 1, steps=len(LOYALTY_RUNGS))
            tr.draw(surface, text, (inner.x, y), m.small, theme.INK, True, max_width=inner.width)
            y += tr.line_height(m.small)
        if d.account_type:
            text = f"{t('debrief.account', type=t(f'account.{d.account_type}'))} — {t(f'account.{d.account_type}.help')}"
            y += tr.draw_wrapped(surface, text, pygame.Rect(inner.x, y, inner.width, m.small * 3), m.small,
                                 theme.INK, max_lines=2)
        y += pad
        weights = dict(d.score.weights)
        parts = list(d.score.parts)
        lh = tr.line_height(m.small)
        row_h = max(lh * 2 + 6, min(lh * 3, (inner.bottom - y) // max(1, len(parts))))
        labels = [t("debrief.part_value", pct=round(value * 100), points=round(value * weights.get(name, 0.0) * 1000),
                    weight=round(weights.get(name, 0.0) * 100)) for name, value in parts]
        label_w = max([tr.width(label, m.small) for label in labels] + [0])
        bar_w = max(30, min(round(inner.width * 0.42), inner.width - round(inner.width * 0.31) - label_w - pad))
        for (name, value), label in zip(parts, labels):
            tr.draw(surface, t(f"part.{name}"), (inner.x, y), m.small, theme.INK, True, max_width=inner.width * 0.3)
            bar = pygame.Rect(inner.x + round(inner.width * 0.31), y + 3, bar_w, lh - 6)
            meter(surface, bar, value, theme.PLAYER, border=theme.MUTED)
            tr.draw(surface, label, (bar.right + pad, y), m.small, theme.INK, False,   # the points in full
                    max_width=inner.right - bar.right - pad)
            tr.draw(surface, t(f"part.{name}.help"), (inner.x, y + lh), m.small, theme.MUTED, max_width=inner.width)
            y += row_h
        if d.loyalty is not None and inner.bottom - y >= lh * 3:
            self.draw_ladder(surface, pygame.Rect(inner.x, inner.bottom - lh * 3, inner.width, lh * 3), d.loyalty)

        panel(surface, right)
        inner = right.inflate(-3 * pad, -2 * pad)
        y = inner.y
        tr.draw(surface, t("debrief.advice"), (inner.x, y), m.body, theme.HEADER, True)
        y += tr.line_height(m.body, True) + 2
        names = self.short_names(round(inner.width * 0.45))
        for i, msg in enumerate(d.advice):
            used = tr.draw_wrapped(surface, f"{i + 1}. {self.app.i18n.message(msg, names)}",
                                   pygame.Rect(inner.x, y, inner.width, inner.height // 4), m.small, theme.INK,
                                   max_lines=4)
            y += used + pad // 2
        if d.decision:                     # the rule that decided the vote (engine/explain.py)
            y += tr.draw_wrapped(surface, self.app.i18n.message(d.decision[0], names),
                                 pygame.Rect(inner.x, y, inner.width, inner.height // 5), m.small, theme.MUTED,
                                 max_lines=3) + pad // 2
        y += pad
        if self.plan is not None:          # the practice plan's next step, at the foot of the panel
            text = self.plan_text()
            box_h = tr.line_height(m.body, True) + 2 * lh + pad
            box = pygame.Rect(inner.x - pad // 2, inner.bottom - box_h, inner.width + pad, box_h)
            panel(surface, box, theme.PANEL_ALT, theme.HEADER, 6, 1)
            head = t("debrief.plan") + (f"  (P: {t('debrief.plan_start')})" if self.plan.startable else "")
            tr.draw(surface, head, (inner.x, box.y + pad // 2), m.body, theme.HEADER, True, max_width=inner.width)
            tr.draw_wrapped(surface, text, pygame.Rect(inner.x, box.y + pad // 2 + tr.line_height(m.body, True),
                                                       inner.width, 2 * lh), m.small, theme.INK, max_lines=2)
            inner = pygame.Rect(inner.x, inner.y, inner.width, box.y - pad - inner.y)
        tr.draw(surface, t("debrief.turning_points"), (inner.x, y), m.body, theme.HEADER, True)
        y += tr.line_height(m.body, True) + 2
        if not d.turning_points:
            tr.draw(surface, t("debrief.no_turning_points"), (inner.x, y), m.small, theme.MUTED)
        stages = self.deal.observation.stages
        for tp in d.turning_points:
            if y + lh > inner.bottom:
                break
            stage = stages[tp.round].name if 0 <= tp.round < len(stages) else ""
            text = f"{t('debrief.round', n=tp.round + 1, stage=stage)}: {self.app.i18n.message(tp.message, names)}"
            y += tr.draw_wrapped(surface, text, pygame.Rect(inner.x, y, inner.width, inner.bottom - y), m.small,
                                 theme.INK, max_lines=2) + 3

    def short_names(self, width: int):
        """The scenario's names with each rival's shortened to ``width`` pixels (after a whole word), for the
        sentences of the advice, the decision and the turning points, so that a 60-character name does not
        push the rest of the sentence out of its lines."""
        tr, size = self.app.text, self.app.metrics.small
        names = copy.copy(self.deal.names)
        names.rivals = {k: short_name(tr, v, size, width) for k, v in self.deal.names.rivals.items()}
        return names

    def plan_text(self) -> str:
        """The plan's step as the player reads it (the same words as the notice after the game)."""
        return self.app.flow.plan_text(self.plan)

    def draw_forecast(self, surface, rect) -> None:
        draw_hindsight(self, surface, rect, self.hindsight)

    def draw_account(self, surface, rect) -> None:
        draw_account(self, surface, rect)

    def draw_ladder(self, surface, rect, rung: int) -> None:
        """The loyalty ladder, bottom rung left; the customer's rung filled."""
        m, tr, t = self.app.metrics, self.app.text, self.t
        n = len(LOYALTY_RUNGS)
        gap = 3
        w = (rect.width - gap * (n - 1)) / n
        lh = tr.line_height(m.small)
        for i, name in enumerate(LOYALTY_RUNGS):
            r = pygame.Rect(round(rect.x + i * (w + gap)), rect.y + lh, round(w), rect.height - lh * 2)
            here = i == rung
            pygame.draw.rect(surface, theme.PLAYER if i <= rung else theme.BG_DEEP, r, border_radius=4)
            if here:
                pygame.draw.rect(surface, theme.INK, r.inflate(4, 4), 2, border_radius=5)
            tr.draw(surface, str(i + 1), r.center, m.small, theme.ink_on(theme.PLAYER if i <= rung else theme.BG_DEEP),
                    True, "center")
        tr.draw(surface, t("debrief.ladder"), rect.topleft, m.small, theme.MUTED, max_width=rect.width)
        label = t(f"rung.{LOYALTY_RUNGS[rung]}")
        x = min(max(rect.x, rect.x + (rung + 0.5) * (w + gap) - tr.width(label, m.small, True) / 2),
                rect.right - tr.width(label, m.small, True))
        tr.draw(surface, label, (x, rect.bottom - lh), m.small, theme.INK, True)

    def draw_matrix(self, surface, rect) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        if self.app.launch.hide_matrix:      # a training session keeps it for the class debrief
            tr.draw_wrapped(surface, t("debrief.matrix_hidden"), rect, m.body, theme.MUTED, max_lines=4)
            return
        d = self.debrief
        names = self.deal.names
        pad = m.pad
        size = m.small
        lh = tr.line_height(size)
        tr.draw_wrapped(surface, t("debrief.matrix_legend"), pygame.Rect(rect.x, rect.y, rect.width, lh * 2),
                        size, theme.MUTED, max_lines=2)
        top = rect.y + lh * 2 + pad // 2
        label_w = round(rect.width * 0.2)
        nb, nm = len(d.benefits), len(d.members)
        head_h = lh * 3 + 4
        cw = (rect.width - label_w) / max(1, nb)
        ch = min(round(lh * 2.2), (rect.bottom - top - head_h) / max(1, nm))
        for j, bid in enumerate(d.benefits):
            r = pygame.Rect(round(rect.x + label_w + j * cw) + 2, top, round(cw) - 4, head_h)
            tr.draw_wrapped(surface, names.benefit(bid), r, size, theme.INK, True, max_lines=3, align="center")
        self.draw_heat_key(surface, pygame.Rect(rect.x, top, label_w - pad, head_h))
        y0 = top + head_h
        for i, mid in enumerate(d.members):
            y = round(y0 + i * ch)
            two = ch >= lh * 2
            tr.draw(surface, names.member(mid), (rect.x, y + ch / 2), size, theme.INK, True,
                    "bottomleft" if two else "midleft", max_width=label_w - pad)
            if two:
                tr.draw(surface, names.titles.get(mid, ""), (rect.x, y + ch / 2), size, theme.MUTED, False,
                        "topleft", max_width=label_w - pad)
            for j in range(nb):
                cell = pygame.Rect(round(rect.x + label_w + j * cw) + 1, y + 1, round(cw) - 2, round(ch) - 2)
                mattered = d.mattered[i][j]
                pitched = d.pitched[i][j]
                pygame.draw.rect(surface, theme.heat(mattered), cell)
                if mattered >= 0.999:
                    pygame.draw.rect(surface, theme.ORANGE, cell, 2)
                if pitched:
                    r = max(7, min(cell.height, cell.width) // 3)
                    wasted = d.wasted[i][j] > 0          # the engine judged it at the time of the pitch
                    pygame.draw.circle(surface, theme.PANEL, cell.center, r)
                    pygame.draw.circle(surface, theme.LOSS if wasted else theme.INK, cell.center, r, 2)
                    label = f"×{pitched}" if wasted else str(pitched)
                    tr.draw(surface, label, cell.center, max(10, size - 2), theme.LOSS if wasted else theme.INK,
                            True, "center")
        pygame.draw.rect(surface, theme.LINE, (rect.x + label_w, y0, round(cw * nb), round(ch * nm)), 1)

    def draw_heat_key(self, surface, rect) -> None:
        """The matrix's colour key: the shade from "did not matter" (0) to "their top priority" (1)."""
        m, tr, t = self.app.metrics, self.app.text, self.t
        size = m.small
        lh = tr.line_height(size)
        tr.draw(surface, t("debrief.matrix_key"), rect.topleft, size, theme.INK, True, max_width=rect.width)
        bar = pygame.Rect(rect.x, rect.y + lh + 2, max(20, rect.width - 4), max(8, lh // 2))
        for k in range(bar.width):
            pygame.draw.line(surface, theme.heat(k / max(1, bar.width - 1)), (bar.x + k, bar.y),
                             (bar.x + k, bar.bottom - 1))
        pygame.draw.rect(surface, theme.MUTED, bar, 1)
        tr.draw(surface, t("debrief.matrix_key.low"), (bar.x, bar.bottom + 1), size, theme.MUTED)
        tr.draw(surface, t("debrief.matrix_key.high"), (bar.right, bar.bottom + 1), size, theme.MUTED, False,
                "topright")

    def draw_stances(self, surface, rect) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        d = self.debrief
        names = self.deal.names
        pad = m.pad
        size = m.small
        lh = tr.line_height(size)
        lx = rect.x
        circle_icon(surface, (lx + 6, rect.y + lh // 2), 6, theme.PLAYER)
        lx = tr.draw(surface, t("debrief.line_you"), (lx + 16, rect.y), size, theme.INK).right + 2 * pad
        diamond_icon(surface, (lx + 6, rect.y + lh // 2), 6, theme.RIVAL)
        lx = tr.draw(surface, t("debrief.line_rival"), (lx + 16, rect.y), size, theme.INK).right + 2 * pad
        band = pygame.Rect(lx, rect.y + 2, 10, lh - 4)             # the decision: a shaded band, not a line
        pygame.draw.rect(surface, theme.BG_DEEP, band)
        tr.draw(surface, t("debrief.line_decision"), (band.right + 6, rect.y), size, theme.MUTED,
                max_width=rect.right - band.right - 6)
        area = pygame.Rect(rect.x, rect.y + lh + pad // 2, rect.width, rect.height - lh - pad // 2)
        n = len(d.members)
        cols = 4 if n > 9 else 3 if n > 4 else 2
        decision = next((i for i, s in enumerate(self.deal.observation.stages) if s.decision), None)
        peak = max([abs(v) for row in d.stance_history + d.rival_history for v in row] + [0.0])
        span = min(1.0, max(0.5, -(-peak * 10 // 1) / 10))
        for i, (mid, r) in enumerate(zip(d.members, grid(area, n, cols, pad))):
            panel(surface, r)
            tr.draw(surface, names.member(mid), (r.x + pad // 2, r.y + 2), size, theme.INK, True,
                    max_width=r.width - pad)
            left = tr.width("-0.0", size) + 6
            chart = pygame.Rect(r.x + left, r.y + lh + 8, r.width - left - pad - tr.width("+0.00", size),
                                r.height - 2 * lh - 14)                  # room below for the round numbers
            self.chart(surface, chart, d.stance_history[i], d.rival_history[i], decision, span)

    def chart(self, surface, rect, you, rival, decision, span: float) -> None:
        """One member's stance over the rounds; the vertical scale is +-span
        (the same for every member, so the charts compare)."""
        m, tr = self.app.metrics, self.app.text
        n = len(you)
        if n < 2 or rect.height < 10:
            return
        if decision is not None and decision + 1 < n:            # the decision round: a shaded band
            x = rect.x + rect.width * (decision + 1) / (n - 1)
            w = max(6, rect.width // (2 * (n - 1)))
            pygame.draw.rect(surface, theme.BG_DEEP, pygame.Rect(round(x - w / 2), rect.y, w, rect.height))
        pygame.draw.line(surface, theme.MUTED, (rect.x, rect.centery), (rect.right, rect.centery), 1)
        pygame.draw.line(surface, theme.MUTED, (rect.x, rect.y), (rect.x, rect.bottom), 1)
        small = max(10, m.small - 2)
        tr.draw(surface, f"+{span:.1f}", (rect.x - 3, rect.y), small, theme.MUTED, False, "midright")
        tr.draw(surface, "0", (rect.x - 3, rect.centery), small, theme.MUTED, False, "midright")
        tr.draw(surface, f"-{span:.1f}", (rect.x - 3, rect.bottom), small, theme.MUTED, False, "midright")
        step = max(1, -(-(n - 1) * tr.width("00", small) * 2 // max(1, rect.width)))
        for k in range(0, n, step):                             # x axis: the rounds (0 = the start)
            tr.draw(surface, str(k), (round(rect.x + rect.width * k / (n - 1)), rect.bottom + 2), small, theme.MUTED,
                    False, "midtop")

        def pt(k, v):
            v = max(-span, min(span, v)) / span
            return (round(rect.x + rect.width * k / (n - 1)), round(rect.centery - v * rect.height / 2))
        rp = [pt(k, v) for k, v in enumerate(rival)]
        for a, b in zip(rp, rp[1:]):
            dashed_line(surface, theme.RIVAL, a, b, 2, 6)
        for p in rp:
            diamond_icon(surface, p, 4, theme.RIVAL)
        yp = [pt(k, v) for k, v in enumerate(you)]
        pygame.draw.lines(surface, theme.PLAYER, False, yp, 3)
        for p in yp:
            pygame.draw.circle(surface, theme.PLAYER, p, 3)
        tr.draw(surface, signed(you[-1]), (rect.right + 4, yp[-1][1]), m.small, theme.PLAYER, True, "midleft")

    def autoplay(self, driver):
        if len(self.visited) < len(self.tabs):
            return [key_event(pygame.K_RIGHT)]
        return [key_event(pygame.K_ESCAPE)] if self.app.exit_at_end else None

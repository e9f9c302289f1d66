"""Briefing: the customer, the deal, your company's strengths against the rivals."""
from __future__ import annotations

import pygame

from game.ui import theme
from game.ui.deal import fresh_seed
from game.ui.scene import Scene
from game.ui.widgets import chrome, diamond_icon, key_event, meter, panel, circle_icon


class BriefingScene(Scene):
    name = "briefing"

    def __init__(self, app, scenario, seed: int | None = None):
        super().__init__(app)
        self.scenario = scenario
        self.seed = seed if seed is not None else fresh_seed()

    def start(self) -> None:
        try:
            self.app.flow.begin_deal(self.scenario, self.seed)
        except Exception as exc:  # the engine refused this scenario: say so, keep running
            self.app.notify(self.t("briefing.cannot_start", error=str(exc)), 6.0)

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.start()
            elif event.key == pygame.K_ESCAPE:
                self.app.stack.pop()
            elif event.key in (pygame.K_h, pygame.K_F1):
                self.app.flow.howto()
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self.start()

    def draw(self, surface) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        s = self.scenario
        body = chrome(self.app, surface, t("briefing.title"), [
            ("Enter", t("briefing.start")), ("H", t("hint.howto")), ("Esc", t("hint.back"))],
            right=t("briefing.seed", seed=self.seed))
        pad = m.pad
        left = pygame.Rect(body.x + 2 * pad, body.y + 2 * pad, body.width * 0.42, body.height - 4 * pad)
        right = pygame.Rect(left.right + 2 * pad, left.y, body.right - left.right - 4 * pad, left.height)

        # the customer and the deal
        panel(surface, left)
        inner = left.inflate(-3 * pad, -3 * pad)
        y = inner.y
        y += tr.draw_wrapped(surface, s.title, pygame.Rect(inner.x, y, inner.width, m.heading * 3),
                             m.heading, theme.HEADER, True, max_lines=2) + pad
        facts = [(t("briefing.customer"), s.customer.name),
                 (t("briefing.industry"), " · ".join(v for v in (s.customer.industry, s.customer.size) if v)),
                 (t("briefing.deal"), f"{s.deal.value:,.0f} {s.deal.currency}"),
                 (t("briefing.difficulty"), t(f"difficulty.{s.difficulty}")),
                 (t("briefing.buying_center"), t("briefing.people", n=len(s.members),
                                                 stages=len(s.stages)))]
        for label, value in facts:
            tr.draw(surface, label, (inner.x, y), m.small, theme.MUTED, max_width=inner.width * 0.32)
            tr.draw(surface, value, (inner.x + inner.width * 0.34, y), m.small, theme.INK, True,
                    max_width=inner.width * 0.66)
            y += tr.line_height(m.small) + pad // 3
        y += pad
        if s.description:
            y += tr.draw_wrapped(surface, s.description.strip(),
                                 pygame.Rect(inner.x, y, inner.width, inner.bottom - y - m.body * 4),
                                 m.body, theme.INK) + pad
        tips = pygame.Rect(inner.x, max(y, inner.bottom - m.small * 4), inner.width, m.small * 4)
        pygame.draw.rect(surface, theme.HIGHLIGHT, tips.inflate(pad, pad // 2), border_radius=6)
        tr.draw_wrapped(surface, t("briefing.tip"), tips, m.small, theme.INK)

        # your strengths against the rivals
        panel(surface, right)
        inner = right.inflate(-3 * pad, -3 * pad)
        y = inner.y
        tr.draw(surface, t("briefing.you_vs", vendor=s.vendor.name), (inner.x, y), m.body, theme.HEADER,
                True, max_width=inner.width)
        y += tr.line_height(m.body, True)
        if s.vendor.description:
            y += tr.draw_wrapped(surface, s.vendor.description, pygame.Rect(inner.x, y, inner.width, m.small * 3),
                                 m.small, theme.MUTED, max_lines=2) + pad // 2
        rivals = list(s.competitors)
        # legend
        lx = inner.x
        circle_icon(surface, (lx + 6, y + m.small // 2 + 2), 6, theme.PLAYER)
        lx = tr.draw(surface, s.vendor.name, (lx + 16, y), m.small, theme.INK, True).right + pad
        for r in rivals:
            diamond_icon(surface, (lx + 6, y + m.small // 2 + 2), 6, theme.RIVAL)
            lx = tr.draw(surface, f"{r.name} ({t(f'style.{r.style}')})", (lx + 16, y), m.small, theme.INK,
                         False).right + pad
        y += tr.line_height(m.small) + pad
        benefits = list(s.benefits)
        rows = max(1, len(benefits))
        row_h = max(m.small + 4, min(round(m.body * 2.0), (inner.bottom - y - m.small * 5) // rows))
        name_w = inner.width * 0.38
        bar_x = inner.x + name_w + pad
        bar_w = inner.right - bar_x - round(m.small * 3)
        for b in benefits:
            cap = s.vendor.capabilities.get(b.id, 0.0)
            tr.draw(surface, b.name, (inner.x, y + row_h // 2), m.small, theme.INK, False, "midleft",
                    max_width=name_w)
            bar = pygame.Rect(bar_x, y + row_h // 2 - row_h // 5, bar_w, max(6, row_h // 3))
            meter(surface, bar, cap, theme.PLAYER)
            tr.draw(surface, f"{cap:.2f}", (bar.right + 6, bar.centery), m.small, theme.INK, False, "midleft")
            for r in rivals:
                rc = r.capabilities.get(b.id)
                if rc is not None:
                    diamond_icon(surface, (round(bar.x + bar.width * rc), bar.centery), max(5, bar.height // 2 + 2),
                                 theme.RIVAL)
            y += row_h
        y += pad
        tr.draw_wrapped(surface, t("briefing.rivals_note"), pygame.Rect(inner.x, y, inner.width, inner.bottom - y),
                        m.small, theme.MUTED)

    def autoplay(self, driver):
        return [key_event(pygame.K_RETURN)]

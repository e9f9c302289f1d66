"""The round board's layout: every rectangle (timeline, member cards, the
side column of benefits, forecast and news, the action bar with the plan),
computed from the window size, the language and the text size before
drawing.  A mixin of ``game.ui.scenes.board.BoardScene``; drawing and mouse
hits both read these rectangles, and the layout tests check them."""
from __future__ import annotations

import pygame

from game.engine.forecast import forecast
from game.engine.types import ACTION_COSTS
from game.ui import controls
from game.ui.cards import forecast_height
from game.ui.widgets import Button, areas_for, grid, grid_columns, size_of_marks


class BoardLayout:
    """The board's rectangles (mixed into ``BoardScene``)."""

    def layout_key(self) -> tuple:
        return self.geometry_key() + (tuple(self.plan), self.kind)

    def geometry_key(self) -> tuple:
        """What moves the regions themselves (a change needs a full redraw)."""
        s = self.app.settings
        return (self.app.size, s.language, s.text_size, len(self.obs.members))

    def ensure_layout(self) -> None:
        """(Re)compute the layout when the window, the language, the text size or the plan changed."""
        key = self.layout_key()
        if getattr(self, "_layout_key", None) != key:
            self._layout_key = key
            self.layout(self.app.size)

    def resize(self, size) -> None:
        self._layout_key = None

    def layout(self, size) -> None:
        """Every rectangle of the board, computed before drawing: ``draw`` and
        ``handle`` (mouse hits) both read them, and the layout tests check them."""
        m, tr, t = self.app.metrics, self.app.text, self.t
        obs = self.obs
        _, body, _ = areas_for(size, m)
        pad = m.pad
        line = tr.line_height(m.small)
        tl_w = body.width - 2 * pad
        n_st = max(1, len(obs.stages))
        chip_w = (tl_w - 4 * (n_st - 1)) / n_st - size_of_marks(m)
        two = any(tr.width(f"{i + 1}. {st.name}", m.small, True) > chip_w for i, st in enumerate(obs.stages))
        self.timeline_rect = pygame.Rect(body.x + pad, body.y + pad // 2, tl_w, line * (2 if two else 1) + 8)
        self.info_rect = pygame.Rect(body.x + pad, self.timeline_rect.bottom + pad // 2, tl_w, line)
        btn_h = max(round(m.body * 2.4), round(m.small * 3.1))
        bar_h = btn_h + line * 2 + pad * 2
        top = self.info_rect.bottom + pad // 2
        main = pygame.Rect(body.x + pad, top, tl_w, body.bottom - top - bar_h - pad)
        side_w = max(round(main.width * 0.29), 250)
        self.cards_rect = pygame.Rect(main.x, main.y, main.width - side_w - pad, main.height)
        self.side_rect = pygame.Rect(self.cards_rect.right + pad, main.y, side_w, main.height)
        members = obs.members
        self.cols = grid_columns(len(members), self.cards_rect.width, self.cards_rect.height)
        self.card_rects = grid(self.cards_rect, len(members), self.cols, m.pad // 2 + 2)
        # the side: benefits, then the news
        side, benefits = self.side_rect, obs.benefits
        lh = line
        row_h = max(lh + 2, min(round(m.small * 2.1), (side.height * 3 // 5 - lh) // max(1, len(benefits))))
        y = side.y + lh + 2
        self.benefit_rects = []
        for _ in benefits:
            self.benefit_rects.append(pygame.Rect(side.x, y, side.width, row_h))
            y += row_h + 2
        self.forecast = forecast(obs, self.deal.game.tables, self.plan) if obs.phase == "pre_sale" else None
        self.forecast_rect = pygame.Rect(side.x, y + pad // 2, side.width, 0)
        if self.forecast is not None:
            self.forecast_rect.height = min(forecast_height(self.app, self.forecast, side.width),
                                            (side.bottom - y) // 2)
            y = self.forecast_rect.bottom
        self.news_rect = pygame.Rect(side.x, y + pad // 2, side.width, side.bottom - y - pad // 2)
        # the action bar
        self.actions_rect = pygame.Rect(body.x + pad, main.bottom + pad, tl_w, bar_h)
        inner = self.actions_rect.inflate(-pad, -pad)
        end_w = max(round(inner.width * 0.16), tr.width(t("board.end_round"), m.body, True) + 60)
        row = pygame.Rect(inner.x, inner.y, inner.width - end_w - pad, btn_h)
        n = len(self.kinds)
        w = (row.width - (n - 1) * 4) / n
        self.kind_rects = [pygame.Rect(round(row.x + i * (w + 4)), row.y, round(w), btn_h) for i in range(n)]
        self.end_rect = pygame.Rect(inner.right - end_w, inner.y, end_w, btn_h)
        y = inner.y + btn_h + pad // 2
        pts = tr.width(t("board.points", left=self.obs.points, total=self.obs.points), m.small, True)
        self.points_rect = pygame.Rect(inner.x, y, pts, lh)
        self.pips_rect = pygame.Rect(self.points_rect.right + pad // 2, y,
                                     min(self.obs.points * m.small * 1.4, inner.width // 5), lh)
        x = self.pips_rect.right + pad
        self.plan_rect = pygame.Rect(x, y, inner.right - x, lh + 2)
        self.chip_rects = []
        for i, a in enumerate(self.plan):
            label = f"{i + 1}. {self.describe(a)} ×"
            wdt = min(tr.width(label, m.small) + 12, inner.right - x)
            if wdt < 40:
                break
            self.chip_rects.append(pygame.Rect(x, y, wdt, lh + 2))
            x += wdt + 4
        self.status_rect = pygame.Rect(inner.x, y + lh + pad // 2, inner.width, lh)
        self.planline_rect = pygame.Rect(inner.x, y - 1, inner.width, self.status_rect.bottom + 1 - (y - 1))
        self.kind_buttons = []
        available = {a.kind for a in obs.legal_actions}
        for kind, r in zip(self.kinds, self.kind_rects):
            b = Button(t(f"action.{kind}"), lambda k=kind: self._select_kind(k), controls.key_label(kind),
                       enabled=kind in available, selected=(kind == self.kind),
                       detail=t("board.cost", cost=ACTION_COSTS[kind]))
            b.rect = r
            self.kind_buttons.append(b)


"""Decision reveal: what the customer decided, and where each member stood."""
from __future__ import annotations

import pygame

from game.ui import theme
from game.ui.cards import forecast_height, forecast_panel, news_list
from game.ui.hindsight import decided_picture
from game.ui.names import with_name
from game.ui.scene import RevealScene
from game.ui.widgets import (badge, chrome, circle_icon, diamond_icon, key_event, panel, signed, square_icon,
                             stance_bar)

REVEAL_SECONDS = 0.25     # one member after another


class DecisionScene(RevealScene):
    name = "decision"

    def __init__(self, app, deal, result):
        super().__init__(app)
        self.deal, self.result = deal, result

    def enter(self) -> None:
        self.time = 0.0 if self.app.motion else 99.0
        self.support = {}
        if self.deal.done:
            try:
                self.support = dict(self.deal.debrief().support)
            except Exception:
                self.support = {}
        # the same picture as the board's forecast, with the real backing (the debrief's Forecast tab shares it)
        self.picture = decided_picture(self.deal.game.tables, self.result.observation, self.support)

    @property
    def busy(self) -> bool:
        return self.time < REVEAL_SECONDS * (len(self.result.observation.members) + 1)

    def next(self) -> None:
        if self.busy:
            self.time = 99.0
            return
        self.app.flow.after_decision()

    def headline(self, width: int | None = None) -> tuple[str, tuple]:
        """The verdict; with ``width``, a long rival name is cut after a whole word so the sentence fits."""
        obs, t = self.result.observation, self.t
        customer = self.deal.scenario.customer.name
        if obs.outcome == "won":
            return t("decision.won", customer=customer), theme.PLAYER
        if obs.outcome == "lost":
            make = lambda n: t("decision.lost", customer=customer, rival=n)     # noqa: E731
            rival = self.app.names_rival(obs.winner)
            if width is None:
                return make(rival), theme.RIVAL
            return with_name(self.app.text, make, rival, self.app.metrics.heading, width, True), theme.RIVAL
        return t("decision.no_decision", customer=customer), theme.STATUS_QUO

    def draw(self, surface) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        obs = self.result.observation
        nxt = t("decision.to_debrief") if self.deal.done else t("decision.to_after_sale")
        body = chrome(self.app, surface, t("decision.title"), [("Enter", nxt)], right=self.deal.scenario.title)
        pad = m.pad
        area = body.inflate(-2 * pad, -2 * pad)
        banner = pygame.Rect(area.x, area.y, area.width, round(m.title * 1.7))
        text, colour = self.headline(banner.width - m.title * 3)
        panel(surface, banner, theme.PANEL, colour, 10, 3)
        icon = (banner.x + m.title, banner.centery)
        if obs.outcome == "won":
            circle_icon(surface, icon, m.title // 2, theme.PLAYER)
        elif obs.outcome == "lost":
            diamond_icon(surface, icon, m.title // 2, theme.RIVAL, filled=True)
        else:
            square_icon(surface, icon, m.title // 2 - 2, theme.STATUS_QUO)
        tr.draw(surface, text, (banner.x + m.title * 2, banner.centery), m.heading, theme.INK, True, "midleft",
                max_width=banner.width - m.title * 3)
        y = banner.bottom + pad
        news_w = round(area.width * 0.3)
        table = pygame.Rect(area.x, y, area.width - news_w - pad, area.bottom - y)
        side = pygame.Rect(table.right + pad, y, news_w, table.height)
        self.table_rect = table
        self.draw_table(surface, table)
        panel(surface, side, theme.PANEL_ALT)
        lh = tr.line_height(m.body, True)
        decided = bool(self.support)
        fc_h = min(forecast_height(self.app, self.picture, side.width - pad, decided), side.height // 2)
        forecast_panel(self.app, surface, pygame.Rect(side.x + pad // 2, side.y + pad // 2, side.width - pad, fc_h),
                       self.picture, decided)
        top = side.y + fc_h + pad
        tr.draw(surface, t("decision.why"), (side.x + pad, top), m.body, theme.HEADER, True)
        inner = pygame.Rect(side.x + pad, top + lh + pad // 2, side.width - 2 * pad, side.bottom - top - lh - pad)
        msgs = [n for n in obs.news if n.key.startswith(("news.decision", "news.no_decision", "news.veto"))]
        msgs += [n for n in obs.news if n not in msgs]
        news_list(self.app, surface, inner, msgs)
        if obs.outcome == "won" and not self.deal.done:
            note = t("decision.after_sale", n=sum(1 for s in obs.stages if s.post_sale))
            tr.draw_wrapped(surface, note, pygame.Rect(inner.x, inner.bottom - m.small * 4, inner.width, m.small * 4),
                            m.small, theme.GREEN, True)

    def backing_label(self, backed: str, width: int | None = None) -> tuple[str, tuple]:
        """The "backed X" badge text; with ``width``, a long rival name is cut after a whole word."""
        t = self.t
        if backed == "player":
            return t("decision.backs_you"), theme.PLAYER
        if backed == "status_quo":
            return t("decision.backs_nothing"), theme.BG_DEEP
        make = lambda n: t("decision.backs_rival", rival=n)     # noqa: E731
        if width is None:
            return make(self.app.names_rival(backed)), theme.RIVAL
        return with_name(self.app.text, make, self.app.names_rival(backed), self.app.metrics.small, width,
                         True), theme.RIVAL

    def table_layout(self, rect) -> list[tuple[object, dict[str, pygame.Rect]]]:
        """Each member's row split into columns that never overlap: name, roles,
        stance bar, stance number and a column wide enough for the widest
        "backed X" badge (computed before drawing; the tests read it)."""
        m, tr = self.app.metrics, self.app.text
        pad = m.pad
        lh = tr.line_height(m.small)
        top = rect.y + tr.line_height(m.body, True) + pad
        members = sorted(self.result.observation.members, key=lambda mv: -mv.influence)
        row_h = max(lh + 6, min(round(lh * 2.2), (rect.bottom - top - pad) // max(1, len(members))))
        labels = {self.backing_label(b)[0] for b in set(self.support.values())} or {self.t("decision.backs_you")}
        badge_w = max(tr.width(label, m.small, True) for label in labels) + m.small + 8
        width = rect.width - 2 * pad
        badge_w = min(badge_w, round(width * 0.3))
        num_w = tr.width("+0.00", m.small, True) + 8
        rest = width - badge_w - num_w - 3 * pad
        name_w, roles_w = round(rest * 0.36), round(rest * 0.3)
        bar_w = rest - name_w - roles_w
        rows = []
        y = top
        for mv in members:
            if y + row_h > rect.bottom:
                break
            r = pygame.Rect(rect.x + pad, y, width, row_h)
            x = r.x + 4
            cols = {"row": r, "name": pygame.Rect(x, r.y, name_w - 4, row_h)}
            x += name_w + pad // 2
            cols["roles"] = pygame.Rect(x, r.y, roles_w - pad // 2, row_h)
            x += roles_w
            cols["bar"] = pygame.Rect(x, r.centery - 6, bar_w, 12)
            x += bar_w + 6
            cols["value"] = pygame.Rect(x, r.y, num_w, row_h)
            cols["badge"] = pygame.Rect(r.right - badge_w - 2, r.y + 2, badge_w, row_h - 4)
            rows.append((mv, cols))
            y += row_h
        return rows

    def draw_table(self, surface, rect) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        panel(surface, rect)
        tr.draw(surface, t("decision.where"), (rect.x + m.pad, rect.y + m.pad // 2), m.body, theme.HEADER, True)
        shown = int(self.time / REVEAL_SECONDS)
        for i, (mv, cols) in enumerate(self.table_layout(rect)):
            r = cols["row"]
            if i % 2 == 0:
                pygame.draw.rect(surface, theme.PANEL_ALT, r)
            name = cols["name"]
            tr.draw(surface, f"{mv.name} · {mv.title}", (name.x, r.centery), m.small, theme.INK, True, "midleft",
                    max_width=name.width)
            roles = " ".join(t(f"role.{x}") for x in mv.roles)
            tr.draw(surface, f"{roles} · {t('board.influence')} {mv.influence:.1f}", (cols["roles"].x, r.centery),
                    m.small, theme.MUTED, False, "midleft", max_width=cols["roles"].width)
            stance_bar(surface, cols["bar"], mv.stance, mv.rival_stance if mv.leading_rival else None)
            tr.draw(surface, signed(mv.stance), (cols["value"].x, r.centery), m.small, theme.PLAYER, True,
                    "midleft", max_width=cols["value"].width)
            if i < shown and mv.id in self.support:
                self.draw_backing(surface, cols["badge"], self.support[mv.id])

    def draw_backing(self, surface, rect, backed: str) -> None:
        m, tr = self.app.metrics, self.app.text
        label, fill = self.backing_label(backed, rect.width - m.small)
        label = tr.fit(label, m.small, rect.width - m.small, True)
        badge(tr, surface, rect.midright, label, m.small, fill, "midright")

    def autoplay(self, driver):
        if self.busy:
            return None
        return [key_event(pygame.K_RETURN)]

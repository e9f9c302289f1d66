"""Decision reveal: what the customer decided, and where each member stood."""
from __future__ import annotations

import pygame

from game.ui import theme
from game.ui.cards import news_list
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

    @property
    def busy(self) -> bool:
        return self.time < REVEAL_SECONDS * (len(self.result.observation.members) + 1)

    def next(self) -> None:
        if self.busy:
            self.time = 99.0
            return
        self.app.flow.after_decision()

    def headline(self) -> tuple[str, tuple]:
        obs, t = self.result.observation, self.t
        customer = self.deal.scenario.customer.name
        if obs.outcome == "won":
            return t("decision.won", customer=customer), theme.PLAYER
        if obs.outcome == "lost":
            return t("decision.lost", customer=customer, rival=self.app.names_rival(obs.winner)), theme.RIVAL
        return t("decision.no_decision", customer=customer), theme.STATUS_QUO

    def draw(self, surface) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        obs = self.result.observation
        nxt = t("decision.to_debrief") if self.deal.done else t("decision.to_after_sale")
        body = chrome(self.app, surface, t("decision.title"), [("Enter", nxt)], right=self.deal.scenario.title)
        pad = m.pad
        area = body.inflate(-2 * pad, -2 * pad)
        text, colour = self.headline()
        banner = pygame.Rect(area.x, area.y, area.width, round(m.title * 1.7))
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
        self.draw_table(surface, table)
        panel(surface, side, theme.PANEL_ALT)
        lh = tr.line_height(m.body, True)
        tr.draw(surface, t("decision.why"), (side.x + pad, side.y + pad // 2), m.body, theme.HEADER, True)
        inner = pygame.Rect(side.x + pad, side.y + lh + pad, side.width - 2 * pad, side.height - lh - 2 * pad)
        msgs = [n for n in obs.news if n.key.startswith(("news.decision", "news.no_decision", "news.veto"))]
        msgs += [n for n in obs.news if n not in msgs]
        news_list(self.app, surface, inner, msgs)
        if obs.outcome == "won" and not self.deal.done:
            note = t("decision.after_sale", n=sum(1 for s in obs.stages if s.post_sale))
            tr.draw_wrapped(surface, note, pygame.Rect(inner.x, inner.bottom - m.small * 4, inner.width, m.small * 4),
                            m.small, theme.GREEN, True)

    def draw_table(self, surface, rect) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        pad = m.pad
        panel(surface, rect)
        obs = self.result.observation
        lh = tr.line_height(m.small)
        tr.draw(surface, t("decision.where"), (rect.x + pad, rect.y + pad // 2), m.body, theme.HEADER, True)
        y = rect.y + tr.line_height(m.body, True) + pad
        members = sorted(obs.members, key=lambda mv: -mv.influence)
        row_h = max(lh + 6, min(round(lh * 2.2), (rect.bottom - y - pad) // max(1, len(members))))
        shown = int(self.time / REVEAL_SECONDS)
        for i, mv in enumerate(members):
            if y + row_h > rect.bottom:
                break
            r = pygame.Rect(rect.x + pad, y, rect.width - 2 * pad, row_h)
            if i % 2 == 0:
                pygame.draw.rect(surface, theme.PANEL_ALT, r)
            name_w = round(r.width * 0.3)
            tr.draw(surface, f"{mv.name} · {mv.title}", (r.x + 4, r.centery), m.small, theme.INK, True, "midleft",
                    max_width=name_w)
            roles = " ".join(t(f"role.{x}") for x in mv.roles)
            tr.draw(surface, f"{roles} · {t('board.influence')} {mv.influence:.1f}", (r.x + name_w + pad, r.centery),
                    m.small, theme.MUTED, False, "midleft", max_width=round(r.width * 0.22))
            bar = pygame.Rect(r.x + round(r.width * 0.55), r.centery - 6, round(r.width * 0.22), 12)
            stance_bar(surface, bar, mv.stance, mv.rival_stance if mv.leading_rival else None)
            tr.draw(surface, signed(mv.stance), (bar.right + 6, r.centery), m.small, theme.PLAYER, True, "midleft")
            if i < shown and mv.id in self.support:
                self.draw_backing(surface, (r.right - 4, r.centery), self.support[mv.id])
            y += row_h

    def draw_backing(self, surface, pos, backed: str) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        if backed == "player":
            label, fill = t("decision.backs_you"), theme.PLAYER
        elif backed == "status_quo":
            label, fill = t("decision.backs_nothing"), theme.BG_DEEP
        else:
            label, fill = t("decision.backs_rival", rival=self.app.names_rival(backed)), theme.RIVAL
        badge(tr, surface, pos, label, m.small, fill, "midright")

    def autoplay(self, driver):
        if self.busy:
            return None
        return [key_event(pygame.K_RETURN)]

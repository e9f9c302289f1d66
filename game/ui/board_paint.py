"""Drawing the round board: the board as independent regions (top, hints,
the action bar, each member card, benefits, forecast, news), each repainted
only when what it shows changed, plus the tooltip over them and the last
round's stance change animating on the cards.  A mixin of
``game.ui.scenes.board.BoardScene``; it draws into the rectangles
``BoardLayout`` computed and computes no rule."""
from __future__ import annotations

import pygame

from game.engine.types import LOYALTY_RUNGS
from game.ui import controls, theme
from game.ui.cards import benefit_row, forecast_panel, member_card, news_list, timeline
from game.ui.tooltips import paint_tip, pitch_warning, tip_box, tip_lines
from game.ui.widgets import Button, areas_for, badge, header_bar, hint_bar, panel, pips

ANIM_SECONDS = 1.0


class BoardPainting:
    """The board's drawing (mixed into ``BoardScene``)."""

    def regions(self) -> list[tuple[object, pygame.Rect, tuple, object]]:
        """The board as independent regions: (name, rectangle, what it shows, painter).
        A region is repainted only when what it shows changed (``repaint_changes``);
        a key holds the region's rectangle, so a region that moves is repainted too."""
        w, h = self.app.size
        side = self.side_rect
        left = side.x - self.app.metrics.pad // 4
        bene_bottom = (self.benefit_rects[-1].bottom if self.benefit_rects else side.y) + 1
        hint = areas_for(self.app.size, self.app.metrics)[2]
        plan_key = (self.kind, self.focus, self.benefit, tuple(self.plan), self.status, self.confirm_empty)
        out = [("top", pygame.Rect(0, 0, w, self.info_rect.bottom + 1), (self.obs.round,), self.draw_top),
               ("hints", hint, (self.kind,), self.draw_hints),
               ("actions", self.actions_rect, (self.kind,), self.draw_actions),
               ("planline", self.planline_rect, plan_key, self.draw_planline)]
        counts: dict[str, int] = {}
        for a in self.plan:
            if a.member:
                counts[a.member] = counts.get(a.member, 0) + 1
        backing = {f.member: f for f in self.forecast.members} if self.forecast else {}
        drop = self.drag is not None
        for i, (mv, r) in enumerate(zip(self.obs.members, self.card_rects)):
            fc = backing.get(mv.id)
            key = (mv, i == self.focus, i == self.hover, counts.get(mv.id, 0), self.shown_stance(mv),
                   drop and r.collidepoint(self.mouse), fc and (fc.backs, fc.unheard))
            out.append((i, r.inflate(6, 6), key,
                        lambda surface, i=i, c=counts, b=backing: self.draw_card(surface, i, c, b)))
        focused = self.obs.members[self.focus] if self.obs.members else None
        bene = pygame.Rect(left, side.y, w - left, bene_bottom - side.y)
        out.append(("benefits", bene, (self.kind, self.benefit, focused.known_priorities if focused else None),
                    self.draw_benefits))
        fc_rect = pygame.Rect(left, bene.bottom, w - left, max(0, self.news_rect.top - bene.bottom))
        out.append(("forecast", fc_rect, (tuple(fc_rect), self.forecast), self.draw_forecast))
        news = pygame.Rect(left, self.news_rect.top, w - left, side.bottom - self.news_rect.top + 2)
        out.append(("news", news, (tuple(news), self.news_scroll), self.draw_news))
        return out

    def draw(self, surface) -> None:
        """The whole board (after a scene change, a resize, or under an overlay)."""
        self.ensure_layout()
        surface.fill(theme.BG)
        self._drawn = {}
        for name, rect, key, paint in self.regions():
            paint(surface)
            self._drawn[name] = key
        self._drawn_layout = self.geometry_key()
        self._tip_placed = self.placed_tip()
        if self._tip_placed is not None:
            paint_tip(self.app, surface, self._tip_placed)
        if self.drag is not None and self.obs.benefits:
            bv = self.obs.benefits[self.drag]
            self.app.text.draw(surface, "● " + bv.name, self.mouse, self.app.metrics.small, theme.PLAYER, True,
                               "midleft")
            self._drawn = {}                       # the dragged label lies over everything

    def repaint_changes(self, surface) -> list[pygame.Rect] | None:
        """Repaint only the regions whose content changed; returns their
        rectangles (for ``pygame.display.update``), or None when the whole
        board must be drawn (a new layout, a drag)."""
        self.ensure_layout()
        if self.drag is not None or not getattr(self, "_drawn", None) or \
                getattr(self, "_drawn_layout", None) != self.geometry_key():
            return None
        old, new = self._tip_placed, self.placed_tip()
        boxes = [p[0] for p in (old, new) if p is not None]
        changed = []
        if old is not None and old != new:         # erase the old box, gaps between regions included
            surface.fill(theme.BG, old[0])
            changed.append(old[0])
        for name, rect, key, paint in self.regions():
            under = old != new and any(rect.colliderect(b) for b in boxes)
            if self._drawn.get(name) != key or under:
                surface.fill(theme.BG, rect)
                paint(surface)
                self._drawn[name] = key
                changed.append(rect)
        if new is not None and (new != old or any(r.colliderect(new[0]) for r in changed)):
            paint_tip(self.app, surface, new)      # a tooltip lies over the regions under it
            changed.append(new[0])
        self._tip_placed = new
        return changed

    def placed_tip(self):
        """The tooltip's box and lines now (None when there is none)."""
        if self.tip is None or self.drag is not None:
            return None
        anchor = self.tip_anchor(self.tip)
        return None if anchor is None else tip_box(self.app, anchor, tip_lines(self, self.tip))

    def draw_top(self, surface) -> None:
        t, obs = self.t, self.obs
        stage = obs.stages[obs.round]
        title_key = "board.title.after" if obs.phase == "post_sale" else "board.title"
        head, _, _ = areas_for(self.app.size, self.app.metrics)
        header_bar(self.app.text, surface, head, t(title_key, n=obs.round + 1, total=len(obs.stages),
                                                   stage=stage.name), self.app.metrics.heading,
                   f"{t('briefing.seed', seed=self.deal.seed)} · {self.deal.scenario.title}")
        timeline(self.app, surface, self.timeline_rect, obs.stages, obs.round, obs.phase)
        self.draw_stage_info(surface, self.info_rect)

    def draw_hints(self, surface) -> None:
        t = self.t
        hints = [("Tab", t("board.hint.member")), ("1…0", t("board.hint.benefit")),
                 (controls.key_label(self.kind) or "A", t("board.hint.kind")), ("Enter", t("board.hint.plan")),
                 ("Bksp", t("board.hint.undo")), ("E", t("board.hint.end")), ("Esc", t("board.hint.menu"))]
        hint_bar(self.app.text, surface, areas_for(self.app.size, self.app.metrics)[2], hints, self.app.metrics.small)

    def draw_stage_info(self, surface, rect) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        obs = self.obs
        st = self.deal.scenario.stages[obs.round] if obs.round < len(self.deal.scenario.stages) else None
        roles = ", ".join(t(f"role.{r}") for r in st.focus) if st and st.focus else t("word.nobody")
        text = t("board.focus", roles=roles)
        if obs.emphasis:          # what matters more in this stage, once a fresh answer told the player
            names = {b.id: b.name for b in obs.benefits}
            text += "  · " + t("board.emphasis", items=", ".join(
                f"{names.get(k) or t('kind.' + k)} ×{f:g}" for k, f in obs.emphasis))
        star = "★ "                 # ★ always means "most active in this stage" (as on the cards)
        x = tr.draw(surface, star + text, rect.topleft, m.small, theme.INK, False, max_width=rect.width // 2).right
        decision = next((i for i, s in enumerate(obs.stages) if s.decision), None)
        if obs.phase == "post_sale":
            note, colour = t("board.after_sale_note"), theme.GREEN
            if obs.loyalty is not None:
                note = t("debrief.loyalty", rung=t(f"rung.{LOYALTY_RUNGS[obs.loyalty]}"), step=obs.loyalty + 1,
                         steps=len(LOYALTY_RUNGS))
        elif decision is not None and decision == obs.round:       # ◎ marks the decision stage on the timeline
            note, colour = "◎ " + t("board.decision_now"), theme.LOSS_TEXT
        elif decision is not None and decision > obs.round:
            note, colour = "◎ " + t("board.decision_in", n=decision - obs.round), theme.MUTED
        else:
            note, colour = "", theme.MUTED
        if note:
            tr.draw(surface, note, (rect.right, rect.y), m.small, colour, True, "topright",
                    max_width=rect.right - x - m.pad * 2)

    def shown_stance(self, mv):
        """Stance values to draw while the last round's change animates."""
        c = self.changes.get(mv.id)
        if c is None:
            return None, None, None, None
        p = min(1.0, self.anim / ANIM_SECONDS)
        ease = 1 - (1 - p) ** 3
        you = c.before + (mv.stance - c.before) * ease
        riv = c.rival_before + (mv.rival_stance - c.rival_before) * ease
        return you, riv, c.before if self.anim < ANIM_SECONDS * 3 else None, c.after - c.before

    def draw_card(self, surface, i: int, counts: dict, backing: dict) -> None:
        mv, r = self.obs.members[i], self.card_rects[i]
        you, riv, before, delta = self.shown_stance(mv)
        fc = backing.get(mv.id)
        member_card(self.app, surface, r, mv, focused=(i == self.focus), hovered=(i == self.hover),
                    planned=counts.get(mv.id, 0), stance=you, rival=riv, stance_from=before, delta=delta,
                    drop_target=self.drag is not None and r.collidepoint(self.mouse),
                    rival_name=self.app.names_rival(mv.leading_rival), members=self.obs.members,
                    backs=fc.backs if fc else None, unheard=fc.unheard if fc else False)

    def draw_benefits(self, surface) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        rect = self.side_rect
        focused = self.obs.members[self.focus] if self.obs.members else None
        known = dict(focused.known_priorities) if focused else {}
        tr.draw(surface, t("board.benefits"), rect.topleft, m.small, theme.HEADER, True, max_width=rect.width)
        for j, (bv, r) in enumerate(zip(self.obs.benefits, self.benefit_rects)):
            benefit_row(self.app, surface, r, j, bv, selected=(self.kind == "pitch" and j == self.benefit),
                        care=known.get(bv.id))

    def draw_forecast(self, surface) -> None:
        if self.forecast is not None:
            forecast_panel(self.app, surface, self.forecast_rect, self.forecast)

    def draw_news(self, surface) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        pad, news = m.pad, self.news_rect
        lh = tr.line_height(m.small)
        panel(surface, news, theme.PANEL_ALT)
        tr.draw(surface, t("board.news"), (news.x + pad // 2, news.y + 3), m.small, theme.HEADER, True)
        self.news_left = news_list(self.app, surface, pygame.Rect(news.x + pad // 2, news.y + lh + 6,
                                                                  news.width - pad, news.height - lh - 8),
                                   self.news, offset=self.news_scroll)

    def draw_actions(self, surface) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        panel(surface, self.actions_rect, theme.PANEL)
        for b in self.kind_buttons:
            b.draw(tr, surface, m.small)
        end = Button(t("board.end_round"), self.request_end_round, "E", selected=True)
        end.rect = self.end_rect
        end.draw(tr, surface, m.body)
        self.draw_planline(surface)

    def draw_planline(self, surface) -> None:
        """Points, the plan and the status line."""
        m, tr, t = self.app.metrics, self.app.text, self.t
        surface.fill(theme.PANEL, self.planline_rect)
        pts_label = t("board.points", left=self.points_left, total=self.obs.points)
        tr.draw(surface, pts_label, self.points_rect.midleft, m.small, theme.INK, True, "midleft")
        pips(surface, self.pips_rect, self.obs.points, self.obs.points - self.points_left)
        if not self.plan:
            tr.draw(surface, t("board.plan_empty"), self.plan_rect.midleft, m.small, theme.MUTED, False,
                    "midleft", max_width=self.plan_rect.width)
        for i, (a, chip) in enumerate(zip(self.plan, self.chip_rects)):
            label = f"{i + 1}. {self.describe(a)} ×"
            pygame.draw.rect(surface, theme.HIGHLIGHT, chip, border_radius=chip.height // 2)
            pygame.draw.rect(surface, theme.MUTED, chip, 1, border_radius=chip.height // 2)
            tr.draw(surface, label, (chip.x + 6, chip.centery), m.small, theme.INK, False, "midleft",
                    max_width=chip.width - 10)
        status = self.status or t("board.next", action=self.describe(self.action_now()))
        colour = theme.LOSS_TEXT if status.startswith("×") else theme.INK
        room = self.status_rect.width
        warning = None if self.status else pitch_warning(self, self.action_now())
        if warning:                                 # before a blind pitch: say so beside the plan
            label = tr.fit("⚠ " + warning, m.small, self.status_rect.width // 2, True)
            chip = badge(tr, surface, self.status_rect.topright, label, m.small, theme.ORANGE, "topright")
            room = chip.x - self.status_rect.x - 8
        tr.draw(surface, status, self.status_rect.topleft, m.small, colour, status.startswith("×"),
                max_width=room)

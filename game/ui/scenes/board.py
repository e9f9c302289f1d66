"""The round board: the buying center as cards, your benefits, the actions
with their costs, the points left, the stage timeline and the news.

Keyboard: see game/ui/controls.py.  Mouse: click an action, click a member
(click again to plan), drag a benefit onto a member to pitch it, click a
planned action to take it back.  Legality and its reason come from the
engine (``Game.refusal``, translated by the catalog); the board only forwards.
"""
from __future__ import annotations

import pygame

from game.engine.types import ACTION_COSTS, LOYALTY_RUNGS, MEMBER_OPTIONAL, NEEDS_BENEFIT, NEEDS_MEMBER, Action
from game.ui import controls, theme
from game.engine.forecast import forecast
from game.ui.cards import benefit_row, forecast_height, forecast_panel, member_card, news_list, news_order, timeline
from game.ui.scene import Scene
from game.ui.tooltips import paint_tip, pitch_warning, tip_box, tip_lines
from game.ui.widgets import (Button, areas_for, badge, grid, grid_columns, header_bar, hint_bar, key_event, panel, pips,
                             size_of_marks)

ANIM_SECONDS = 1.0


class BoardScene(Scene):
    name = "board"

    def __init__(self, app, deal):
        super().__init__(app)
        self.deal = deal
        self.obs = deal.observation
        if self.obs.phase == "post_sale":
            self.name = "aftersale"

    # ------------------------------------------------------------------ state
    def enter(self) -> None:
        obs = self.obs
        self.plan: list[Action] = []
        self.kinds = controls.kinds_for(obs.phase)
        available = {a.kind for a in obs.legal_actions}
        self.kind = next((k for k in self.kinds if k in available), self.kinds[0])
        self.focus = next((i for i, mv in enumerate(obs.members) if not mv.locked), 0)
        self.benefit = 0
        self.status_of = None          # makes the status line's text in the current language
        self.confirm_empty = False
        self.anim = 0.0 if self.app.motion else ANIM_SECONDS
        self.changes = {}
        if self.deal.results:
            self.changes = {c.member: c for c in self.deal.results[-1][2].changes}
        self.card_rects: list[pygame.Rect] = []
        self.benefit_rects: list[pygame.Rect] = []
        self.kind_buttons: list[Button] = []
        self.chip_rects: list[pygame.Rect] = []
        self.end_rect = pygame.Rect(0, 0, 0, 0)
        self.hover: int | None = None
        self.drag: int | None = None
        self.mouse = (0, 0)
        self.autoplan: list[Action] | None = None
        self.news = news_order(obs.news)
        self.news_scroll = 0
        self.news_left = 0
        self.news_rect = pygame.Rect(0, 0, 0, 0)
        self.tip: tuple[str, object] | None = None    # ("kind" | "benefit" | "member", which): hover or focus
        self._tip_placed = None

    @property
    def status(self) -> str:
        """The status line, translated when it is read (a language switch mid-game applies at once)."""
        return self.status_of() if self.status_of else ""

    @property
    def points_left(self) -> int:
        return self.obs.points - sum(a.cost for a in self.plan)

    @property
    def busy(self) -> bool:
        return self.anim < ANIM_SECONDS and bool(self.changes)

    @property
    def animating(self) -> bool:
        """The last round's change is shown (then its ghost marker fades) for 3 x ANIM_SECONDS."""
        return self.anim < ANIM_SECONDS * 3 and bool(self.changes)

    def action_now(self, whole_account: bool = False) -> Action:
        """The action Enter would plan: chosen kind, focused member, chosen benefit."""
        kind = self.kind
        mv = self.obs.members[self.focus] if self.obs.members else None
        member = None
        if mv is not None and (kind in NEEDS_MEMBER or (kind in MEMBER_OPTIONAL and not whole_account)):
            member = mv.id
        benefit = self.obs.benefits[self.benefit].id if kind in NEEDS_BENEFIT and self.obs.benefits else None
        return Action(kind, member, benefit)

    def why_not(self, action: Action) -> str | None:
        """None if ``action`` can join the plan, else the engine's reason (``Game.refusal``), translated."""
        refused = self.deal.refusal(self.plan + [action])
        return None if refused is None else self.reason(refused)

    def reason(self, refused) -> str:
        """An engine Refusal in the player's language."""
        return self.t("board.why.engine", reason=self.app.i18n.message(refused, self.deal.names))

    def describe(self, action: Action) -> str:
        t = self.t
        name = t(f"action.{action.kind}")
        if action.benefit and action.member:
            return t("board.plan.pitch", action=name, benefit=self.app.names_benefit(action.benefit),
                     member=self.app.names_member(action.member))
        if action.member:
            return t("board.plan.member", action=name, member=self.app.names_member(action.member))
        return t("board.plan.account", action=name)

    def try_plan(self, action: Action) -> bool:
        refused = self.deal.refusal(self.plan + [action])
        self.confirm_empty = False
        if refused is not None:
            self.status_of = lambda: "× " + self.reason(refused)
            return False
        self.plan.append(action)
        self.app.play("plan")
        self.status_of = lambda: "✓ " + self.t("board.planned", action=self.describe(action))
        if action.kind == "refer":       # a referral is a one-off: go back to an everyday action
            self.kind = next((k for k in ("ask", "pitch") if k in self.kinds), self.kinds[0])
        return True

    def undo(self, index: int | None = None) -> None:
        if not self.plan:
            return
        removed = self.plan.pop(len(self.plan) - 1 if index is None else index)
        # what stays must still be a legal list (order matters for some actions)
        while self.plan and self.deal.refusal(self.plan) is not None:
            self.plan.pop()
        self.confirm_empty = False
        self.status_of = lambda: self.t("board.undone", action=self.describe(removed))

    def needs_confirmation(self) -> bool:
        """Ending now would leave points unspent and the player has not confirmed
        (an empty plan always asks; a partial one unless the setting is off)."""
        if self.confirm_empty or self.points_left <= 0:
            return False
        return not self.plan or self.app.settings.confirm_end

    def request_end_round(self) -> None:
        """The player asks to end the round (E, the button): with points left
        unspent, the first press asks (``Settings.confirm_end``), the second ends."""
        if self.plan and self.needs_confirmation():
            self.confirm_empty = True
            left = self.points_left
            self.status_of = lambda: self.t("board.confirm_unspent", n=left)
            return
        self.end_round()

    def end_round(self) -> None:
        """End the round with the plan (an empty plan asks first); the coach may speak before."""
        if not self.plan and not self.confirm_empty and self.points_left > 0:
            self.confirm_empty = True
            self.status_of = lambda: self.t("board.confirm_empty")
            return
        refused = self.deal.refusal(self.plan)
        if refused is not None:
            self.status_of = lambda: "× " + self.reason(refused)
            return
        if self.app.flow.hold_round(self.obs, tuple(self.plan)):
            return                  # coach mode: the coach speaks first (once a round)
        previous = self.obs
        result = self.deal.step(self.plan)
        decided = previous.outcome is None and result.observation.outcome is not None
        self.app.play(("win" if result.observation.outcome == "won" else "loss") if decided else "end_round")
        self.app.flow.round_played(previous, tuple(self.plan), result)

    # ------------------------------------------------------------------ input
    def handle(self, event) -> None:
        self.ensure_layout()
        if event.type == pygame.KEYDOWN:
            self.handle_key(event)
        elif event.type == pygame.MOUSEMOTION:
            self.mouse = event.pos
            self.hover = next((i for i, r in enumerate(self.card_rects) if r.collidepoint(event.pos)), None)
            self.tip = self.hover_target(event.pos)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.mouse = event.pos
            for j, r in enumerate(self.benefit_rects):
                if r.collidepoint(event.pos):
                    self.drag = j
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self.handle_click(event.pos)
        elif event.type == pygame.MOUSEWHEEL and self.news_rect.collidepoint(self.mouse):
            self.scroll_news(-event.y)

    def hover_target(self, pos) -> tuple[str, object] | None:
        """What the mouse points at, for its explanation."""
        for kind, r in zip(self.kinds, self.kind_rects):
            if r.collidepoint(pos):
                return ("kind", kind)
        for j, r in enumerate(self.benefit_rects):
            if r.collidepoint(pos):
                return ("benefit", j)
        if self.hover is not None:
            return ("member", self.hover)
        return None

    def tip_anchor(self, tip) -> pygame.Rect | None:
        what, which = tip
        if what == "kind" and which in self.kinds:
            return self.kind_rects[self.kinds.index(which)]
        if what == "benefit" and which < len(self.benefit_rects):
            return self.benefit_rects[which]
        if what == "member" and which < len(self.card_rects):
            return self.card_rects[which]
        return None

    def scroll_news(self, step: int) -> None:
        if step > 0 and self.news_left == 0:
            return
        self.news_scroll = max(0, min(len(self.news) - 1, self.news_scroll + step))

    def handle_key(self, event) -> None:
        before = (self.focus, self.kind, self.benefit)
        self.handle_key_action(event)
        key = event.key
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, controls.END_ROUND):
            self.tip = None
        elif (self.focus, self.kind, self.benefit) != before:     # the keyboard focus moved: explain it
            if self.focus != before[0]:
                self.tip = ("member", self.focus)
            elif self.benefit != before[2]:
                self.tip = ("benefit", self.benefit)
            else:
                self.tip = ("kind", self.kind)

    def handle_key_action(self, event) -> None:
        key, mod = event.key, getattr(event, "mod", 0)
        n = len(self.obs.members)
        cols = getattr(self, "cols", 1)
        if key == pygame.K_ESCAPE:
            self.app.flow.pause()
        elif key in (pygame.K_h, pygame.K_F1):
            self.app.flow.howto()
        elif key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.scroll_news(1 if key == pygame.K_PAGEDOWN else -1)
        elif key == pygame.K_TAB and n:
            self.focus = (self.focus + (-1 if mod & pygame.KMOD_SHIFT else 1)) % n
        elif key in (pygame.K_LEFT, pygame.K_RIGHT) and n:
            self.focus = (self.focus + (1 if key == pygame.K_RIGHT else -1)) % n
        elif key in (pygame.K_UP, pygame.K_DOWN) and n:
            self.focus = (self.focus + (cols if key == pygame.K_DOWN else -cols)) % n
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.try_plan(self.action_now(whole_account=bool(mod & pygame.KMOD_SHIFT)))
        elif key == controls.UNDO or key == pygame.K_DELETE:
            self.undo()
        elif key == controls.END_ROUND:
            self.request_end_round()
        elif controls.benefit_for_key(key) is not None:
            j = controls.benefit_for_key(key)
            if j < len(self.obs.benefits) and "pitch" in self.kinds:
                self.benefit, self.kind = j, "pitch"
        elif key in (pygame.K_LEFTBRACKET, pygame.K_RIGHTBRACKET) and self.obs.benefits:
            step = 1 if key == pygame.K_RIGHTBRACKET else -1
            self.benefit = (self.benefit + step) % len(self.obs.benefits)
            if "pitch" in self.kinds:
                self.kind = "pitch"
        else:
            kind = controls.kind_for_key(self.obs.phase, key)
            if kind is not None:
                self.kind = kind
                self.confirm_empty = False

    def handle_click(self, pos) -> None:
        drag, self.drag = self.drag, None
        for i, r in enumerate(self.card_rects):
            if r.collidepoint(pos):
                if drag is not None:                     # a benefit dropped on a member: pitch it
                    self.focus, self.benefit, self.kind = i, drag, "pitch"
                    self.try_plan(self.action_now())
                elif i == self.focus:
                    self.try_plan(self.action_now())
                else:
                    self.focus = i
                return
        if drag is not None:
            for j, r in enumerate(self.benefit_rects):
                if r.collidepoint(pos) and j == drag and "pitch" in self.kinds:
                    self.benefit, self.kind = j, "pitch"
            return
        for b in self.kind_buttons:
            if b.rect.collidepoint(pos) and b.enabled:
                b.action()
                return
        for i, r in enumerate(self.chip_rects):
            if r.collidepoint(pos):
                self.undo(i)
                return
        if self.end_rect.collidepoint(pos):
            self.request_end_round()

    def update(self, dt: float) -> None:
        self.anim = min(ANIM_SECONDS * 3, self.anim + dt)

    # ------------------------------------------------------------------ layout
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

    # ------------------------------------------------------------------ drawing
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

    def _select_kind(self, kind: str) -> None:
        self.kind = kind
        self.confirm_empty = False

    # ------------------------------------------------------------------ autoplay
    def autoplay(self, driver):
        if self.busy:
            return None
        if self.autoplan is None:
            self.autoplan = driver.plan(self.deal)
        if not self.autoplan:
            if self.plan and self.obs.round >= 2 and not getattr(driver, "showed_plan", False):
                driver.showed_plan = True            # one screenshot of a planned round per game
                self.tip = None                      # the whole board, no explanation over it
                self.app.snap("board_planned")
                return None                          # let this frame (with the plan) be drawn first
            return [key_event(controls.END_ROUND)] * (2 if self.needs_confirmation() else 1)
        action = self.autoplan.pop(0)
        keys = controls.keys_for_board(action, self.obs, focus=self.focus, benefit=self.benefit)
        return [key_event(k, mod) for k, mod in keys]

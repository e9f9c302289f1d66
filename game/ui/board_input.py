"""The round board's input: keys (game/ui/controls.py), mouse clicks, a
benefit dragged onto a member, the wheel over the news, and what the mouse
or the keyboard focus points at (for its tooltip).  A mixin of
``game.ui.scenes.board.BoardScene``: it reads the rectangles ``BoardLayout``
computed and plans through the scene's ``try_plan`` / ``undo`` /
``request_end_round``."""
from __future__ import annotations

import pygame

from game.ui import controls


class BoardInput:
    """Keys and mouse on the board (mixed into ``BoardScene``)."""

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

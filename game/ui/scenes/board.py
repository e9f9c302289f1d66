"""The round board: the buying center as cards, your benefits, the actions
with their costs, the points left, the stage timeline and the news.

Keyboard: see game/ui/controls.py.  Mouse: click an action, click a member
(click again to plan), drag a benefit onto a member to pitch it, click a
planned action to take it back.  Legality and its reason come from the
engine (``Game.refusal``, translated by the catalog); the board only forwards.

This module holds the board's state (the plan, the focus, ending a round) and
its autoplay; the rest lives beside it, one responsibility each:
``game.ui.board_input`` (keys, mouse, hover), ``game.ui.board_layout`` (every
rectangle, before drawing) and ``game.ui.board_paint`` (drawing the regions).
"""
from __future__ import annotations

import pygame

from game.engine.types import MEMBER_OPTIONAL, NEEDS_BENEFIT, NEEDS_MEMBER, Action
from game.ui import controls
from game.ui.board_input import BoardInput
from game.ui.board_layout import BoardLayout
from game.ui.board_paint import ANIM_SECONDS, BoardPainting
from game.ui.cards import news_order
from game.ui.scene import Scene
from game.ui.widgets import Button, key_event

__all__ = ["ANIM_SECONDS", "BoardScene"]


class BoardScene(BoardInput, BoardLayout, BoardPainting, Scene):
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

    def update(self, dt: float) -> None:
        self.anim = min(ANIM_SECONDS * 3, self.anim + dt)

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

"""Round outcome: what you did, how each member moved (animated, so cause
and effect are visible), and what the rivals and events did."""
from __future__ import annotations

import pygame

from game.ui import theme
from game.ui.cards import news_list
from game.ui.scene import RevealScene
from game.ui.widgets import chrome, delta_label, key_event, panel, signed, stance_bar

ANIM_SECONDS = 1.2


class OutcomeScene(RevealScene):
    name = "round"

    def __init__(self, app, deal, previous, actions, result):
        super().__init__(app)
        self.deal, self.previous, self.actions, self.result = deal, previous, tuple(actions), result

    def enter(self) -> None:
        self.time = 0.0 if self.app.motion else ANIM_SECONDS
        obs = self.result.observation
        prev = {mv.id: mv for mv in self.previous.members}
        changes = list(self.result.changes)
        changes.sort(key=lambda c: -abs(c.after - c.before))
        self.rows = changes
        self.still = [mv for mv in obs.members if mv.id not in {c.member for c in changes}]
        self.prev = prev
        self.decided = self.previous.outcome is None and obs.outcome is not None
        self.causes = round_causes(self.app, self.actions, obs.news)

    @property
    def busy(self) -> bool:
        return self.time < ANIM_SECONDS

    def next(self) -> None:
        if self.busy:
            self.time = ANIM_SECONDS
            return
        self.app.flow.after_outcome(self.previous, self.result)

    def draw(self, surface) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        stage = self.previous.stages[self.previous.round]
        go = t("outcome.to_decision") if self.decided else t("hint.continue")
        body = chrome(self.app, surface, t("outcome.title", n=self.previous.round + 1, stage=stage.name),
                      [("Enter", go), ("Esc", t("board.hint.menu"))],
                      right=self.deal.scenario.title)
        pad = m.pad
        area = body.inflate(-2 * pad, -2 * pad)
        left_w = round(area.width * 0.24)
        right_w = round(area.width * 0.28)
        left = pygame.Rect(area.x, area.y, left_w, area.height)
        mid = pygame.Rect(left.right + pad, area.y, area.width - left_w - right_w - 2 * pad, area.height)
        right = pygame.Rect(mid.right + pad, area.y, right_w, area.height)
        self.draw_actions(surface, left)
        self.draw_changes(surface, mid)
        panel(surface, right, theme.PANEL_ALT)
        lh = tr.line_height(m.body, True)
        tr.draw(surface, t("outcome.news"), (right.x + pad, right.y + pad // 2), m.body, theme.HEADER, True)
        news_list(self.app, surface, pygame.Rect(right.x + pad, right.y + lh + pad, right.width - 2 * pad,
                                                 right.height - lh - 2 * pad),
                  self.result.observation.news, "outcome.quiet")

    def draw_actions(self, surface, rect) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        panel(surface, rect)
        pad = m.pad
        tr.draw(surface, t("outcome.your_actions"), (rect.x + pad, rect.y + pad // 2), m.body, theme.HEADER, True)
        y = rect.y + tr.line_height(m.body, True) + pad
        if not self.actions:
            tr.draw(surface, t("outcome.none"), (rect.x + pad, y), m.small, theme.MUTED)
            return
        board = _describer(self.app)
        for i, a in enumerate(self.actions):
            used = tr.draw_wrapped(surface, f"{i + 1}. {board(a)}",
                                   pygame.Rect(rect.x + pad, y, rect.width - 2 * pad, rect.bottom - y),
                                   m.body, theme.INK, max_lines=2)
            y += used + 4
            if y > rect.bottom - m.small:
                break
        spent = sum(a.cost for a in self.actions)
        tr.draw(surface, t("outcome.spent", spent=spent, total=self.previous.points),
                (rect.x + pad, rect.bottom - pad // 2), m.small, theme.MUTED, False, "bottomleft",
                max_width=rect.width - 2 * pad)

    def draw_changes(self, surface, rect) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        pad = m.pad
        panel(surface, rect)
        tr.draw(surface, t("outcome.changes"), (rect.x + pad, rect.y + pad // 2), m.body, theme.HEADER, True)
        y = rect.y + tr.line_height(m.body, True) + pad
        p = min(1.0, self.time / ANIM_SECONDS)
        ease = 1 - (1 - p) ** 3
        lh = tr.line_height(m.small)
        big = m.body if (rect.bottom - y - 2 * lh) // max(1, len(self.rows)) >= lh * 2.6 else m.small
        lb = tr.line_height(big, True)
        row_h = max(lb + lh + 4, min(round(lb + lh * 3.2), (rect.bottom - y - lh) // max(1, len(self.rows))))
        names = self.deal.names
        shown = 0
        for c in self.rows:
            if y + row_h > rect.bottom - lh:
                break
            shown += 1
            name_w = round(rect.width * 0.3)
            tr.draw(surface, names.member(c.member), (rect.x + pad, y), big, theme.INK, True, max_width=name_w)
            tr.draw(surface, names.titles.get(c.member, ""), (rect.x + pad, y + lb), m.small, theme.MUTED,
                    max_width=name_w)
            bar = pygame.Rect(rect.x + pad + name_w + pad, y + lb // 2 - big // 2, round(rect.width * 0.34), big)
            you = c.before + (c.after - c.before) * ease
            riv = c.rival_before + (c.rival_after - c.rival_before) * ease
            stance_bar(surface, bar, you, riv, you_from=c.before)
            x = bar.right + pad
            if p >= 1.0 or not self.app.motion:
                d = delta_label(tr, surface, (x, bar.centery), c.after - c.before, big)
                rd = c.rival_after - c.rival_before
                if abs(rd) > 0.004:
                    tr.draw(surface, f"◇ {signed(rd)}", (d.right + pad, bar.centery), m.small, theme.RIVAL_TEXT, True,
                            "midleft")
            causes = self.causes.get(c.member) or self.causes.get("*", [])
            x, cy = bar.x, y + lb
            for i, (source, text) in enumerate(causes):       # in the order they happened
                mark, colour = {"you": ("● ", theme.PLAYER_TEXT), "rival": ("◇ ", theme.RIVAL_TEXT)}.get(
                    source, ("▲ ", theme.INK))
                label = ("→ " if i else "") + mark + text
                room = rect.right - pad - x
                if tr.width(label, m.small, True) > room and x > bar.x:
                    if cy + 2 * lh <= y + row_h:               # the next cause goes on a new line
                        x, cy = bar.x, cy + lh
                        room = rect.right - pad - x
                    else:
                        tr.draw(surface, "…", (x, cy), m.small, theme.MUTED)
                        break
                x = tr.draw(surface, label, (x, cy), m.small, colour, source != "event", max_width=room).right + 6
            y += row_h
        rest = len(self.rows) - shown
        quiet = [names.member(mv.id) for mv in self.still]
        note = ""
        if rest > 0:
            note = t("outcome.more", n=rest) + " "
        if quiet:
            note += t("outcome.unchanged", names=", ".join(quiet))
        if not self.rows:
            note = t("outcome.no_change")
        if note:
            tr.draw_wrapped(surface, note, pygame.Rect(rect.x + pad, y + 2, rect.width - 2 * pad, rect.bottom - y - 4),
                            m.small, theme.MUTED, max_lines=2)

    def autoplay(self, driver):
        if self.busy:
            return None
        return [key_event(pygame.K_RETURN)]


#: news that moves stances, and the short cause it gives ("" = the whole message)
CAUSE_KEYS = {"news.rival_pitch": "rival", "news.rival_reference": "rival", "news.wasted_pitch": "you",
              "news.referred": "you", "news.unlocked": "you", "news.blocker_won_back": "you",
              "news.pilot_success": "you", "news.pilot_failure": "you",
              "news.concern_addressed": "you", "news.champion": "you"}


def round_causes(app, actions, news) -> dict[str, list[tuple[str, str]]]:
    """Per member, every cause of this round's change in the order it happened:
    your actions (in plan order), then what the rivals did, then the events
    of the new stage.  Each cause is (source, text), source "you", "rival" or
    "event"; an action or event on the whole account counts for everyone."""
    t = app.i18n.t
    describe = _describer(app, short=True)
    everyone = "*"
    out: dict[str, list[tuple[int, str, str]]] = {}

    def add(member, source, text):
        out.setdefault(member or everyone, []).append((sum(map(len, out.values())), source, text))
    for a in actions:
        add(a.member, "you", describe(a))
    for msg in news:
        params = dict(msg.params)
        source = CAUSE_KEYS.get(msg.key, "event" if msg.key.startswith("event.") else None)
        if source is None:
            continue
        short = f"outcome.cause.{msg.key}"
        text = app.i18n.message(type(msg)(short, msg.params), app.deal.names) if app.i18n.has(short) else \
            app.i18n.message(msg, app.deal.names)
        add(params.get("member"), source, text)
    shared = out.pop(everyone, [])              # whole-account actions and events, in their place in time

    def merged(causes):
        return [(source, text) for _, source, text in sorted(causes + shared)]
    return {m: merged(causes) for m, causes in out.items()} | ({everyone: merged([])} if shared else {})


def _describer(app, short: bool = False):
    t = app.i18n.t

    def describe(a) -> str:
        name = t(f"action.{a.kind}")
        if a.benefit:
            if short:
                return f"{name}: {app.names_benefit(a.benefit)}"
            return t("board.plan.pitch", action=name, benefit=app.names_benefit(a.benefit),
                     member=app.names_member(a.member))
        if a.member and not short:
            return t("board.plan.member", action=name, member=app.names_member(a.member))
        return name if short else t("board.plan.account", action=name)
    return describe

"""The debrief's forecast tab: the board's "if they decided now" as it stood
just before the decision (the deciding round's observation and plan), beside
what actually happened (the decision screen's picture), drawn with the same
code as the board's forecast panel (``cards.forecast_panel``) and a
member-by-member comparison.

    picture = hindsight(deal)       # None when the customer never decided
    picture.before, picture.after, picture.round
"""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.engine.forecast import Forecast, as_decided, forecast
from game.ui import theme
from game.ui.cards import backing_mark, forecast_height, forecast_panel
from game.ui.names import short_name
from game.ui.widgets import panel


@dataclass(frozen=True)
class Hindsight:
    before: Forecast           # the forecast the board showed as the deciding round was ended
    after: Forecast            # how they decided (the decision screen's picture)
    round: int                 # the deciding round (0-based)


def decided_picture(tables, observation, support: dict[str, str]) -> Forecast:
    """The decision screen's picture: the forecast's layout with each member's real backing (``support``,
    from the debrief); the plain forecast when there is no backing to show yet."""
    picture = forecast(observation, tables)
    if not support:
        return picture
    vetoed = any(n.key == "news.veto" for n in observation.news)
    return as_decided(picture, support, observation.outcome or "no_decision", vetoed)


def hindsight(deal) -> Hindsight | None:
    """Before and after the decision, from the rounds the deal played (None if no round decided)."""
    for previous, actions, result in deal.results:
        if previous.outcome is None and result.observation.outcome is not None:
            before = forecast(previous, deal.game.tables, list(actions))
            return Hindsight(before, decided_picture(deal.game.tables, result.observation, dict(deal.debrief().support)),
                             previous.round)
    return None


def legend(app, surface, x: int, y: int) -> int:
    """What the marks mean: ● you, ◆ a rival, ■ doing nothing, hollow: never asked. Returns the bottom."""
    m, tr, t = app.metrics, app.text, app.i18n.t
    size = m.small
    lh = tr.line_height(size)
    r = max(5, lh // 2 - 3)
    for backs, unheard, key in (("player", False, "you"), ("rival", False, "rival"), ("status_quo", False, "nothing"),
                                ("player", True, "unheard")):
        backing_mark(surface, (x + r, y + lh // 2), r, backs, unheard)
        x = tr.draw(surface, t(f"debrief.forecast.{key}"), (x + 2 * r + 6, y), size, theme.INK).right + 3 * m.pad // 2
    return y + lh


def draw_hindsight(scene, surface, rect: pygame.Rect, picture: Hindsight | None) -> None:
    """The tab: two forecast panels side by side, then each member's forecast and real backing."""
    app = scene.app
    m, tr, t = app.metrics, app.text, app.i18n.t
    pad = m.pad
    size = m.small
    lh = tr.line_height(size)
    if picture is None:
        tr.draw_wrapped(surface, t("debrief.forecast.none"), rect, m.body, theme.MUTED, max_lines=4)
        return
    half = (rect.width - 2 * pad) // 2
    columns = [(pygame.Rect(rect.x, rect.y, half, rect.height), t("debrief.forecast.before", n=picture.round + 1),
                picture.before, False),
               (pygame.Rect(rect.x + half + 2 * pad, rect.y, half, rect.height), t("debrief.forecast.after"),
                picture.after, True)]
    heading = tr.line_height(m.body, True)
    panel_h = max(forecast_height(app, picture.before, half), forecast_height(app, picture.after, half, True))
    panel_h = min(panel_h, rect.height // 2)
    for col, title, fc, decided in columns:
        tr.draw(surface, title, col.topleft, m.body, theme.HEADER, True, max_width=col.width)
        forecast_panel(app, surface, pygame.Rect(col.x, col.y + heading + 4, col.width, panel_h), fc, decided)
    y = rect.y + heading + 4 + panel_h + pad
    expected = {f.member: f for f in picture.before.members}
    actual = {f.member: f.backs for f in picture.after.members}
    rows = [f for f in picture.before.members if f.member in actual]
    same = sum(1 for f in rows if actual[f.member] == f.backs)
    y += tr.draw_wrapped(surface, t("debrief.forecast.same", n=same, total=len(rows)) + " " +
                         t("debrief.forecast.help"), pygame.Rect(rect.x, y, rect.width, lh * 2), size, theme.INK,
                         max_lines=2) + pad // 2
    y = legend(app, surface, rect.x, y) + pad // 2
    table = pygame.Rect(rect.x, y, rect.width, rect.bottom - y)
    mark_w = max(tr.width(t("debrief.forecast.expected"), size, True), tr.width(t("debrief.forecast.actual"), size, True)) + pad
    cols = 2 if len(rows) > 4 and table.width >= 60 * size else 1
    col_w = table.width // cols
    widest = max([tr.width(app.names_member(f.member), size, True) for f in rows] + [0])
    name_w = min(widest + 2 * pad, round(col_w * 0.4))
    per_col = -(-len(rows) // cols)
    row_h = max(lh + 4, min(round(lh * 1.6), (table.height - lh) // max(1, per_col)))
    for c in range(cols):
        x = table.x + c * col_w
        tr.draw(surface, t("debrief.forecast.member"), (x, table.y), size, theme.MUTED, True, max_width=name_w)
        tr.draw(surface, t("debrief.forecast.expected"), (x + name_w + mark_w // 2, table.y), size, theme.MUTED, True,
                "midtop")
        tr.draw(surface, t("debrief.forecast.actual"), (x + name_w + mark_w * 3 // 2, table.y), size, theme.MUTED,
                True, "midtop")
    for i, f in enumerate(rows):
        c, r = divmod(i, per_col)
        x, yy = table.x + c * col_w, table.y + lh + r * row_h
        if yy + row_h > table.bottom + 2:
            continue
        changed = actual[f.member] != f.backs
        if changed:
            panel(surface, pygame.Rect(x - 4, yy, col_w - pad, row_h - 2), theme.HIGHLIGHT, None, 4, 0)
        tr.draw(surface, app.names_member(f.member), (x, yy + row_h // 2), size, theme.INK, changed, "midleft",
                max_width=name_w - pad)
        r_mark = max(5, min(row_h // 3, lh // 2 - 1))
        backing_mark(surface, (x + name_w + mark_w // 2, yy + row_h // 2), r_mark, expected[f.member].backs,
                     expected[f.member].unheard)
        backing_mark(surface, (x + name_w + mark_w * 3 // 2, yy + row_h // 2), r_mark, actual[f.member])
        if changed:                         # same mark, another rival: say whom
            words = {"player": t("debrief.forecast.you"), "status_quo": t("debrief.forecast.nothing")}
            left = x + name_w + 2 * mark_w + pad
            half = (x + col_w - pad - left - tr.width(" → ", size)) // 2     # a long rival name: cut after a word
            said = " → ".join(words.get(b) or short_name(tr, app.names_rival(b), size, max(half, 1))
                              for b in (f.backs, actual[f.member]))
            tr.draw(surface, said, (left, yy + row_h // 2), size, theme.INK, False, "midleft",
                    max_width=max(0, x + col_w - pad - left))

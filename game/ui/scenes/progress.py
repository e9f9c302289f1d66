"""Your progress: score and win rate over time, each score part over time,
best and last per scenario, the mistakes that keep coming back, and the drill's
accuracy per role × benefit.

The numbers come from :mod:`game.practice.progress` (tests check them there);
this scene only draws them, with labelled axes, in the player's language.
"""
from __future__ import annotations

import pygame

from game.practice.history import History, load_history
from game.practice.plan import suggest
from game.practice.profiles import load_profiles
from game.practice.progress import build_progress
from game.scenario import validate_file
from game.scenario.bundled import bundled_scenarios
from game.ui import theme
from game.ui.scene import Scene
from game.ui.widgets import chrome, dashed_line, key_event, panel

def bundled_list() -> list:
    """The bundled scenarios that load (the plan names a fitting one)."""
    out = []
    for path in bundled_scenarios():
        scenario, _ = validate_file(path)
        if scenario is not None:
            out.append(scenario)
    return out


#: one colour per score part (Okabe–Ito, as the rest of the game)
PART_COLOURS = {"outcome": theme.BLUE, "alignment": theme.GREEN, "coverage": theme.ORANGE,
                "efficiency": theme.PURPLE, "relationship": theme.SKY, "asking": theme.VERMILLION}
FALLBACK = (theme.BLACK, theme.YELLOW, theme.STATUS_QUO)


class ProgressScene(Scene):
    name = "progress"

    def enter(self) -> None:
        self.score_points: list = []
        self.trend_key = ""
        self.load()

    def resume(self) -> None:
        self.load()           # back from choosing another profile

    def load(self) -> None:
        profiles = load_profiles()
        self.profile = profiles.current
        folder = profiles.folder() if profiles.current else None
        self.progress = build_progress(load_history(folder) if folder else History())
        self.plan = suggest(self.progress, bundled_list()) if folder else None

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER):
                self.app.stack.pop()
            elif event.key == pygame.K_n:
                self.app.flow.choose_profile()

    # ---------------------------------------------------------------- drawing
    def draw(self, surface) -> None:
        m, tr, t = self.app.metrics, self.app.text, self.t
        p = self.progress
        right = t("progress.profile", name=self.profile) if self.profile else t("progress.no_profile")
        body = chrome(self.app, surface, t("progress.title"), [("N", t("progress.switch")), ("Esc", t("hint.back"))],
                      right=right)
        if not p.games and not p.drill_scores:
            tr.draw_wrapped(surface, t("progress.empty"), body.inflate(-8 * m.pad, -8 * m.pad), m.body, theme.MUTED)
            return
        gap = 2 * m.pad
        left = pygame.Rect(body.x + gap, body.y + gap, round(body.width * 0.56), body.height - 2 * gap)
        side = pygame.Rect(left.right + gap, left.y, body.right - left.right - 2 * gap, left.height)
        half = (left.height - gap) // 2
        top, bottom = pygame.Rect(left.x, left.y, left.width, half), pygame.Rect(left.x, left.y + half + gap,
                                                                                  left.width, half)
        self.draw_score_chart(surface, top)
        self.draw_parts_chart(surface, bottom)
        y = self.draw_headline(surface, side)
        y = self.draw_scenarios(surface, pygame.Rect(side.x, y, side.width, side.bottom - y))
        y = self.draw_mistakes(surface, pygame.Rect(side.x, y, side.width, side.bottom - y))
        self.draw_drill(surface, pygame.Rect(side.x, y, side.width, side.bottom - y))

    def draw_score_chart(self, surface, rect) -> None:
        t, p = self.t, self.progress
        series = [(t("progress.score"), [s / 1000 for s in p.scores], theme.HEADER, False),
                  (t("progress.win_rate", n=5), p.win_rate, theme.GAIN, True)]
        self.score_points = line_chart(self.app, surface, rect, t("progress.chart.score"), series,
                   t("progress.axis.game"), t("progress.axis.score"), ticks=(0, 500, 1000),
                   marks=[g.won for g in p.games], right_ticks=("0%", "50%", "100%"))

    def draw_parts_chart(self, surface, rect) -> None:
        t, p = self.t, self.progress
        series = []
        for i, name in enumerate(p.part_names):
            colour = PART_COLOURS.get(name, FALLBACK[i % len(FALLBACK)])
            series.append((t(f"part.{name}") if self.app.i18n.has(f"part.{name}") else name,
                           p.part(name), colour, False))
        line_chart(self.app, surface, rect, t("progress.chart.parts"), series,
                   t("progress.axis.game"), t("progress.axis.part"), ticks=("0", "0.5", "1"))

    def draw_headline(self, surface, rect) -> int:
        m, tr, t, p = self.app.metrics, self.app.text, self.t, self.progress
        y = rect.y
        if p.games:
            slope = p.trend("score")
            self.trend_key = key = "progress.trend.up" if slope > 5 else "progress.trend.down" if slope < -5 else "progress.trend.flat"
            colour = theme.GAIN if slope > 5 else theme.LOSS if slope < -5 else theme.MUTED
            tr.draw(surface, t("progress.games", n=len(p.games), wins=sum(g.won for g in p.games)),
                    (rect.x, y), m.body, theme.INK, True, max_width=rect.width)
            y += tr.line_height(m.body, True)
            tr.draw(surface, t(key, per_game=round(abs(slope))), (rect.x, y), m.body, colour, True,
                    max_width=rect.width)
            y += tr.line_height(m.body, True)
        if self.plan is not None:
            y += m.pad // 2
            text = t("progress.next", step=self.app.flow.plan_text(self.plan))
            y += tr.draw_wrapped(surface, text, pygame.Rect(rect.x, y, rect.width, m.body * 4), m.small,
                                 theme.PLAYER, True, max_lines=3)
        return y + m.pad

    def draw_scenarios(self, surface, rect) -> int:
        m, tr, t = self.app.metrics, self.app.text, self.t
        rows = self.progress.per_scenario[:4]
        if not rows:
            return rect.y
        y = rect.y
        tr.draw(surface, t("progress.scenarios"), (rect.x, y), m.small, theme.MUTED, True)
        y += tr.line_height(m.small, True)
        for r in rows:
            tr.draw(surface, r.title, (rect.x, y), m.small, theme.INK, False, max_width=round(rect.width * 0.55))
            tr.draw(surface, t("progress.best_last", best=r.best, last=r.last, played=r.played),
                    (rect.right, y), m.small, theme.INK, True, "topright", max_width=round(rect.width * 0.45))
            y += tr.line_height(m.small)
        return y + m.pad

    def draw_mistakes(self, surface, rect) -> int:
        m, tr, t = self.app.metrics, self.app.text, self.t
        rows = self.progress.recurring()[:4]
        y = rect.y
        tr.draw(surface, t("progress.mistakes"), (rect.x, y), m.small, theme.MUTED, True)
        y += tr.line_height(m.small, True)
        if not rows:
            tr.draw(surface, t("progress.no_mistakes"), (rect.x, y), m.small, theme.MUTED, max_width=rect.width)
            return y + tr.line_height(m.small) + m.pad
        recent = min(10, len(self.progress.games))
        for key, n in rows:
            label = t(f"mistake.{key}") if self.app.i18n.has(f"mistake.{key}") else key
            tr.draw(surface, label, (rect.x, y), m.small, theme.INK, False, max_width=round(rect.width * 0.75))
            tr.draw(surface, t("progress.times", n=n, of=recent), (rect.right, y), m.small, theme.LOSS, True,
                    "topright")
            y += tr.line_height(m.small)
        return y + m.pad

    def draw_drill(self, surface, rect) -> None:
        m, tr, t, p = self.app.metrics, self.app.text, self.t, self.progress
        if not p.drill_cells or rect.height < m.small * 4:
            return
        tr.draw(surface, t("progress.drill", n=len(p.drill_scores)), (rect.x, rect.y), m.small, theme.MUTED, True)
        roles, benefits = p.drill_roles, p.drill_benefits
        label_w = round(rect.width * 0.3)
        top = rect.y + tr.line_height(m.small, True) + tr.line_height(m.small)
        cw = max(8, (rect.width - label_w) // max(1, len(benefits)))
        ch = max(8, min(round(m.small * 1.5), (rect.bottom - top) // max(1, len(roles))))
        for j, b in enumerate(benefits):     # column heads: the benefit's first letters
            tr.draw(surface, p.benefit_names.get(b, b)[:4], (rect.x + label_w + j * cw + cw // 2, top - 2),
                    round(m.small * 0.8), theme.MUTED, False, "midbottom")
        for i, role in enumerate(roles):
            y = top + i * ch
            tr.draw(surface, t(f"role.{role}"), (rect.x + label_w - m.pad // 2, y + ch // 2), round(m.small * 0.9),
                    theme.INK, False, "midright", max_width=label_w - m.pad)
            for j, b in enumerate(benefits):
                cell = pygame.Rect(rect.x + label_w + j * cw, y, cw - 2, ch - 2)
                stat = p.drill_cells.get((role, b))
                if stat is None:
                    pygame.draw.rect(surface, theme.BG_DEEP, cell)
                    continue
                pygame.draw.rect(surface, theme.mix(theme.LOSS, theme.GAIN, stat.accuracy), cell)
                if cw >= m.small * 2:
                    tr.draw(surface, f"{round(100 * stat.accuracy)}", cell.center, round(m.small * 0.75),
                            theme.PANEL, True, "center")

    def autoplay(self, driver):
        return [key_event(pygame.K_ESCAPE)]


def line_chart(app, surface, rect, title, series, x_label, y_label, ticks, marks=None, right_ticks=()) -> list:
    """A panel with a titled line chart: ``series`` is [(label, values 0..1, colour, dashed)], x = game number.
    Returns the first series' points on screen (tests read the drawn trend from them).

    ``ticks`` label the y axis at 0, the middle and the top; ``marks`` (one bool per game)
    draws a filled dot for a win, a hollow one otherwise, on the first series."""
    m, tr = app.metrics, app.text
    panel(surface, rect)
    small = m.small
    tr.draw(surface, title, (rect.x + m.pad, rect.y + m.pad // 2), small, theme.INK, True, max_width=rect.width // 2)
    # legend on the title's line, right-aligned
    x = rect.right - m.pad
    for label, _, colour, dashed in reversed(series):
        r = tr.draw(surface, label, (x, rect.y + m.pad // 2), round(small * 0.85), theme.INK, False, "topright")
        x = r.x - m.pad // 2
        pygame.draw.line(surface, colour, (x - small, r.centery), (x, r.centery), 3)
        x -= small + m.pad
    label_w = max(tr.width(str(v), small) for v in ticks) + m.pad
    plot = pygame.Rect(rect.x + label_w + small + m.pad, rect.y + tr.line_height(small, True) + m.pad,
                       0, 0)
    right_w = max((tr.width(v, small) for v in right_ticks), default=0)
    plot.width = rect.right - m.pad - right_w - plot.x
    plot.height = rect.bottom - tr.line_height(small) * 2 - m.pad - plot.y
    if plot.width < 20 or plot.height < 20:
        return []
    # axes, grid and labels
    for k, v in enumerate(ticks):
        y = plot.bottom - plot.height * k / (len(ticks) - 1)
        pygame.draw.line(surface, theme.BG_DEEP if k else theme.MUTED, (plot.x, y), (plot.right, y), 1)
        tr.draw(surface, str(v), (plot.x - m.pad // 2, y), round(small * 0.85), theme.MUTED, False, "midright")
        if right_ticks:
            tr.draw(surface, right_ticks[k], (plot.right + m.pad // 2, y), round(small * 0.85), theme.GAIN, False,
                    "midleft")
    pygame.draw.line(surface, theme.MUTED, plot.bottomleft, plot.topleft, 1)
    rotated = pygame.transform.rotate(tr.render(y_label, round(small * 0.85), theme.MUTED), 90)
    surface.blit(rotated, rotated.get_rect(midleft=(rect.x + m.pad // 2, plot.centery)))
    n = max((len(values) for _, values, _, _ in series), default=0)
    xs = [plot.x + (plot.width * (i / (n - 1)) if n > 1 else plot.width / 2) for i in range(n)]
    step = max(1, n // 10)
    for i in range(0, n, step):
        tr.draw(surface, str(i + 1), (xs[i], plot.bottom + 2), round(small * 0.85), theme.MUTED, False, "midtop")
    tr.draw(surface, x_label, (plot.centerx, rect.bottom - m.pad // 2), round(small * 0.85), theme.MUTED, False,
            "midbottom")
    drawn: list = []
    for s, (_, values, colour, dashed) in enumerate(series):
        pts = [(xs[i], plot.bottom - plot.height * max(0.0, min(1.0, v))) for i, v in enumerate(values)]
        for a, b in zip(pts, pts[1:]):
            if dashed:
                dashed_line(surface, colour, a, b, 2)
            else:
                pygame.draw.line(surface, colour, a, b, 3)
        if s == 0:
            drawn = pts
            for i, pt in enumerate(pts):
                won = bool(marks[i]) if marks else True
                pygame.draw.circle(surface, colour, pt, 5 if won else 5, 0 if won else 2)
    return drawn

"""The class report: what the trainer shows after the session.

:func:`class_report` turns checked result files (see :mod:`game.session.verify`)
into plain data — leaderboard, par, who backed whom, the class matrix, the
most frequent mistakes, each player's turning points — and :func:`write_report`
renders ``index.html`` (Jinja2 template, matplotlib charts as inline SVG) and
the CSV files.  Only verified results are ranked or counted in the class
figures; the others are listed with the reason.
"""
from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import datetime, timezone
from importlib.resources import files
from pathlib import Path

import jinja2

from game import __version__
from game.engine.types import SCORE_PARTS
from game.files import write_atomic
from game.session.charts import matrix_chart, scores_chart, support_chart
from game.session.formats import Session, SessionFileError
from game.session.record import coached, par_for, scenario_of
from game.session.report_text import report_text
from game.session.verify import Checked
from game.session.webfont import font_css
from game.ui.i18n import Catalog, Names

__all__ = ["class_report", "render_html", "results_csv", "actions_csv", "write_report"]

ADVICE_SHOWN = 6


def _row(checked: Checked, par: dict, catalog: Catalog) -> dict:
    r = checked.result
    score = r.score.total if r else None
    expert = par.get("expert", {}).get("score")
    return {
        "file": Path(checked.path).name,
        "player": r.player if r else "?",
        "team": (r.team or "") if r else "",
        "outcome": r.outcome if r else "",
        "outcome_text": catalog.t(f"outcome.{r.outcome}") if r else "",
        "score": score,
        "grade": r.score.grade if r else "",
        "parts": {k: (r.score.parts.get(k) if r else None) for k in SCORE_PARTS},
        "vs_par": (score - expert) if (score is not None and expert is not None) else None,
        "coach": coached(r),
        "verified": checked.ok,
        "problems": "; ".join(f"{f}: {t}" for f, t in checked.problems),
        "checked": checked,
    }


def _support(debriefs, names: Names, text: dict) -> list[dict]:
    counts: dict[str, Counter] = {}
    order: list[str] = []
    for d in debriefs:
        for member, side in d.support:
            if member not in counts:
                counts[member] = Counter()
                order.append(member)
            kind = "you" if side == "player" else "quo" if side == "status_quo" else "rival"
            counts[member][kind] += 1
    return [{"member": names.member(m), "title": names.titles.get(m, ""), "you": counts[m]["you"],
             "rival": counts[m]["rival"], "quo": counts[m]["quo"]} for m in order]


def _matrix(debriefs):
    """(members, benefits, mattered, summed pitches) over debriefs sharing the first one's axes."""
    if not debriefs:
        return [], [], [], []
    first = debriefs[0]
    pitched = [list(row) for row in first.pitched]
    for d in debriefs[1:]:
        if d.members == first.members and d.benefits == first.benefits:
            for i, row in enumerate(d.pitched):
                for j, n in enumerate(row):
                    pitched[i][j] += n
    return list(first.members), list(first.benefits), [list(r) for r in first.mattered], pitched


def _advice(debriefs, catalog: Catalog, names: Names) -> list[dict]:
    games: Counter = Counter()
    examples: dict[str, Counter] = {}
    for d in debriefs:
        for key in {m.key for m in d.advice}:
            games[key] += 1
        for m in d.advice:
            examples.setdefault(m.key, Counter())[m] += 1
    out = []
    for key, n in games.most_common(ADVICE_SHOWN):
        example = examples[key].most_common(1)[0][0]
        out.append({"text": catalog.message(example, names), "games": n})
    return out


def _turning_points(row: dict, scenario, catalog: Catalog, names: Names) -> list[dict]:
    d = row["checked"].debrief
    if d is None:
        return []
    stages = {i: s.name for i, s in enumerate(scenario.stages)}
    return [{"round": tp.round + 1, "stage": stages.get(tp.round, ""), "text": catalog.message(tp.message, names)}
            for tp in d.turning_points]


def class_report(checked: list[Checked], session: Session | None, lang: str) -> dict:
    """Everything the page and the CSV files show, as plain data."""
    readable = [c for c in checked if c.result is not None]
    block = session.scenario if session is not None else (readable[0].result.scenario if readable else None)
    if block is None:
        raise SessionFileError("none of the result files could be read, so there is nothing to report")
    scenario = scenario_of(block, "the session" if session is not None else checked[0].path)
    seed = session.seed if session is not None else readable[0].result.seed
    if session is not None and session.par:
        par = {k: v.model_dump() for k, v in session.par.items()}
    else:
        par = par_for(scenario, seed)
    catalog, names, text = Catalog(lang), Names(scenario), report_text(lang)
    rows = [_row(c, par, catalog) for c in checked]
    ranked = sorted((r for r in rows if r["verified"]), key=lambda r: (-r["score"], r["player"].casefold()))
    for n, r in enumerate(ranked, 1):
        r["rank"] = n
        r["turning_points"] = _turning_points(r, scenario, catalog, names)
    debriefs = [r["checked"].debrief for r in ranked]
    members, benefits, mattered, pitched = _matrix(debriefs)
    support = _support(debriefs, names, text)
    return {
        "lang": lang, "t": text, "version": __version__,
        "title": session.title if session is not None else scenario.title,
        "scenario": scenario.title, "scenario_id": scenario.id, "seed": seed,
        "session_id": session.session_id if session is not None else "",
        "created": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "par": par, "parts": [(k, catalog.t(f"part.{k}")) for k in SCORE_PARTS],
        "rows": rows, "ranked": ranked, "unverified": [r for r in rows if not r["verified"]],
        "any_coach": any(r["coach"] for r in rows),
        "support": support,
        "matrix": {"members": [names.member(m) for m in members], "benefits": [names.benefit(b) for b in benefits],
                   "mattered": mattered, "pitched": pitched},
        "advice": _advice(debriefs, catalog, names),
        "scenario_obj": scenario, "names": names,
    }


def render_html(report: dict) -> str:
    """``index.html``: one self-contained page (inline CSS and SVG, no scripts, no fonts fetched)."""
    t = report["t"]
    charts = {
        "scores": scores_chart([(r["player"], r["score"]) for r in report["ranked"]], report["par"], t),
        "support": support_chart(report["support"], t) if report["support"] else "",
        "matrix": matrix_chart(report["matrix"], t) if report["matrix"]["members"] else "",
    }
    report = {**report, "font_css": ""}
    page = _environment().get_template("report.html").render(r=report, t=t, charts=charts)
    report["font_css"] = font_css(page)      # the page's own characters, in the bundled fonts
    return _environment().get_template("report.html").render(r=report, t=t, charts=charts)


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(files("game") / "templates")),
                              autoescape=jinja2.select_autoescape(["html"]), undefined=jinja2.StrictUndefined)


def _cell(value):
    """A player-typed text that a spreadsheet would run as a formula is kept as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv(rows: list[list]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([[_cell(v) for v in row] for row in rows])
    return out.getvalue()


def results_csv(report: dict) -> str:
    """One row per game (result file): player, team, outcome, score, each part, par, coach, verified."""
    head = ["player", "team", "outcome", "score", "grade", *(f"part_{k}" for k in SCORE_PARTS), "par_expert", "par_oracle",
            "coach", "verified", "problems", "file"]
    par = report["par"]
    body = [[r["player"], r["team"], r["outcome"], r["score"], r["grade"],
             *[("" if r["parts"][k] is None else r["parts"][k]) for k in SCORE_PARTS],
             par.get("expert", {}).get("score", ""), par.get("oracle", {}).get("score", ""),
             "yes" if r["coach"] else "no", "yes" if r["verified"] else "no", r["problems"], r["file"]] for r in report["rows"]]
    return _csv([head, *body])


def actions_csv(report: dict) -> str:
    """One row per action of every game: the class's decision history."""
    stages = [s.id for s in report["scenario_obj"].stages]
    body = [["player", "team", "round", "stage", "order", "kind", "member", "benefit", "verified", "file"]]
    for r in report["rows"]:
        result = r["checked"].result
        if result is None:
            continue
        for n, acts in enumerate(result.rounds):
            stage = stages[n] if n < len(stages) else ""
            for i, a in enumerate(acts, 1):
                body.append([r["player"], r["team"], n + 1, stage, i, a.kind, a.member or "", a.benefit or "",
                             "yes" if r["verified"] else "no", r["file"]])
    return _csv(body)


def write_report(report: dict, folder: str | Path) -> list[Path]:
    """Write index.html, results.csv and actions.csv into ``folder`` (atomically, each)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in (("index.html", render_html(report)), ("results.csv", results_csv(report)),
                       ("actions.csv", actions_csv(report))):
        write_atomic(folder / name, text)
        written.append(folder / name)
    return written

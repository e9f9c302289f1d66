"""The report's charts, drawn by matplotlib and returned as inline SVG text.

Text is stored as outlines (``svg.fonttype = path``) in the game's bundled
fonts, so the page shows Korean, Japanese or Latin names the same on any
machine without fetching a font.
"""
from __future__ import annotations

import io
import re
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")   # no window, no display needed

from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from game import FONT_DIR  # noqa: E402

__all__ = ["matrix_chart", "scores_chart", "support_chart"]

INK, MUTED, ACCENT, EXPERT, ORACLE = "#1d2733", "#6b7785", "#2f6fb5", "#d9822b", "#7a4fb0"
YOU, RIVAL, QUO = "#2f9e62", "#c8473c", "#a3acb6"


@lru_cache(maxsize=1)
def font_families() -> tuple[str, ...]:
    """The bundled fonts' family names (Latin first, then the others as fallbacks)."""
    names: list[str] = []
    for path in sorted(FONT_DIR.glob("*.[ot]tf"), key=lambda p: ("CJK" in p.name, "Thai" in p.name, p.name)):
        try:
            font_manager.fontManager.addfont(str(path))
            name = font_manager.FontProperties(fname=str(path)).get_name()
        except Exception:      # a damaged font file: fall back to matplotlib's own
            continue
        if name not in names:
            names.append(name)
    return tuple(names) + ("DejaVu Sans",)


def _figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    return fig


def _svg(fig: Figure) -> str:
    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "path", "font.family": list(font_families()),
                                "svg.hashsalt": "b2bsim"}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    text = buf.getvalue()
    text = text[text.index("<svg"):]                        # drop the XML prolog and DOCTYPE
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.S)
    return text


def _style(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(colors=INK, labelsize=11)


def scores_chart(scores: list[tuple[str, int]], par: dict, t: dict) -> str:
    """Each verified player's score as a bar, with the expert and oracle par as lines."""
    with matplotlib.rc_context({"font.family": list(font_families())}):
        n = max(1, len(scores))
        fig = _figure(10, min(14, 1.2 + 0.38 * n))
        ax = fig.add_subplot()
        names = [name for name, _ in scores][::-1]
        values = [score for _, score in scores][::-1]
        ax.barh(range(len(values)), values, color=ACCENT, height=0.65)
        ax.set_yticks(range(len(values)), names)
        for y, v in enumerate(values):
            ax.text(v + 8, y, str(v), va="center", fontsize=10, color=INK)
        for key, color, label in (("expert", EXPERT, t["par_expert"]), ("oracle", ORACLE, t["par_oracle"])):
            if key in par:
                ax.axvline(par[key]["score"], color=color, linestyle="--", linewidth=2,
                           label=f"{label}: {par[key]['score']}")
        ax.set_xlim(0, 1000)
        ax.set_xlabel(t["score_axis"], color=INK)
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, fontsize=11, frameon=False)
        _style(ax)
        return _svg(fig)


def support_chart(support: list[dict], t: dict) -> str:
    """Per member: how many games ended with them backing the player, a rival, or the status quo."""
    with matplotlib.rc_context({"font.family": list(font_families())}):
        fig = _figure(10, 1.2 + 0.42 * len(support))
        ax = fig.add_subplot()
        labels = [f"{s['member']} ({s['title']})" if s["title"] else s["member"] for s in support][::-1]
        left = [0] * len(support)
        for key, color, label in (("you", YOU, t["backed_you"]), ("rival", RIVAL, t["backed_rival"]),
                                  ("quo", QUO, t["status_quo"])):
            values = [s[key] for s in support][::-1]
            ax.barh(range(len(values)), values, left=left, color=color, label=label, height=0.65)
            left = [a + b for a, b in zip(left, values)]
        ax.set_yticks(range(len(labels)), labels)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel(t["count_axis"], color=INK)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 if len(support) > 3 else -0.3),
                  ncols=3, frameon=False, fontsize=10)
        _style(ax)
        return _svg(fig)


def matrix_chart(matrix: dict, t: dict) -> str:
    """Two heat maps side by side: what mattered to each member, and what the class pitched to them."""
    members, benefits = matrix["members"], matrix["benefits"]
    with matplotlib.rc_context({"font.family": list(font_families())}):
        fig = _figure(12, 2.6 + 0.42 * len(members))
        axes = fig.subplots(1, 2, sharey=True)
        for ax, values, title, cmap in ((axes[0], matrix["mattered"], t["mattered"], "Greens"),
                                        (axes[1], matrix["pitched"], t["pitched"], "Blues")):
            top = max((v for row in values for v in row), default=0) or 1
            ax.imshow(values, cmap=cmap, vmin=0, vmax=top, aspect="auto")
            ax.set_title(title, color=INK, fontsize=13)
            ax.set_xticks(range(len(benefits)), benefits, rotation=40, ha="right", fontsize=9)
            ax.set_yticks(range(len(members)), members, fontsize=10)
            for i, row in enumerate(values):
                for j, v in enumerate(row):
                    if v:
                        shown = f"{v:.1f}" if isinstance(v, float) else str(v)
                        ax.text(j, i, shown, ha="center", va="center", fontsize=8,
                                color="white" if v > top * 0.6 else INK)
        return _svg(fig)

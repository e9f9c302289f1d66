"""The commented starter scenario that ``b2bsim new`` writes."""
from __future__ import annotations

import re
from pathlib import Path

from game import TEMPLATE_DIR
LANGUAGES = ("en", "ko")
DEFAULT_ID = "my-first-scenario"


def starter_text(lang: str = "en", scenario_id: str | None = None) -> str:
    """The starter scenario in ``lang``; ``scenario_id`` replaces its id."""
    if lang not in LANGUAGES:
        raise ValueError(f"no starter in language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    text = (TEMPLATE_DIR / f"starter_{lang}.yaml").read_text(encoding="utf-8")
    if scenario_id and scenario_id != DEFAULT_ID:
        text = text.replace(f"id: {DEFAULT_ID}", f"id: {scenario_id}", 1)
    return text


def id_from_filename(path: str | Path) -> str | None:
    """A scenario id from a file name (``Hanbit Deal.yaml`` → ``hanbit-deal``),
    or None when the name has no usable letters."""
    slug = re.sub(r"[^a-z0-9_-]+", "-", Path(path).stem.lower()).strip("-_")
    return slug[:80] if slug and slug[0].isalnum() else None



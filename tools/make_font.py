#!/usr/bin/env python3
"""Build the bundled CJK font subset in ``game/content/fonts/``.

    .venv/bin/python tools/make_font.py [--source-dir DIR] [--out DIR] [--no-check]

Reads Noto Sans CJK (Regular and Bold collections, Korean face) from Debian's
``fonts-noto-cjk`` package (``apt-get install fonts-noto-cjk``) and writes
``NotoSansCJK-Subset-Regular.otf`` and ``NotoSansCJK-Subset-Bold.otf``.

The subset holds Latin, punctuation and UI symbols, the 2,350 KS X 1001
Hangul syllables, kana, JIS X 0208 level-1 kanji, and every character found
in ``game/content/scenarios/*.yaml``, ``game/i18n/*.json`` and ``game/templates/*`` at the
time the script runs: re-run it after adding text in new characters.

The subset is renamed (family "B2bsim CJK Sans"): see game/content/fonts/README.md.
Output is byte-for-byte reproducible for the same inputs.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "game" / "content" / "fonts"
SOURCE_DIRS = (
    Path("/usr/share/fonts/opentype/noto"),
    Path("/usr/share/fonts/noto-cjk"),
    Path("/usr/share/fonts/google-noto-cjk"),
    Path("/usr/share/fonts/truetype/noto"),
)
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
WEIGHTS = ("Regular", "Bold")
FACE_PREFIX = "Noto Sans CJK KR"  # the Korean face of the collection
FAMILY = "B2bsim CJK Sans"
PS_FAMILY = "B2bsimCJKSans"

# Where run-time text lives: every character in these files is kept.
TEXT_GLOBS = ("game/content/scenarios/*.yaml", "game/i18n/*.json", "game/templates/*")

RANGES = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x0100, 0x017F),  # Latin Extended-A
    (0x2000, 0x206F),  # General Punctuation
    (0x20A0, 0x20CF),  # Currency Symbols (won, euro, yen ...)
    (0x2190, 0x21FF),  # Arrows
    (0x2460, 0x2473),  # circled numbers 1-20
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3040, 0x309F),  # Hiragana
    (0x30A0, 0x30FF),  # Katakana
    (0x3130, 0x318F),  # Hangul Compatibility Jamo
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
)
# Shapes and signs a game UI draws; any the font lacks are skipped and listed
# (Noto Sans CJK has ✓ but no ✗ or ✔: use × or ╳ for a cross, ✓ for a tick).
SYMBOLS = "▲▼◀▶△▽◁▷►◄●○◎◉◯◆◇■□★☆✓✔✗✘×╳⚠…—–·•※÷±−≤≥≈≠∞%‰№™℃°⏱⌛♥♦♣♠♪"


def ks_x_1001_hangul() -> set[str]:
    """The 2,350 precomposed syllables of KS X 1001 (EUC-KR rows 0xB0-0xC8)."""
    chars = set()
    for lead in range(0xB0, 0xC9):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("euc_kr"))
            except UnicodeDecodeError:
                pass
    return chars


def jis_level1_kanji() -> set[str]:
    """JIS X 0208 level-1 kanji (EUC-JP rows 0xB0-0xCF)."""
    chars = set()
    for lead in range(0xB0, 0xD0):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("euc_jp"))
            except UnicodeDecodeError:
                pass
    return chars


def project_text_chars(root: Path = ROOT) -> set[str]:
    """Every printable character in the project's run-time text files."""
    chars: set[str] = set()
    for pattern in TEXT_GLOBS:
        for path in sorted(root.glob(pattern)):
            if path.is_file():
                chars.update(path.read_text(encoding="utf-8"))
    return {c for c in chars if c.isprintable() and c != "\ufeff"}


def wanted_codepoints(root: Path = ROOT) -> set[int]:
    points = {cp for lo, hi in RANGES for cp in range(lo, hi + 1)}
    for chars in (set(SYMBOLS), ks_x_1001_hangul(), jis_level1_kanji(), project_text_chars(root)):
        points.update(ord(c) for c in chars)
    return points


def find_source(weight: str, source_dir: Path | None) -> Path:
    name = f"NotoSansCJK-{weight}.ttc"
    dirs = (source_dir,) if source_dir else SOURCE_DIRS
    for d in dirs:
        if (d / name).is_file():
            return d / name
        hits = sorted(d.rglob(name)) if d.is_dir() else []
        if hits:
            return hits[0]
    raise FileNotFoundError(
        f"{name} not found in {', '.join(str(d) for d in dirs)} — install it with "
        "'apt-get install fonts-noto-cjk' or pass --source-dir DIR")


def korean_face_index(path: Path) -> int:
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(path), lazy=True)
    for i, font in enumerate(collection.fonts):
        if font["name"].getDebugName(1) == FACE_PREFIX:
            return i
    raise ValueError(f"{path}: no face named '{FACE_PREFIX}' in the collection")


def rename(font, weight: str) -> None:
    """Give the subset its own names (OFL: a modified font is renamed)."""
    name = font["name"]
    version = name.getDebugName(5) or ""
    ps_name = f"{PS_FAMILY}-{weight}"
    keep = {0, 5, 7, 8, 9, 10, 11, 12, 13, 14}
    name.names = [r for r in name.names if r.nameID in keep]
    for name_id, text in (
        (1, FAMILY), (2, weight), (3, f"{ps_name};{version}"),
        (4, f"{FAMILY} {weight}" if weight != "Regular" else FAMILY),
        (6, ps_name),
    ):
        name.setName(text, name_id, 3, 1, 0x409)
        name.setName(text, name_id, 1, 0, 0)
    for rec in name.names:  # say what this file is, next to the original credits
        if rec.nameID == 5:
            rec.string = f"{rec.toUnicode()}; subset for b2bsim"
    cff = font["CFF "].cff
    old = cff.fontNames[0]
    cff.fontNames = [ps_name]
    top = cff.topDictIndex[0]
    top.FamilyName = FAMILY
    top.FullName = f"{FAMILY} {weight}"
    for fd in getattr(top, "FDArray", None) or ():
        if getattr(fd, "FontName", "").startswith(old):
            fd.FontName = ps_name + fd.FontName[len(old):]


def subset_one(source: Path, weight: str, codepoints: set[int], out: Path) -> tuple[int, str]:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(source), fontNumber=korean_face_index(source), recalcTimestamp=False)
    have = set(font.getBestCmap())
    keep = sorted(codepoints & have)
    options = subset.Options()
    # Horizontal text only, no language-specific alternates: fewer glyphs.
    options.layout_features = ["ccmp", "calt", "liga", "kern", "mark", "mkmk", "palt"]
    options.name_IDs = ["*"]
    options.name_languages = [0x409, 0]
    options.notdef_outline = True
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=keep)
    subsetter.subset(font)
    rename(font, weight)
    atomic_save(font, out)
    lacking = "".join(c for c in SYMBOLS if ord(c) not in have)
    lacking += "".join(sorted(c for c in project_text_chars() if ord(c) not in have and not c.isspace()))
    return len(keep), lacking


def atomic_save(font, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=out.name, suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            font.save(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def licence_text(copyright_file: Path, notices: list[str]) -> str:
    """The SIL OFL 1.1 text from a Debian copyright file, with the notices on top."""
    lines = copyright_file.read_text(encoding="utf-8").splitlines()
    starts = [i + 1 for i, line in enumerate(lines[:-1])
              if line.strip() == "License: SIL-1.1" and lines[i + 1].startswith(" ")]
    if not starts:
        raise ValueError(f"{copyright_file}: no 'License: SIL-1.1' paragraph with the licence text")
    start = starts[0]
    body = []
    for line in lines[start:]:
        if not line.startswith(" "):
            break
        body.append("" if line.strip() == "." else line[1:])
    return "\n".join(notices) + "\n\n" + "\n".join(body).strip("\n") + "\n"


def write_licence(source: Path, out_dir: Path, copyright_file: Path) -> Path:
    from fontTools.ttLib import TTFont

    font = TTFont(str(source), fontNumber=korean_face_index(source), lazy=True)
    notices = [
        f"Noto Sans CJK: {font['name'].getDebugName(0)}",
        "Debian fonts-noto-cjk copyright file: Copyright 2010-2012, Google Corporation.",
        "Subset and renamed to \"B2bsim CJK Sans\" for b2bsim (see README.md).",
    ]
    out = out_dir / "OFL.txt"
    data = licence_text(copyright_file, notices).encode("utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=out.name, suffix=".tmp", dir=out.parent)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(tmp, 0o644)
    os.replace(tmp, out)
    return out


def check_with_pygame(path: Path) -> str:
    """Load and render mixed text the way the UI does; returns a summary."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame.font

    pygame.font.init()
    font = pygame.font.Font(str(path), 20)
    sample = "Deal 구매팀장 납기 ★ 工場長 みなと ▲ 24/7"
    surface = font.render(sample, True, (0, 0, 0))
    missing = [c for c, m in zip(sample, font.metrics(sample)) if m is None]
    if missing:
        raise RuntimeError(f"{path}: pygame finds no glyph for {''.join(missing)!r}")
    return f"{surface.get_width()}x{surface.get_height()} px"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1].strip() or None)
    parser.add_argument("--source-dir", type=Path, help="folder holding NotoSansCJK-*.ttc")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help=f"output folder (default {OUT_DIR})")
    parser.add_argument("--copyright", type=Path, default=DEBIAN_COPYRIGHT,
                        help=f"Debian copyright file holding the OFL text (default {DEBIAN_COPYRIGHT})")
    parser.add_argument("--no-check", action="store_true", help="skip the pygame render check")
    args = parser.parse_args(argv)
    try:
        import fontTools  # noqa: F401
    except ImportError:
        print("make_font: fontTools is missing — run 'pip install fonttools'", file=sys.stderr)
        return 1
    codepoints = wanted_codepoints()
    for weight in WEIGHTS:
        try:
            source = find_source(weight, args.source_dir)
            out = args.out / f"NotoSansCJK-Subset-{weight}.otf"
            kept, absent = subset_one(source, weight, codepoints, out)
        except (OSError, ValueError) as exc:
            print(f"make_font: {exc}", file=sys.stderr)
            return 1
        line = f"{out}: {kept} characters, {out.stat().st_size / 1e6:.2f} MB"
        if absent:
            line += f" (not in the source font, skipped: {absent})"
        if not args.no_check:
            line += f", pygame render {check_with_pygame(out)}"
        print(line)
    try:
        print(write_licence(source, args.out, args.copyright))
    except (OSError, ValueError) as exc:
        print(f"make_font: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""Build the bundled font subsets and their coverage table in ``game/content/fonts/``.

    .venv/bin/python tools/make_font.py [--source-dir DIR] [--out DIR] [--no-check]

Three families, Regular and Bold each, tried in this order for every character
(the game falls back from one to the next):

1. ``NotoSansCJK-Subset-*.otf`` from Noto Sans CJK (Korean face), Debian
   ``fonts-noto-cjk``: Latin, punctuation, UI symbols, all 11,172 Hangul
   syllables and the jamo, kana, and the kanji/hanja of JIS X 0208, JIS X 0213
   plane 1, the Windows-932 extensions and KS X 1001.
2. ``NotoSans-Subset-*.ttf`` from Noto Sans, Debian ``fonts-noto-core``:
   Latin Extended (-A, -B, Additional with Vietnamese), IPA, combining marks,
   Greek and Cyrillic.
3. ``NotoSansThai-Subset-*.ttf`` from Noto Sans Thai (``fonts-noto-core``).

Also written: ``coverage.txt`` (which code points each file maps; read by
``game/scenario/glyphs.py`` so ``validate`` can warn without pygame) and
``OFL.txt``.  Right-to-left scripts (Arabic, Hebrew) and scripts that need
shaping pygame does not do reliably (Devanagari and other Indic scripts) are
left out on purpose: ``validate`` warns about them.

Every character found in ``game/content/scenarios/*.yaml``, ``game/i18n/*.json``
and ``game/templates/*`` is kept too: re-run after adding text in new characters.
The subsets are renamed (see game/content/fonts/README.md).  Output is
byte-for-byte reproducible for the same inputs.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "game" / "content" / "fonts"
SOURCE_DIRS = (
    Path("/usr/share/fonts/opentype/noto"),
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/noto-cjk"),
    Path("/usr/share/fonts/google-noto-cjk"),
    Path("/usr/share/fonts/noto"),
)
COPYRIGHT_FILES = (Path("/usr/share/doc/fonts-noto-cjk/copyright"),
                   Path("/usr/share/doc/fonts-noto-core/copyright"))
WEIGHTS = ("Regular", "Bold")
COVERAGE = "coverage.txt"

# Where run-time text lives: every character in these files is kept.
TEXT_GLOBS = ("game/content/scenarios/*.yaml", "game/i18n/*.json", "game/templates/*")

CJK_RANGES = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x0100, 0x017F),  # Latin Extended-A (what the CJK face has; the rest comes from Noto Sans)
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2000, 0x206F),  # General Punctuation
    (0x20A0, 0x20CF),  # Currency Symbols (won, euro, yen ...)
    (0x2190, 0x21FF),  # Arrows
    (0x2460, 0x2473),  # circled numbers 1-20
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3040, 0x309F),  # Hiragana
    (0x30A0, 0x30FF),  # Katakana
    (0x3130, 0x318F),  # Hangul Compatibility Jamo
    (0x31F0, 0x31FF),  # Katakana Phonetic Extensions
    (0xAC00, 0xD7A3),  # all 11,172 Hangul syllables
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
)
LATIN_GREEK_CYRILLIC = (
    (0x0020, 0x007E), (0x00A0, 0x00FF),  # so whole words can come from one face
    (0x0100, 0x024F),  # Latin Extended-A and -B
    (0x0250, 0x02FF),  # IPA Extensions, Spacing Modifier Letters
    (0x0300, 0x036F),  # Combining Diacritical Marks
    (0x0370, 0x03FF),  # Greek and Coptic
    (0x0400, 0x052F),  # Cyrillic, Cyrillic Supplement
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese)
    (0x1F00, 0x1FFF),  # Greek Extended
    (0x2000, 0x206F), (0x20A0, 0x20CF),
    (0x2070, 0x209F),  # superscripts and subscripts (KS X 1001 has ⁿ ₁ ₂ …)
    (0x2150, 0x218F),  # Number Forms (⅓ ⅛ …)
)
THAI = ((0x0020, 0x0020), (0x0E00, 0x0E7F))
# Shapes and signs a game UI draws; any the font lacks are skipped and listed
# (Noto Sans CJK has ✓ but no ✗ or ✔: use × or ╳ for a cross, ✓ for a tick).
SYMBOLS = "▲▼◀▶△▽◁▷►◄●○◎◉◯◆◇■□★☆✓✔✗✘×╳⚠…—–·•※÷±−≤≥≈≠∞%‰№™℃°⏱⌛♥♦♣♠♪"


@dataclass(frozen=True)
class Family:
    out: str          # output file name with {weight}
    source: str       # source file name with {weight}
    family: str       # new family name
    ps_family: str    # new PostScript family name
    ranges: tuple
    face: str = ""    # face name inside a .ttc collection
    with_cjk_sets: bool = False
    ascent: int = 0   # raise the line's ascent to this (font units) so stacked marks are not clipped


FAMILIES = (
    Family("NotoSansCJK-Subset-{weight}.otf", "NotoSansCJK-{weight}.ttc", "B2bsim CJK Sans",
           "B2bsimCJKSans", CJK_RANGES, face="Noto Sans CJK KR", with_cjk_sets=True),
    # SDL_ttf clips ink above the font's ascent: Vietnamese capitals with two
    # accents (Ẫ) and Thai tone marks over an upper vowel (กี่) reach higher.
    Family("NotoSans-Subset-{weight}.ttf", "NotoSans-{weight}.ttf", "B2bsim Sans", "B2bsimSans",
           LATIN_GREEK_CYRILLIC, ascent=1250),
    Family("NotoSansThai-Subset-{weight}.ttf", "NotoSansThai-{weight}.ttf", "B2bsim Thai Sans",
           "B2bsimThaiSans", THAI, ascent=1200),
)


def decode_all(codec: str, leads, trails=range(0xA1, 0xFF), prefix: bytes = b"") -> set[str]:
    """Every single character ``codec`` decodes from ``prefix + lead + trail``."""
    chars = set()
    for lead in leads:
        for trail in trails:
            try:
                text = (prefix + bytes((lead, trail))).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(text) == 1:
                chars.add(text)
    return chars


def jis_x_0208() -> set[str]:
    """All of JIS X 0208 (EUC-JP two-byte codes): kana, symbols, 6,355 kanji."""
    return decode_all("euc_jp", range(0xA1, 0xFF))


def jis_extras() -> set[str]:
    """Kanji common in Japanese names beyond JIS X 0208: JIS X 0213 plane 1
    and the Windows-932 (NEC/IBM) extensions, e.g. 髙 and 﨑."""
    extra = decode_all("euc_jis_2004", range(0xA1, 0xFF))
    extra |= decode_all("cp932", list(range(0x81, 0xA0)) + list(range(0xE0, 0xFD)), range(0x40, 0xFD))
    return {c for c in extra if 0x3400 <= ord(c) <= 0x9FFF or 0xF900 <= ord(c) <= 0xFAFF}


def ks_x_1001() -> set[str]:
    """All of KS X 1001 (EUC-KR two-byte codes): 2,350 syllables, 4,888 hanja, symbols."""
    return decode_all("euc_kr", range(0xA1, 0xFF))


def project_text_chars(root: Path = ROOT) -> set[str]:
    """Every printable character in the project's run-time text files."""
    chars: set[str] = set()
    for pattern in TEXT_GLOBS:
        for path in sorted(root.glob(pattern)):
            if path.is_file():
                chars.update(path.read_text(encoding="utf-8"))
    return {c for c in chars if c.isprintable() and c != "\ufeff"}


def wanted_codepoints(family: Family, root: Path = ROOT) -> set[int]:
    points = {cp for lo, hi in family.ranges for cp in range(lo, hi + 1)}
    if family.with_cjk_sets:
        for chars in (set(SYMBOLS), jis_x_0208(), jis_extras(), ks_x_1001(), project_text_chars(root)):
            points.update(ord(c) for c in chars)
    return points


def find_source(name: str, source_dir: Path | None) -> Path:
    dirs = (source_dir,) if source_dir else SOURCE_DIRS
    for d in dirs:
        if (d / name).is_file():
            return d / name
        hits = sorted(d.rglob(name)) if d.is_dir() else []
        if hits:
            return hits[0]
    raise FileNotFoundError(
        f"{name} not found in {', '.join(str(d) for d in dirs)} — install it with "
        "'apt-get install fonts-noto-cjk fonts-noto-core' or pass --source-dir DIR")


def open_font(path: Path, face: str, lazy: bool = False):
    from fontTools.ttLib import TTCollection, TTFont

    if not face:
        return TTFont(str(path), recalcTimestamp=False, lazy=lazy)
    collection = TTCollection(str(path), lazy=True)
    for i, font in enumerate(collection.fonts):
        if font["name"].getDebugName(1) == face:
            return TTFont(str(path), fontNumber=i, recalcTimestamp=False, lazy=lazy)
    raise ValueError(f"{path}: no face named '{face}' in the collection")


def rename(font, family: Family, weight: str) -> None:
    """Give the subset its own names (OFL: a modified font is renamed)."""
    name = font["name"]
    version = name.getDebugName(5) or ""
    ps_name = f"{family.ps_family}-{weight}"
    keep = {0, 5, 7, 8, 9, 10, 11, 12, 13, 14}
    name.names = [r for r in name.names if r.nameID in keep]
    for name_id, text in (
        (1, family.family), (2, weight), (3, f"{ps_name};{version}"),
        (4, f"{family.family} {weight}" if weight != "Regular" else family.family),
        (6, ps_name),
    ):
        name.setName(text, name_id, 3, 1, 0x409)
        name.setName(text, name_id, 1, 0, 0)
    for rec in name.names:  # say what this file is, next to the original credits
        if rec.nameID == 5:
            rec.string = f"{rec.toUnicode()}; subset for b2bsim"
    if "CFF " not in font:
        return
    cff = font["CFF "].cff
    old = cff.fontNames[0]
    cff.fontNames = [ps_name]
    top = cff.topDictIndex[0]
    top.FamilyName = family.family
    top.FullName = f"{family.family} {weight}"
    for fd in getattr(top, "FDArray", None) or ():
        if getattr(fd, "FontName", "").startswith(old):
            fd.FontName = ps_name + fd.FontName[len(old):]


def subset_one(source: Path, family: Family, weight: str, out: Path) -> tuple[list[int], str]:
    """Write one subset; returns its code points and the wanted symbols it lacks."""
    from fontTools import subset

    font = open_font(source, family.face)
    have = set(font.getBestCmap())
    keep = sorted(wanted_codepoints(family) & have)
    options = subset.Options()
    if family.with_cjk_sets:
        # Horizontal text only, no language-specific alternates: fewer glyphs.
        options.layout_features = ["ccmp", "calt", "liga", "kern", "mark", "mkmk", "palt"]
    else:
        options.layout_features = ["*"]
        options.hinting = False  # FreeType's own hinting does well; halves the file
    options.name_IDs = ["*"]
    options.name_languages = [0x409, 0]
    options.notdef_outline = True
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=keep)
    subsetter.subset(font)
    rename(font, family, weight)
    if family.ascent:
        font["hhea"].ascent = max(font["hhea"].ascent, family.ascent)
        font["OS/2"].sTypoAscender = max(font["OS/2"].sTypoAscender, family.ascent)
        font["OS/2"].usWinAscent = max(font["OS/2"].usWinAscent, family.ascent)
    atomic_write(out, font.save)
    lacking = ""
    if family.with_cjk_sets:
        lacking = "".join(c for c in SYMBOLS if ord(c) not in have)
    return sorted(font.getBestCmap()), lacking


def atomic_write(out: Path, write) -> None:
    """``write(fh)`` into a temporary file, then move it over ``out``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=out.name, suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def ranges_of(points: list[int]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for cp in sorted(points):
        if out and cp == out[-1][1] + 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return [(lo, hi) for lo, hi in out]


def coverage_text(entries: list[tuple[str, str, list[int]]]) -> str:
    """``WEIGHT FILE RANGES`` lines, in fallback order (see game/scenario/glyphs.py)."""
    lines = ["# Code points each bundled font file maps, in the order the game tries them.",
             "# Written by tools/make_font.py; do not edit. WEIGHT FILE FIRST[-LAST] (hex) ..."]
    for weight, name, points in entries:
        spans = " ".join(f"{lo:04X}" if lo == hi else f"{lo:04X}-{hi:04X}" for lo, hi in ranges_of(points))
        lines.append(f"{weight} {name} {spans}")
    return "\n".join(lines) + "\n"


def licence_text(copyright_file: Path) -> str:
    """The SIL OFL 1.1 text from a Debian copyright file."""
    lines = copyright_file.read_text(encoding="utf-8").splitlines()
    starts = [i + 1 for i, line in enumerate(lines[:-1])
              if line.strip() in ("License: SIL-1.1", "License: OFL-1.1") and lines[i + 1].startswith(" ")]
    if not starts:
        raise ValueError(f"{copyright_file}: no 'License: SIL-1.1' paragraph with the licence text")
    body = []
    for line in lines[starts[0]:]:
        if not line.startswith(" "):
            break
        body.append("" if line.strip() == "." else line[1:])
    return "\n".join(body).strip("\n") + "\n"


def write_licence(sources: list[tuple[Family, Path]], out_dir: Path, copyright_files) -> Path:
    notices = []
    for family, source in sources:
        font = open_font(source, family.face, lazy=True)
        origin = family.face or font["name"].getDebugName(1)
        notices.append(f"{origin}: {font['name'].getDebugName(0)}")
        notices.append(f"  subset and renamed to \"{family.family}\" for b2bsim (see README.md).")
    notices.append("Debian fonts-noto-cjk copyright file: Copyright 2010-2012, Google Corporation.")
    notices.append("Debian fonts-noto-core copyright file: Copyright 2010,2012-2020, Google Inc.; "
                   "2015-2020, Google LLC.")
    notices.append("All of these fonts are licensed under the SIL Open Font License, Version 1.1:")
    text = "\n".join(notices) + "\n\n" + licence_text(copyright_files[0])
    out = out_dir / "OFL.txt"
    atomic_write(out, lambda fh: fh.write(text.encode("utf-8")))
    return out


def check_with_pygame(path: Path, family: Family) -> str:
    """Load and render a sample the way the UI does; returns a summary."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame.font

    pygame.font.init()
    font = pygame.font.Font(str(path), 20)
    sample = {"B2bsim CJK Sans": "Deal 구매팀장 똠 납기 ★ 工場長 髙﨑 みなと ▲ 24/7",
              "B2bsim Sans": "Łódź Čapek Şahin Nguyễn Ελληνικά Русский",
              "B2bsim Thai Sans": "ผู้จัดการฝ่ายจัดซื้อ"}[family.family]
    box = font.render("\U0010FFFD", True, (0, 0, 0), (255, 255, 255))
    for ch in sample.replace(" ", ""):
        surf = font.render(ch, True, (0, 0, 0), (255, 255, 255))
        if pygame.image.tobytes(surf, "RGB") == pygame.image.tobytes(box, "RGB"):
            raise RuntimeError(f"{path}: pygame draws a missing-glyph box for {ch!r}")
    surface = font.render(sample, True, (0, 0, 0))
    return f"{surface.get_width()}x{surface.get_height()} px"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1].strip() or None)
    parser.add_argument("--source-dir", type=Path, help="folder holding the Noto source fonts")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help=f"output folder (default {OUT_DIR})")
    parser.add_argument("--copyright", type=Path, default=COPYRIGHT_FILES[0],
                        help=f"Debian copyright file holding the OFL text (default {COPYRIGHT_FILES[0]})")
    parser.add_argument("--no-check", action="store_true", help="skip the pygame render check")
    args = parser.parse_args(argv)
    try:
        import fontTools  # noqa: F401
    except ImportError:
        print("make_font: fontTools is missing — run 'pip install fonttools'", file=sys.stderr)
        return 1
    entries, sources, total = [], [], 0
    try:
        for family in FAMILIES:
            for weight in WEIGHTS:
                source = find_source(family.source.format(weight=weight), args.source_dir)
                out = args.out / family.out.format(weight=weight)
                points, absent = subset_one(source, family, weight, out)
                entries.append((weight, out.name, points))
                total += out.stat().st_size
                line = f"{out.name}: {len(points)} characters, {out.stat().st_size / 1e6:.2f} MB"
                if absent:
                    line += f" (not in the source font, skipped: {absent})"
                if not args.no_check:
                    line += f", pygame render {check_with_pygame(out, family)}"
                print(line)
            sources.append((family, source))
        coverage = args.out / COVERAGE
        atomic_write(coverage, lambda fh: fh.write(coverage_text(entries).encode("ascii")))
        print(f"{coverage.name}: {coverage.stat().st_size / 1e3:.1f} kB")
        print(write_licence(sources, args.out, [args.copyright]))
    except (OSError, ValueError, RuntimeError) as exc:
        print(f"make_font: {exc}", file=sys.stderr)
        return 1
    print(f"total {total / 1e6:.2f} MB of fonts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

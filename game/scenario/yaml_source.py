"""Safe YAML reading that remembers where every key and value was written.

Nothing here ever constructs a Python object from a tag: the file is turned
into parser *events* (libyaml when available, which is fast and iterative),
composed into nodes by a small loop with a depth limit, and converted to
plain data by our own rules:

* mappings → dict (a repeated key is an error, ``<<`` merge keys work),
  sequences → tuple, keys are always text;
* plain scalars resolve like YAML 1.2 core: only ``true``/``false`` are
  booleans and only ``null``/``~``/empty is null, so ``yes``, ``no``, ``on``,
  ``off`` and dates stay text; quoted and block scalars are always text;
* explicit tags other than the standard str/int/float/bool/null/map/seq are
  errors; aliases are expanded with a budget, so alias bombs and recursive
  aliases stop with a message instead of eating time or memory;
* text over :data:`MAX_BYTES`, empty files and NUL bytes get a clear
  message (``file_text`` does the same for bytes: encodings, folders, …).

The composer is our own because libyaml's composer recurses in C and crashes
the interpreter on a deeply nested (but small) file.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from game.scenario.diagnostics import DataPath, Diagnostic, format_path

MAX_BYTES = 1_000_000     # a scenario is a few kilobytes
MAX_VALUES = 20_000       # values after expanding aliases
MAX_DEPTH = 40            # nesting levels (a scenario needs about six)

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader) if yaml.__with_libyaml__ else yaml.SafeLoader
_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null")}
_INT = re.compile(r"^[-+]?[0-9]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


@dataclass
class Source:
    """A parsed file: plain ``data`` plus the position of every path in it."""

    filename: str
    data: Any = None
    # path → (key line, key col, value line, value col), all 1-based
    positions: dict = field(default_factory=dict)
    diagnostics: list = field(default_factory=list)
    reported: set = field(default_factory=set)  # paths that already have an error

    def where(self, path: DataPath, value: bool = False) -> tuple[int, int]:
        """Line and column of ``path`` (its key unless ``value``), or of the
        nearest enclosing value that exists (for missing keys)."""
        path = tuple(path)
        if path in self.positions:
            kl, kc, vl, vc = self.positions[path]
            return (vl, vc) if value else (kl, kc)
        while path:
            path = path[:-1]
            if path in self.positions:
                _, _, vl, vc = self.positions[path]
                return vl, vc
        return (1, 1) if self.positions else (0, 0)

    def add(self, path: DataPath, message: str, hint: str = "", *, value: bool = False,
            severity: str = "error", shown_path: str | None = None) -> None:
        line, col = self.where(path, value=value)
        self.diagnostics.append(Diagnostic(
            self.filename, line, col, format_path(path) if shown_path is None else shown_path,
            message, hint, severity))
        if severity == "error":
            self.reported.add(tuple(path))


class _Fatal(Exception):
    def __init__(self, line: int, col: int, message: str, hint: str = ""):
        super().__init__(message)
        self.line, self.col, self.message, self.hint = line, col, message, hint


# ------------------------------------------------------------------ parsing
_SYNTAX_HINTS = (
    ("'\\t'", "indent with spaces, not tabs"),
    ("mapping values are not allowed", "put text that contains ': ' in quotes, or fix this line's indentation"),
    ("could not find expected ':'", "each line of a mapping needs 'key: value'; check this line and the one before"),
    ("did not find expected key", "keys of one mapping must start in the same column; check the indentation"),
    ("did not find expected '-'", "items of one list must start in the same column with '- '"),
    ("expected <block end>", "check the indentation: this line does not line up with the ones above"),
    ("found unexpected end of stream", "a quote or bracket is not closed"),
    ("found unknown escape character", "inside double quotes write \\\\ for a backslash, or use single quotes"),
    ("cannot start any token", "put values starting with @, ` or % in quotes"),
    ("did not find expected node content", "a value is missing or a bracket is misplaced"),
    ("while scanning an alias", "an '*' starts an alias; put text starting with * in quotes"),
    ("while scanning an anchor", "an '&' starts an anchor; put text starting with & in quotes"),
    ("special characters are not allowed", "remove control characters from the file"),
)


def _syntax_error(exc: yaml.YAMLError, text: str) -> _Fatal:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        line, col = mark.line + 1, mark.column + 1
    elif isinstance(getattr(exc, "position", None), int):
        pos = min(exc.position, len(text))
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    else:
        line, col = 1, 1
    problem = getattr(exc, "problem", None) or getattr(exc, "reason", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    full = f"{problem} {context or ''}"
    lines = text.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1][: col]:
        full = "'\\t' " + full
    hint = next((h for key, h in _SYNTAX_HINTS if key in full),
                "check the indentation and quotes on this line and the line before")
    return _Fatal(line, col, message, hint)


class _Node:
    __slots__ = ("kind", "tag", "value", "line", "col", "plain")

    def __init__(self, kind: str, tag: str | None, value: Any, mark: Any, plain: bool = False):
        self.kind, self.tag, self.value, self.plain = kind, tag, value, plain
        self.line, self.col = mark.line + 1, mark.column + 1


_EMPTY = object()


def _compose(text: str) -> _Node | None:
    """Events → node tree, iteratively; aliases become shared nodes."""
    stack: list[list] = []  # [node, pending key or _EMPTY]
    anchors: dict[str, _Node] = {}
    open_nodes: set[int] = set()
    root: list[_Node] = []
    documents = 0

    def attach(node: _Node) -> None:
        if not stack:
            root.append(node)
            return
        frame = stack[-1]
        parent = frame[0]
        if parent.kind == "seq":
            parent.value.append(node)
        elif frame[1] is _EMPTY:
            frame[1] = node
        else:
            parent.value.append((frame[1], node))
            frame[1] = _EMPTY

    try:
        for ev in yaml.parse(text, Loader=_LOADER):
            kind = type(ev)
            if kind is yaml.ScalarEvent:
                plain = ev.tag is None and bool(ev.implicit and ev.implicit[0]) and not ev.style
                node = _Node("scalar", ev.tag, ev.value, ev.start_mark, plain)
                if ev.anchor:
                    anchors[ev.anchor] = node
                attach(node)
            elif kind in (yaml.MappingStartEvent, yaml.SequenceStartEvent):
                if len(stack) >= MAX_DEPTH:
                    raise _Fatal(ev.start_mark.line + 1, ev.start_mark.column + 1,
                                 f"the data is nested more than {MAX_DEPTH} levels deep",
                                 "a scenario needs only a few levels; check the brackets and indentation")
                node = _Node("map" if kind is yaml.MappingStartEvent else "seq", ev.tag, [], ev.start_mark)
                if ev.anchor:
                    anchors[ev.anchor] = node
                open_nodes.add(id(node))
                stack.append([node, _EMPTY])
            elif kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
                node = stack.pop()[0]
                open_nodes.discard(id(node))
                attach(node)
            elif kind is yaml.AliasEvent:
                line, col = ev.start_mark.line + 1, ev.start_mark.column + 1
                target = anchors.get(ev.anchor)
                if target is None:
                    raise _Fatal(line, col, f"alias '*{ev.anchor}' refers to no anchor",
                                 f"define '&{ev.anchor}' before using '*{ev.anchor}', or quote text that starts with *")
                if id(target) in open_nodes:
                    raise _Fatal(line, col, f"alias '*{ev.anchor}' refers to a value that contains itself",
                                 "an alias may only repeat a value that is complete before it")
                attach(target)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Fatal(ev.start_mark.line + 1, ev.start_mark.column + 1,
                                 "the file holds more than one YAML document",
                                 "keep one scenario per file and remove the extra '---'")
    except yaml.YAMLError as exc:
        raise (_too_deep(text) or _syntax_error(exc, text)) from None
    except RecursionError:  # the pure-Python parser on pathological input
        raise (_too_deep(text) or _Fatal(1, 1, "the file is nested too deeply to read",
                                         "check the brackets and indentation")) from None
    return root[0] if root else None


def _too_deep(text: str) -> _Fatal | None:
    """Our own nesting message for brackets nested past :data:`MAX_DEPTH`.

    The parser scans ahead over ``[[[[…`` before it yields a single event, so
    its own limit (whose wording differs between libyaml versions) may fire
    before the event loop above can count levels. Called only once the parser
    has failed, this counts flow brackets itself, so the message and position
    never depend on the installed libyaml.
    """
    depth = 0
    line, col = 1, 0
    for ch in text:
        col += 1
        if ch == "\n":
            line, col = line + 1, 0
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return _Fatal(line, col, f"the data is nested more than {MAX_DEPTH} levels deep",
                              "a scenario needs only a few levels; check the brackets and indentation")
        elif ch in "]}":
            depth = max(0, depth - 1)
    return None


# ------------------------------------------------------------------ converting
class _Converter:
    def __init__(self, source: Source):
        self.source = source
        self.count = 0

    def error(self, line: int, col: int, path: DataPath, message: str, hint: str) -> None:
        self.source.diagnostics.append(Diagnostic(self.source.filename, line, col,
                                                  format_path(path), message, hint))
        self.source.reported.add(tuple(path))

    def convert(self, node: _Node, path: DataPath, key_pos: tuple[int, int] | None = None) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise _Fatal(node.line, node.col, f"the file expands to more than {MAX_VALUES} values",
                         "a scenario needs far fewer; check for aliases (*name) that repeat large parts")
        if len(path) > MAX_DEPTH:
            raise _Fatal(node.line, node.col, f"the data is nested more than {MAX_DEPTH} levels deep",
                         "check for aliases (*name) that repeat a value inside itself")
        kl, kc = key_pos or (node.line, node.col)
        self.source.positions[path] = (kl, kc, node.line, node.col)
        if node.kind == "scalar":
            return self.scalar(node, path)
        if node.tag not in (None, "!", _STD + ("map" if node.kind == "map" else "seq")):
            self.error(node.line, node.col, path, f"unsupported tag '{_short_tag(node.tag)}'",
                       "remove the tag; scenarios use plain YAML only")
        if node.kind == "seq":
            return tuple(self.convert(item, path + (i,)) for i, item in enumerate(node.value))
        return self.mapping(node, path)

    def mapping(self, node: _Node, path: DataPath) -> dict:
        pairs, merged = [], {}
        for key_node, value_node in node.value:
            if key_node.kind == "scalar" and key_node.plain and key_node.value == "<<":
                merged.update(self.merge(value_node, path, merged))
            else:
                pairs.append((key_node, value_node))
        out: dict[str, Any] = {}
        first_at: dict[str, int] = {}
        for key_node, value_node in pairs:
            if key_node.kind != "scalar":
                self.error(key_node.line, key_node.col, path, "a key must be a word or text, not a list or mapping",
                           "write 'key: value'")
                continue
            if key_node.tag not in (None, "!", _STD + "str"):
                self.error(key_node.line, key_node.col, path + (key_node.value,),
                           f"unsupported tag '{_short_tag(key_node.tag)}'", "remove the tag")
                continue
            key = key_node.value
            if key in out:
                self.error(key_node.line, key_node.col, path + (key,),
                           f"duplicate key '{key}' (first written at line {first_at[key]})",
                           "keep only one of them")
                continue
            first_at[key] = key_node.line
            out[key] = self.convert(value_node, path + (key,), (key_node.line, key_node.col))
        for key, value in merged.items():
            out.setdefault(key, value)
        return out

    def merge(self, merge: _Node, path: DataPath, already: dict) -> dict:
        """The keys a ``<<: *anchor`` (or a list of anchors) brings in."""
        found: dict[str, Any] = {}
        for src in (merge.value if merge.kind == "seq" else [merge]):
            if src.kind != "map":
                self.error(merge.line, merge.col, path, "'<<' must be followed by a mapping or an alias of one",
                           "write '<<: *name' where '&name' marks a mapping")
                continue
            for key, value in self.mapping(src, path).items():
                if key not in found and key not in already:
                    found[key] = value
        return found

    def scalar(self, node: _Node, path: DataPath) -> Any:
        text = node.value
        if node.plain:
            return _resolve_plain(text)
        tag = node.tag
        if tag is None or tag == "!" or tag == _STD + "str":
            return text
        if tag not in _SCALAR_TAGS:
            self.error(node.line, node.col, path, f"unsupported tag '{_short_tag(tag)}'",
                       "remove the tag; scenarios use plain YAML only (put text in quotes)")
            return text
        value = _resolve_plain(text.strip())
        want = tag[len(_STD):]
        ok = {"int": isinstance(value, int) and not isinstance(value, bool),
              "float": isinstance(value, (int, float)) and not isinstance(value, bool),
              "bool": isinstance(value, bool), "null": value is None}[want]
        if not ok:
            self.error(node.line, node.col, path, f"'{text}' is not a valid {want}",
                       "remove the tag or fix the value")
            return text
        return float(value) if want == "float" else value


def _short_tag(tag: str | None) -> str:
    return ("!!" + tag[len(_STD):]) if tag and tag.startswith(_STD) else str(tag)


def _resolve_plain(text: str) -> Any:
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    first = text[:1]
    if not (first.isdigit() or first in "+-."):
        return text
    try:
        if _INT.match(text):
            return int(text)
        if _HEX.match(text):
            return int(text, 16)
        if _OCT.match(text):
            return int(text[2:], 8)
        if _FLOAT.match(text):
            value = float(text)
            return value if math.isfinite(value) else text
    except ValueError:  # e.g. more digits than Python converts
        return text
    return text


# ------------------------------------------------------------------ entry point
def parse(text: str, filename: str) -> Source:
    """Parse ``text``; ``data`` is None when the file cannot be read as a mapping."""
    source = Source(filename)

    def fatal(line: int, col: int, message: str, hint: str) -> Source:
        source.diagnostics.append(Diagnostic(filename, line, col, "", message, hint))
        source.data = None
        return source

    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return fatal(0, 0, f"the text is larger than {MAX_BYTES // 1_000_000} MB",
                     "a scenario is a few kilobytes; check that this is the right file")
    if "\x00" in text:
        index = text.index("\x00")
        line = text.count("\n", 0, index) + 1
        return fatal(line, index - (text.rfind("\n", 0, index) + 1) + 1,
                     "the file contains a NUL byte; it looks like a binary file",
                     "give the path of a scenario .yaml file saved as UTF-8 text")
    try:
        root = _compose(text)
        if root is None:
            return fatal(0, 0, "the file is empty", "start from the output of 'b2bsim new'")
        data = _Converter(source).convert(root, ())
    except _Fatal as exc:
        return fatal(exc.line, exc.col, exc.message, exc.hint)
    if not isinstance(data, dict):
        what = "a list" if isinstance(data, tuple) else f"the single value {str(data)[:40]!r}"
        line, col = root.line, root.col
        return fatal(line, col, f"the top level of a scenario must be a mapping, but this file holds {what}",
                     "start with 'format: 1', 'id: …', 'title: …' at the left margin (see 'b2bsim new')")
    source.data = data
    return source

"""Drawing helpers and the few interactive widgets the scenes share.

Every interactive thing is reachable by keyboard: a :class:`Menu` is a list of
:class:`Button` objects walked with the arrow keys or Tab and activated with
Enter or Space (or its own hotkey); the mouse works too.  Meaning is never
carried by colour alone: icons here are shapes (circle = you, diamond = a
rival, triangle up/down = gain/loss, padlock = behind a gatekeeper).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pygame

from game.ui import theme
from game.ui.text import TextRenderer


# ---------------------------------------------------------------- primitives
def panel(surface, rect, fill=theme.PANEL, border=theme.LINE, radius=8, width=1) -> None:
    pygame.draw.rect(surface, fill, rect, border_radius=radius)
    if border is not None and width:
        pygame.draw.rect(surface, border, rect, width, border_radius=radius)


def focus_ring(surface, rect, radius=8) -> None:
    """A thick black ring plus a white inner line: visible on any fill."""
    outer = pygame.Rect(rect).inflate(6, 6)
    pygame.draw.rect(surface, theme.FOCUS, outer, 3, border_radius=radius + 3)
    pygame.draw.rect(surface, (255, 255, 255), pygame.Rect(rect).inflate(2, 2), 1, border_radius=radius)


def circle_icon(surface, centre, r, colour, filled=True) -> None:
    pygame.draw.circle(surface, colour, centre, r, 0 if filled else 2)
    if filled:
        pygame.draw.circle(surface, (255, 255, 255), centre, r, 1)


def diamond_icon(surface, centre, r, colour, filled=False) -> None:
    x, y = centre
    pts = [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
    if filled:
        pygame.draw.polygon(surface, colour, pts)
    else:
        pygame.draw.polygon(surface, (255, 255, 255), pts)
        pygame.draw.polygon(surface, colour, pts, 2)


def square_icon(surface, centre, r, colour) -> None:
    rect = pygame.Rect(0, 0, 2 * r, 2 * r)
    rect.center = centre
    pygame.draw.rect(surface, colour, rect, 2)


def triangle_icon(surface, centre, r, colour, up=True) -> None:
    x, y = centre
    if up:
        pts = [(x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)]
    else:
        pts = [(x, y + r), (x + r, y - r * 0.8), (x - r, y - r * 0.8)]
    pygame.draw.polygon(surface, colour, pts)


def lock_icon(surface, centre, size, colour=theme.INK) -> None:
    x, y = centre
    w, h = size, round(size * 0.75)
    body = pygame.Rect(0, 0, w, h)
    body.midtop = (x, y - h // 4)
    shackle = pygame.Rect(0, 0, round(w * 0.64), round(h * 1.1))
    shackle.midbottom = (x, body.top + round(h * 0.45))
    pygame.draw.rect(surface, colour, shackle, max(2, size // 6), border_radius=size // 3)
    pygame.draw.rect(surface, colour, body, border_radius=2)
    pygame.draw.circle(surface, (255, 255, 255), (x, body.centery), max(1, size // 8))


def block_icon(surface, centre, r, colour=theme.LOSS) -> None:
    """A no-entry sign: the member blocks the deal."""
    pygame.draw.circle(surface, colour, centre, r)
    bar = pygame.Rect(0, 0, round(r * 1.3), max(2, r // 3))
    bar.center = centre
    pygame.draw.rect(surface, (255, 255, 255), bar)


def star_icon(surface, centre, r, colour, filled=True) -> None:
    import math
    x, y = centre
    pts = []
    for i in range(10):
        ang = -math.pi / 2 + i * math.pi / 5
        rr = r if i % 2 == 0 else r * 0.45
        pts.append((x + rr * math.cos(ang), y + rr * math.sin(ang)))
    pygame.draw.polygon(surface, colour, pts, 0 if filled else 1)


def dashed_line(surface, colour, start, end, width=2, dash=8) -> None:
    x0, y0 = start
    x1, y1 = end
    length = max(1.0, ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5)
    n = max(1, int(length // dash))
    for i in range(0, n, 2):
        a, b = i / n, min(1.0, (i + 1) / n)
        pygame.draw.line(surface, colour, (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a),
                         (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b), width)


def pips(surface, rect, total, used, colour=theme.PLAYER) -> None:
    """Action-point pips: filled = still available, hollow = spent."""
    if total <= 0:
        return
    r = max(4, min(rect.height // 2, rect.width // (total * 3)))
    gap = r * 3
    x = rect.x + r
    for i in range(total):
        c = (x + i * gap, rect.centery)
        if i < total - used:
            pygame.draw.circle(surface, colour, c, r)
        else:
            pygame.draw.circle(surface, theme.FAINT, c, r, 2)


def meter(surface, rect, value, colour, back=theme.BG_DEEP, border=None) -> None:
    """A 0..1 horizontal bar."""
    pygame.draw.rect(surface, back, rect, border_radius=rect.height // 2)
    fill = rect.copy()
    fill.width = max(0, round(rect.width * max(0.0, min(1.0, value))))
    if fill.width:
        pygame.draw.rect(surface, colour, fill, border_radius=rect.height // 2)
    if border:
        pygame.draw.rect(surface, border, rect, 1, border_radius=rect.height // 2)


def stance_bar(surface, rect, you: float, rival: float | None, *, you_from: float | None = None) -> None:
    """A -1..1 scale with a centre tick: a filled circle marks the stance
    toward you, a hollow diamond the stance toward the leading rival."""
    cy = rect.centery
    pygame.draw.line(surface, theme.LINE, (rect.x, cy), (rect.right, cy), 3)
    pygame.draw.line(surface, theme.MUTED, (rect.centerx, cy - 6), (rect.centerx, cy + 6), 2)
    half = rect.width / 2

    def xpos(v: float) -> int:
        return round(rect.centerx + max(-1.0, min(1.0, v)) * half)

    # a band from zero to your stance makes the side visible at a glance
    x0, x1 = sorted((rect.centerx, xpos(you)))
    if x1 > x0:
        pygame.draw.line(surface, theme.PLAYER if you >= 0 else theme.LOSS, (x0, cy), (x1, cy), 5)
    r = max(5, rect.height // 2)
    if rival is not None:
        diamond_icon(surface, (xpos(rival), cy), r, theme.RIVAL)
    if you_from is not None and abs(you_from - you) > 1e-3:
        pygame.draw.circle(surface, theme.FAINT, (xpos(you_from), cy), r - 1, 1)
    circle_icon(surface, (xpos(you), cy), r, theme.PLAYER)


def signed(value: float) -> str:
    return f"{value:+.2f}".replace("+0.00", "0.00").replace("-0.00", "0.00")


def delta_label(tr: TextRenderer, surface, pos, delta: float, size: int, anchor="midleft") -> pygame.Rect:
    """▲ +0.12 / ▼ -0.05 / = 0.00 with shape, sign and colour."""
    if delta > 0.004:
        text, colour = f"▲ +{delta:.2f}", theme.GAIN_TEXT
    elif delta < -0.004:
        text, colour = f"▼ {delta:.2f}", theme.LOSS_TEXT
    else:
        text, colour = "= 0.00", theme.MUTED
    return tr.draw(surface, text, pos, size, colour, True, anchor)


def badge(tr: TextRenderer, surface, pos, text, size, fill, anchor="topleft") -> pygame.Rect:
    """A small rounded label; its text carries the meaning, the fill helps."""
    ink = theme.ink_on(fill)
    surf = tr.render(text, size, ink, True)
    rect = surf.get_rect()
    rect.inflate_ip(size // 1.2, 2)
    setattr(rect, anchor, pos)
    pygame.draw.rect(surface, fill, rect, border_radius=rect.height // 2)
    surface.blit(surf, surf.get_rect(center=rect.center))
    return rect


def keycap(tr: TextRenderer, surface, pos, key: str, size: int, anchor="midleft") -> pygame.Rect:
    surf = tr.render(key, size, theme.INK, True)
    rect = surf.get_rect().inflate(size // 1.5, 2)
    rect.width = max(rect.width, rect.height)
    setattr(rect, anchor, pos)
    pygame.draw.rect(surface, theme.PANEL, rect, border_radius=4)
    pygame.draw.rect(surface, theme.MUTED, rect, 1, border_radius=4)
    surface.blit(surf, surf.get_rect(center=rect.center))
    return rect


def hint_bar(tr: TextRenderer, surface, rect, hints: list[tuple[str, str]], size: int) -> None:
    """The bottom line telling what to do next: [key] meaning  [key] meaning."""
    pygame.draw.rect(surface, theme.HEADER, rect)
    x = rect.x + size
    for key, meaning in hints:
        cap = keycap(tr, surface, (x, rect.centery), key, size)
        lab = tr.draw(surface, meaning, (cap.right + size // 2, rect.centery), size,
                      theme.HEADER_INK, False, "midleft")
        x = lab.right + size * 1.5
        if x > rect.right - size * 4:
            break


def header_bar(tr: TextRenderer, surface, rect, title: str, size: int, right: str = "") -> None:
    pygame.draw.rect(surface, theme.HEADER, rect)
    tr.draw(surface, title, (rect.x + size, rect.centery), size, theme.HEADER_INK, True, "midleft",
            max_width=rect.width * 2 // 3)
    if right:
        tr.draw(surface, right, (rect.right - size, rect.centery), round(size * 0.8), theme.HEADER_INK,
                False, "midright", max_width=rect.width // 3 - size)


# ---------------------------------------------------------------- buttons and menus
@dataclass
class Button:
    label: str
    action: Callable[[], None]
    key: str = ""                  # hotkey shown on the button (single key name)
    enabled: bool = True
    rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    detail: str = ""               # a second, muted line
    selected: bool = False         # a toggled state (e.g. the chosen action kind)

    def draw(self, tr: TextRenderer, surface, size: int, focused=False, hovered=False) -> None:
        if not self.enabled:
            fill, ink = theme.PANEL_ALT, theme.FAINT
        elif self.selected:
            fill, ink = theme.HEADER, theme.HEADER_INK
        elif hovered:
            fill, ink = theme.HIGHLIGHT, theme.INK
        else:
            fill, ink = theme.PANEL, theme.INK
        panel(surface, self.rect, fill, theme.MUTED if self.enabled else theme.LINE, 8, 1)
        x = self.rect.x + size // 2
        if self.key:
            cap = keycap(tr, surface, (x, self.rect.centery), self.key, round(size * 0.8))
            x = cap.right + size // 2
        room = self.rect.right - x - size // 2
        if self.detail and self.rect.height >= size * 3.0:
            tr.draw(surface, self.label, (x, self.rect.centery - size * 0.1), size, ink, True,
                    "bottomleft", max_width=room)
            tr.draw(surface, self.detail, (x, self.rect.centery + size * 0.1), round(size * 0.8),
                    theme.MUTED if not self.selected else theme.HEADER_INK, False, "topleft", max_width=room)
        else:
            label = f"{self.label}  {self.detail}" if self.detail else self.label
            tr.draw(surface, label, (x, self.rect.centery), size, ink, True, "midleft", max_width=room)
        if focused:
            focus_ring(surface, self.rect)


class Menu:
    """A vertical or horizontal list of buttons with a keyboard focus."""

    NEXT = {pygame.K_DOWN, pygame.K_RIGHT, pygame.K_TAB}
    PREV = {pygame.K_UP, pygame.K_LEFT}

    def __init__(self, buttons: list[Button], focus: int = 0):
        self.buttons = buttons
        self.focus = focus
        self.hover: int | None = None

    def move(self, step: int) -> None:
        n = len(self.buttons)
        for _ in range(n):
            self.focus = (self.focus + step) % n
            if self.buttons[self.focus].enabled:
                return

    def handle(self, event) -> bool:
        """True when the event was used."""
        if event.type == pygame.KEYDOWN:
            shift = bool(getattr(event, "mod", 0) & pygame.KMOD_SHIFT)
            if event.key in self.NEXT:
                self.move(-1 if (event.key == pygame.K_TAB and shift) else 1)
                return True
            if event.key in self.PREV:
                self.move(-1)
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                b = self.buttons[self.focus]
                if b.enabled:
                    b.action()
                return True
            name = pygame.key.name(event.key).upper()
            for i, b in enumerate(self.buttons):
                if b.key and b.key.upper() == name and b.enabled:
                    self.focus = i
                    b.action()
                    return True
        elif event.type == pygame.MOUSEMOTION:
            self.hover = None
            for i, b in enumerate(self.buttons):
                if b.rect.collidepoint(event.pos):
                    self.hover = i
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for i, b in enumerate(self.buttons):
                if b.rect.collidepoint(event.pos) and b.enabled:
                    self.focus = i
                    b.action()
                    return True
        return False

    def draw(self, tr: TextRenderer, surface, size: int) -> None:
        for i, b in enumerate(self.buttons):
            b.draw(tr, surface, size, focused=(i == self.focus), hovered=(i == self.hover))


def layout_column(rect: pygame.Rect, n: int, height: int, gap: int) -> list[pygame.Rect]:
    return [pygame.Rect(rect.x, rect.y + i * (height + gap), rect.width, height) for i in range(n)]


def layout_row(rect: pygame.Rect, n: int, gap: int) -> list[pygame.Rect]:
    if n <= 0:
        return []
    w = (rect.width - gap * (n - 1)) / n
    return [pygame.Rect(round(rect.x + i * (w + gap)), rect.y, round(w), rect.height) for i in range(n)]


def column_rects(rect: pygame.Rect, n: int, gap: int) -> list[pygame.Rect]:
    """``n`` rows of equal height stacked in ``rect`` with ``gap`` between them."""
    h = (rect.height - gap * (n - 1)) / max(1, n)
    return [pygame.Rect(rect.x, round(rect.y + i * (h + gap)), rect.width, round(h)) for i in range(n)]


def grid(rect: pygame.Rect, n: int, cols: int, gap: int) -> list[pygame.Rect]:
    if n <= 0:
        return []
    rows = -(-n // cols)
    w = (rect.width - gap * (cols - 1)) / cols
    h = (rect.height - gap * (rows - 1)) / rows
    return [pygame.Rect(round(rect.x + (i % cols) * (w + gap)), round(rect.y + (i // cols) * (h + gap)),
                        round(w), round(h)) for i in range(n)]


def grid_columns(n: int, width: int, height: int) -> int:
    """Columns for ``n`` cards so that they stay as close to 1.6:1 as possible."""
    if n <= 0 or width <= 0 or height <= 0:   # everyone has left: no cards to lay out
        return 1
    best, best_score = 1, None
    for cols in range(1, 7):
        rows = -(-n // cols)
        w, h = width / cols, height / rows
        score = abs((w / h) - 1.7) + (0.5 if w < 150 else 0)
        if best_score is None or score < best_score:
            best, best_score = cols, score
    return best


def key_event(key: int, mod: int = 0, unicode: str = "") -> pygame.event.Event:
    """A synthetic key press (autoplay posts these into the event queue)."""
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0)


# ---------------------------------------------------------------- screen frame
def areas(surface, m) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
    """Header, body and hint-bar rectangles of a full-screen scene."""
    return areas_for(surface.get_size(), m)


def size_of_marks(m) -> int:
    """Room a stage chip keeps for its marks (a tick, a star) beside the name."""
    return 2 * m.small + 12


def areas_for(size: tuple[int, int], m) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
    """``areas`` for a window of ``size`` (layout steps run before anything is drawn)."""
    w, h = size
    head_h = round(m.heading * 2.1)
    hint_h = round(m.small * 2.4)
    return (pygame.Rect(0, 0, w, head_h), pygame.Rect(0, head_h, w, h - head_h - hint_h),
            pygame.Rect(0, h - hint_h, w, hint_h))


def chrome(app, surface, title: str, hints: list[tuple[str, str]], right: str = "") -> pygame.Rect:
    """Background, header and hint bar; returns the body rectangle."""
    m = app.metrics
    surface.fill(theme.BG)
    head, body, hint = areas(surface, m)
    header_bar(app.text, surface, head, title, m.heading, right)
    hint_bar(app.text, surface, hint, hints, m.small)
    return body


_DIM_CACHE: dict[tuple[int, int], pygame.Surface] = {}


def dim(surface, alpha: int = 150) -> None:
    """Darken the whole screen (under an overlay); the veil is made once per size."""
    size = surface.get_size()
    veil = _DIM_CACHE.get(size)
    if veil is None:
        veil = pygame.Surface(size)
        veil.fill((20, 24, 32))
        veil.set_alpha(alpha)
        _DIM_CACHE.clear()
        _DIM_CACHE[size] = veil
    surface.blit(veil, (0, 0))

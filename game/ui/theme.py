"""Colours, sizes and shapes shared by every scene.

The palette is Okabe-Ito (safe for the common kinds of colour blindness) on a
light, high-contrast background that survives a washed-out projector.  No
meaning is carried by colour alone: the player is always a filled circle and
"you", a rival a hollow diamond and the rival's name, gains carry ▲ and a plus
sign, losses ▼ and a minus sign.
"""
from __future__ import annotations

from dataclasses import dataclass

Colour = tuple[int, int, int]

# Okabe-Ito
BLACK: Colour = (0, 0, 0)
ORANGE: Colour = (230, 159, 0)
SKY: Colour = (86, 180, 233)
GREEN: Colour = (0, 158, 115)
YELLOW: Colour = (240, 228, 66)
BLUE: Colour = (0, 114, 178)
VERMILLION: Colour = (213, 94, 0)
PURPLE: Colour = (204, 121, 167)

# surfaces and ink
BG: Colour = (242, 239, 232)
BG_DEEP: Colour = (228, 224, 214)
PANEL: Colour = (255, 255, 255)
PANEL_ALT: Colour = (249, 247, 242)
LINE: Colour = (200, 196, 186)
INK: Colour = (28, 32, 42)
MUTED: Colour = (92, 98, 112)
FAINT: Colour = (150, 154, 162)
HEADER: Colour = (32, 46, 66)
HEADER_INK: Colour = (245, 246, 248)
FOCUS: Colour = (0, 0, 0)
DISABLED: Colour = (190, 190, 190)

# meanings (each always paired with a shape or text)
PLAYER: Colour = BLUE
RIVAL: Colour = VERMILLION
STATUS_QUO: Colour = (120, 120, 120)
GAIN: Colour = GREEN
LOSS: Colour = VERMILLION
WARN: Colour = ORANGE
HIGHLIGHT: Colour = (255, 244, 196)
# the same meanings as text: darker, so that they read at 4.5:1 or better on every light surface
PLAYER_TEXT: Colour = (0, 98, 155)
RIVAL_TEXT: Colour = (168, 58, 0)
GAIN_TEXT: Colour = (0, 110, 76)
LOSS_TEXT: Colour = RIVAL_TEXT

#: the light surfaces text is drawn on, and the colours text may have there (tests check 4.5:1)
SURFACES: tuple[Colour, ...] = (BG, BG_DEEP, PANEL, PANEL_ALT, HIGHLIGHT)
TEXT_INKS: tuple[Colour, ...] = (INK, MUTED, HEADER, PLAYER_TEXT, RIVAL_TEXT, GAIN_TEXT, LOSS_TEXT)


def luminance(colour: Colour) -> float:
    """Relative luminance (WCAG 2)."""
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = colour
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: Colour, b: Colour) -> float:
    """WCAG contrast ratio of two colours (1..21)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)

ROLE_COLOURS: dict[str, Colour] = {
    "initiator": SKY,
    "user": GREEN,
    "buyer": ORANGE,
    "influencer": PURPLE,
    "decider": BLUE,
    "gatekeeper": (110, 110, 110),
}

GRADE_COLOURS: dict[str, Colour] = {
    "S": BLUE, "A": BLUE, "B": GREEN, "C": ORANGE, "D": VERMILLION, "F": VERMILLION,
}

#: text size setting -> scale of every font size
TEXT_SCALES: dict[str, float] = {"small": 0.9, "medium": 1.0, "large": 1.15}
MIN_SIZE = (1024, 640)
FPS = 60


@dataclass(frozen=True)
class Metrics:
    """Sizes derived from the window size and the text-size setting."""

    width: int
    height: int
    scale: float

    def font(self, base: int) -> int:
        """A font size for ``base`` pixels at 1280x720 with medium text."""
        return max(10, round(base * self.scale))

    @property
    def pad(self) -> int:
        return max(6, round(10 * self.ui))

    @property
    def ui(self) -> float:
        """Layout scale from the window height alone (1.0 at 720 px)."""
        return min(self.width / 1280, self.height / 720) ** 0.5

    @property
    def small(self) -> int:
        return self.font(13)

    @property
    def body(self) -> int:
        return self.font(16)

    @property
    def heading(self) -> int:
        return self.font(22)

    @property
    def title(self) -> int:
        return self.font(40)


def metrics(size: tuple[int, int], text_size: str = "medium") -> Metrics:
    w, h = size
    ui = min(w / 1280, h / 720) ** 0.5
    return Metrics(w, h, ui * TEXT_SCALES.get(text_size, 1.0))


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """Blend colour ``a`` toward ``b`` by ``t`` (0..1)."""
    t = max(0.0, min(1.0, t))
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t),
            round(a[2] + (b[2] - a[2]) * t))


def heat(value: float) -> Colour:
    """Sequential single-hue scale (white -> blue) for 0..1; readable in grey too."""
    return mix((250, 250, 250), (0, 84, 140), max(0.0, min(1.0, value)) ** 0.8)


def ink_on(colour: Colour) -> Colour:
    """Black or white text, whichever reads better on ``colour``."""
    r, g, b = colour
    return INK if (0.299 * r + 0.587 * g + 0.114 * b) > 140 else (255, 255, 255)

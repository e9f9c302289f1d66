"""Every text colour of the theme reads at 4.5:1 or better on every light
surface (WCAG AA), and the header's ink on the header."""
import itertools

import pytest

from game.ui import theme


@pytest.mark.parametrize("ink, surface", list(itertools.product(theme.TEXT_INKS, theme.SURFACES)))
def test_text_contrast(ink, surface):
    assert theme.contrast(ink, surface) >= 4.5, f"{ink} on {surface}: {theme.contrast(ink, surface):.2f}:1"


def test_header_contrast():
    assert theme.contrast(theme.HEADER_INK, theme.HEADER) >= 4.5


def test_contrast_formula():
    assert theme.contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert theme.contrast(theme.VERMILLION, theme.PANEL) < 4.5      # why the *_TEXT colours exist

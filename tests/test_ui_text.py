"""Text: wrapping (Latin at spaces, CJK anywhere), fitting, and the render cache."""
import pytest

from game.ui.text import TextRenderer, tokens, wrap_line


def by_chars(s):          # every character is 1 unit wide
    return len(s)


@pytest.mark.parametrize("text, width, lines", [
    ("the quick brown fox", 9, ["the quick", "brown fox"]),
    ("the quick brown fox", 100, ["the quick brown fox"]),
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),                     # one long word is broken
    ("盛り付けラインは人が頼りです", 5, ["盛り付けラ", "インは人が", "頼りです"]),
    ("세진자동차는하루천이백대를", 4, ["세진자동", "차는하루", "천이백대", "를"]),
    ("한국어 문장도 띄어쓰기에서 줄을 바꿉니다", 9, ["한국어 문장도", "띄어쓰기에서 줄을", "바꿉니다"]),
    ("", 10, [""]),
])
def test_wrap_line(text, width, lines):
    assert wrap_line(text, by_chars, width) == lines
    assert all(by_chars(line) <= width for line in lines)


@pytest.mark.parametrize("text, width", [
    ("検査を全数チェックします。次の行", 7),
    ("「盛り付け」ラインです、はい。", 4),
])
def test_closing_punctuation_never_starts_a_line(text, width):
    for line in wrap_line(text, by_chars, width)[1:]:
        assert line[0] not in "、。」）"


def test_tokens_keep_latin_words_whole_and_split_cjk():
    assert tokens("Nexa Data 社") == ["Nexa ", "Data ", "社"]
    assert tokens("品質管理。") == ["品", "質", "管", "理。"]


@pytest.fixture(scope="module")
def renderer():
    import pygame
    pygame.font.init()
    return TextRenderer(cache_size=8)


def test_rendered_text_is_cached(renderer):
    a = renderer.render("Buying center", 16)
    hits = renderer.hits
    b = renderer.render("Buying center", 16)
    assert a is b and renderer.hits == hits + 1


def test_cache_is_bounded(renderer):
    for i in range(50):
        renderer.render(f"line {i}", 14)
    assert len(renderer._surfaces) <= 8


@pytest.mark.parametrize("text", ["Data platform for Hanbit Machinery", "세진자동차 울산공장 브레이크 모듈 적시 공급"])
def test_fit_adds_an_ellipsis_and_fits(renderer, text):
    fitted = renderer.fit(text, 16, 120)
    assert fitted.endswith("…") and renderer.width(fitted, 16) <= 120


def test_wrapped_lines_fit_the_width_in_pixels(renderer):
    text = "みなと食品は静岡で一日三万食の弁当と惣菜を作っています。盛り付けラインは人が頼りです。"
    for line in renderer.wrap(text, 18, 200):
        assert renderer.width(line, 18) <= 200

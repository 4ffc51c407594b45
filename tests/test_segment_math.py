"""Equations written in MathML are text a reader sees: their tokens stay in the body, one word each, and their
annotations (the same formula again as TeX) do not."""

from __future__ import annotations

from cleaner import Cleaner
from cleaner.segment.html import segment_html

QUADRATIC = (
    "<math><semantics><mrow><mi>x</mi><mo>=</mo><mfrac><mrow><mo>−</mo><mi>b</mi></mrow><mrow><mn>2</mn>"
    "<mi>a</mi></mrow></mfrac></mrow><annotation encoding='application/x-tex'>x=\\frac{-b}{2a}</annotation>"
    "</semantics></math>"
)


def page(math: str) -> str:
    return (
        "<html><head><title>Solving quadratics</title></head><body><article><h1>Solving quadratics</h1>"
        "<p>When <math><mi>a</mi><mo>&ne;</mo><mn>0</mn></math>, the equation has two solutions, and the "
        f"one with the plus sign is {math} plus the root of the discriminant over the same denominator.</p>"
        "<p>The discriminant decides whether the two solutions are real numbers or a pair of complex numbers, "
        "which is why the textbook works it out first in every one of the exercises that follow.</p>"
        "</article></body></html>"
    )


def test_mathml_tokens_are_read_as_words():
    texts = [b.text for b in segment_html(page(QUADRATIC)).blocks]
    assert any(t.startswith("When a ≠ 0, the equation has two solutions") for t in texts)
    assert any("is x = − b 2 a plus the root" in t for t in texts)


def test_mathml_annotations_are_not_read():
    body = Cleaner(mode="html").clean(page(QUADRATIC)).body
    assert "x = − b 2 a" in body
    assert "frac" not in body and "x=" not in body

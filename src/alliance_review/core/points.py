"""Exact points: scores are Fractions, never floats, so no drift can move a tier.

A rubric step such as 0.5 is a Decimal in files; in the domain every point value is a
``Fraction`` and means are exact (a mean of three scores is a multiple of 1/3).
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction

ROUNDING_RULES = {
    "half_up": ROUND_HALF_UP,
    "half_even": ROUND_HALF_EVEN,
    "down": ROUND_DOWN,
}
ROUNDING_LABELS = {
    "half_up": "四舍五入",
    "half_even": "四舍六入五成双",
    "down": "舍去小数",
}


def parse_points(text: str | int | float | Decimal | Fraction) -> Fraction:
    """Read a point value from a file or an input field, exactly.

    Floats are read through their shortest decimal repr (0.1 -> 1/10), so a value that
    came from a spreadsheet cell does not carry binary noise.
    """
    if isinstance(text, Fraction):
        return text
    if isinstance(text, float):
        return Fraction(Decimal(repr(text)))
    if isinstance(text, (int, Decimal)):
        return Fraction(text)
    cleaned = str(text).strip()
    if not cleaned:
        raise ValueError("empty point value")
    return Fraction(cleaned)


def round_points(value: Fraction, rule: str = "half_up", places: int = 0) -> Decimal:
    """Round an exact value for printing by the round's rule."""
    if rule not in ROUNDING_RULES:
        raise ValueError(f"unknown rounding rule {rule!r}")
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    quantum = Decimal(1).scaleb(-places)
    return exact.quantize(quantum, rounding=ROUNDING_RULES[rule])


def format_points(value: Fraction, places: int = 2) -> str:
    """Human display: integers as integers, others with up to ``places`` decimals."""
    if value.denominator == 1:
        return str(value.numerator)
    text = f"{round_points(value, 'half_up', places):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def exact_text(value: Fraction) -> str:
    """The exact value as text that ``Fraction()`` reads back: "98.5" or "194/3"."""
    if value.denominator == 1:
        return str(value.numerator)
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator == 1:
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return f"{exact:f}"
    return f"{value.numerator}/{value.denominator}"


def is_on_step(value: Fraction, step: Fraction) -> bool:
    return step > 0 and (value / step).denominator == 1

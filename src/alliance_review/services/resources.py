"""Files shipped with the app: default rubric, 2015 roster, published appendix, font."""

from __future__ import annotations

import csv
import json
from fractions import Fraction
from importlib.resources import files
from pathlib import Path
from typing import Any

from alliance_review.core.errors import RubricError
from alliance_review.core.evidence import EvidenceItem
from alliance_review.core.rubric import Category, Indicator, Rubric


def _shipped(folder: str, marker: str) -> Path:
    """``alliance_review/<folder>`` as importlib.resources finds it (in a wheel and in the
    frozen bundle, which puts it at the same place), else ``<folder>/`` of the checkout."""
    package = Path(str(files("alliance_review")))
    for candidate in (package / folder, package.parent.parent / folder):
        if (candidate / marker).is_file():
            return candidate
    raise FileNotFoundError(f"{folder} folder not found")


def resource_dir() -> Path:
    """``alliance_review/resources`` in a wheel, the repository's ``resources/`` in a checkout."""
    return _shipped("resources", "rubric-2015.json")


def docs_dir() -> Path:
    """The users' guides (Markdown with screenshots): ``alliance_review/docs`` or ``docs/``."""
    return _shipped("docs", "README.md")


def resource(name: str) -> Path:
    return resource_dir() / name


def font_path() -> Path:
    return resource("fonts/wqy-microhei.ttc")


def rubric_from_data(data: dict[str, Any]) -> Rubric:
    if data.get("format") != "alliance-review-rubric":
        raise RubricError("这不是评价指标文件。", "This is not a rubric file.")
    try:
        categories = tuple(
            Category(
                str(c["code"]),
                str(c["name"]),
                tuple(
                    Indicator(
                        str(i["code"]),
                        str(i["name"]),
                        str(i.get("criteria", "")),
                        Fraction(str(i["max_points"])),
                        Fraction(str(i.get("step", "1"))),
                        tuple(
                            EvidenceItem(str(item["key"]), str(item["name"]))
                            for item in i.get("evidence_items", [])
                        ),
                        None
                        if not i.get("points_rule")
                        else tuple(Fraction(str(v)) for v in i["points_rule"]),
                    )
                    for i in c["indicators"]
                ),
            )
            for c in data["categories"]
        )
    except (KeyError, TypeError, ValueError, ZeroDivisionError) as error:
        raise RubricError(
            "评价指标文件格式不正确。", f"The rubric file is malformed ({error})."
        ) from error
    return Rubric(categories, str(data.get("note", "")))


def rubric_to_data(rubric: Rubric, title: str = "") -> dict[str, Any]:
    def text(value: Fraction) -> str:
        return str(value.numerator) if value.denominator == 1 else str(float(value))

    return {
        "format": "alliance-review-rubric",
        "version": 1,
        "title": title,
        "note": rubric.note,
        "categories": [
            {
                "code": c.code,
                "name": c.name,
                "indicators": [
                    {
                        "code": i.code,
                        "name": i.name,
                        "max_points": text(i.max_points),
                        "step": text(i.step),
                        "criteria": i.criteria,
                        **(
                            {
                                "evidence_items": [
                                    {"key": item.key, "name": item.name} for item in i.items
                                ]
                            }
                            if i.items
                            else {}
                        ),
                        **(
                            {"points_rule": [text(v) for v in i.points_rule]}
                            if i.points_rule
                            else {}
                        ),
                    }
                    for i in c.indicators
                ],
            }
            for c in rubric.categories
        ],
    }


def load_rubric(path: Path | str) -> Rubric:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise RubricError(
            f"无法读取评价指标文件「{path.name}」。", f"Cannot read the rubric file {path.name}."
        ) from error
    if not isinstance(data, dict):
        raise RubricError("这不是评价指标文件。", "This is not a rubric file.")
    return rubric_from_data(data)


def default_rubric() -> Rubric:
    return load_rubric(resource("rubric-2015.json"))


def published_appendix_2015() -> list[dict[str, str]]:
    """The appendix of the 2015 report as published (seq, name, score, published_tier)."""
    with resource("published-appendix-2015.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def pilots_2015() -> list[dict[str, str]]:
    """The demo's 146 pilot alliances: name, batch, contact, and for the 21 that did not
    take part their reason and a note (see packaging/make_pilots_2015.py)."""
    with resource("pilots-2015.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))

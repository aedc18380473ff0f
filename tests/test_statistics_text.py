"""The statistics worded in two languages from one computation and one phrase table each."""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys
from collections import Counter
from pathlib import Path

from alliance_review.services.demo_2014 import build_previous_demo
from alliance_review.services.statistics_report import round_statistics_of
from alliance_review.services.statistics_text import PHRASES, statistics_lines

PUBLISHED_2015 = Path(__file__).parents[1] / "resources" / "published-figures-2015.json"
NUMBER = re.compile(r"\d+")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_phrase_exists_in_both_languages_with_the_same_placeholders():
    assert PHRASES["zh"].keys() == PHRASES["en"].keys()
    for key, chinese in PHRASES["zh"].items():
        english = PHRASES["en"][key]
        # an English phrase may leave out a Chinese-only part (the 高+较高 header), never add
        assert placeholders(english) <= placeholders(chinese), key
        if key != "top_two":
            assert placeholders(english) == placeholders(chinese), key


def test_both_languages_state_the_same_numbers_line_by_line(
    demo_round_master: Path, tmp_path: Path
):
    previous = build_previous_demo(tmp_path / "demo-2014.sqlite")
    stats = round_statistics_of(demo_round_master, previous, PUBLISHED_2015)
    chinese, english = statistics_lines(stats, "zh"), statistics_lines(stats, "en")
    assert len(chinese) == len(english)
    conflicts = next(i for i, line in enumerate(chinese) if line.startswith("公布数字自身"))
    for zh, en in zip(chinese[:conflicts], english[:conflicts], strict=True):
        assert Counter(NUMBER.findall(zh)) == Counter(NUMBER.findall(en)), (zh, en)
    assert "Activity evaluation statistics 2015" == english[0]
    assert "125 alliances took part (of 146 pilot alliances; 21 did not" in english[2]
    assert not re.search(r"[\u4e00-\u9fff]", english[3])  # reasons and names are data


def test_the_command_prints_the_english_lines_under_an_english_locale(demo_round_master: Path):
    env = dict(os.environ, PYTHONIOENCODING="utf-8", ALLIANCE_REVIEW_LANG="en")
    done = subprocess.run(
        [sys.executable, "-m", "alliance_review", "statistics", str(demo_round_master)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "Activity evaluation statistics 2015"
    assert "Tier  Count  Share  Last year  Change (points)" in done.stdout


def test_the_published_rows_say_their_verdict_in_the_language_asked(
    demo_round_master: Path, tmp_path: Path
):
    from alliance_review.services.statistics_text import published_rows

    stats = round_statistics_of(demo_round_master, None, PUBLISHED_2015)
    chinese, english = published_rows(stats, "zh"), published_rows(stats, "en")
    assert [r[-1] for r in chinese] == ["不符合", "不符合", "符合"]
    assert [r[-1] for r in english] == ["no", "no", "yes"]
    assert [NUMBER.findall(" ".join(r)) for r in chinese] == [
        NUMBER.findall(" ".join(r)) for r in english
    ]

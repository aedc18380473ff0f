"""Options several commands share come from one argparse parent (``commands.options``):
the same action object in every command that offers it, its help written once, and the
command line behaving as before: without ``--force`` an existing output is refused and
left as it was; with it, replaced."""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from alliance_review.cli import build_parser
from alliance_review.commands import options
from tests.conftest import run_cli


def commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (sub,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_every_shared_option_is_the_parents_own_action() -> None:
    shared = {
        action.option_strings[0]: action
        for parent in (options.FORCE, options.FONT, options.SHEET)
        for action in parent._actions
    }
    offering: dict[str, list[str]] = {name: [] for name in shared}
    for name, command in commands().items():
        for action in command._actions:
            flag = next((f for f in action.option_strings if f in shared), None)
            if flag is None:
                continue
            if action.help == shared[flag].help:
                # the same words written again in a command would be a second way
                assert action is shared[flag], f"{name} writes {flag} itself"
                offering[flag].append(name)
    assert sorted(offering["--force"]) == sorted(
        "demo export-pdf export-xlsx statistics report export-sheet submit "
        "roster-export rubric-export selfeval-out".split()
    )
    assert sorted(offering["--font"]) == ["export-pdf", "statistics"]
    assert sorted(offering["--sheet"]) == ["new-round", "roster-import"]


def test_no_command_module_adds_a_shared_option_itself() -> None:
    folder = Path(options.__file__).parent
    for module in folder.glob("*.py"):
        if module.name == "options.py":
            continue
        text = module.read_text(encoding="utf-8")
        # issue's --force ("overwrite existing reviewer files") keeps its own words
        for flag in ("--font", "--sheet", "--include-hidden"):
            assert f'"{flag}"' not in text, f"{module.name} adds {flag} itself"
        assert not re.search(r'"--force",\s*action="store_true",\s*help="replace', text)


@pytest.mark.parametrize("command", ["export-pdf", "statistics", "submit", "roster-export"])
def test_help_shows_the_shared_options_words(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "--force replace existing output files / 覆盖已有的输出文件" in text
    if command in ("export-pdf", "statistics"):
        assert "--font FONT the PDF's font: a TrueType file" in text


def rubric_read_back(out: Path) -> None:
    assert json.loads(out.read_text(encoding="utf-8"))


def workbook_read_back(out: Path) -> None:
    from openpyxl import load_workbook

    assert load_workbook(out, read_only=True).sheetnames


def round_read_back(out: Path) -> None:
    with sqlite3.connect(out) as conn:
        assert conn.execute("SELECT count(*) FROM alliance").fetchone()[0] > 100


@pytest.mark.parametrize(
    ("command", "name", "read_back"),
    [
        ("rubric-export", "rubric.json", rubric_read_back),
        ("export-xlsx", "results.xlsx", workbook_read_back),
        ("demo", "demo.alliance-review", round_read_back),
    ],
)
def test_an_existing_output_is_refused_and_force_replaces_it(
    command: str, name: str, read_back: Callable[[Path], None], demo_round: Path, tmp_path: Path
) -> None:
    out = tmp_path / name
    out.write_bytes(b"kept")
    inputs = () if command == "demo" else (demo_round,)
    refused = run_cli(command, *inputs, out)
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "--force" in refused.stderr
    assert out.read_bytes() == b"kept"
    replaced = run_cli(command, *inputs, out, "--force")
    assert replaced.returncode == 0, replaced.stderr
    read_back(out)


def test_no_command_opens_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """``alliance-review`` alone is ``alliance-review gui``: the window, no file."""
    from alliance_review import cli
    from alliance_review.gui import app

    opened: list[tuple[object, object]] = []
    monkeypatch.setattr(
        app, "run", lambda file, self_test=None: opened.append((file, self_test)) or 0
    )
    assert cli.main([]) == 0
    assert opened == [(None, None)]

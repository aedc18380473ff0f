"""The test suite's own rules: shared helpers live in support modules (``tests/*.py`` not
named ``test_*``) or ``conftest.py``, never copied from file to file nor imported from
another test module; every test is in one tier (``tests/tiers.py``)."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

TESTS = Path(__file__).parent


def modules() -> dict[Path, ast.Module]:
    paths = sorted(TESTS.glob("*.py"))
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in paths}


def imported_test_modules(tree: ast.Module) -> list[str]:
    """The test modules (``test_*``) a module imports, however it spells the import."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            names = [module.split(".")[-1]] if module else [a.name for a in node.names]
            if node.level == 0 and not module.startswith("tests"):
                continue
            found += [n for n in names if n.startswith("test_")]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("tests.test_")]
    return found


def test_no_module_of_the_suite_imports_a_test_module():
    wrong = {path.name: imported_test_modules(tree) for path, tree in modules().items()}
    wrong = {name: imports for name, imports in wrong.items() if imports}
    assert not wrong, f"move what they share into a support module: {wrong}"


def test_the_check_sees_every_spelling_of_such_an_import():
    spellings = (
        "from tests.test_exact import rounds",
        "from .test_exact import rounds",
        "from . import test_exact",
        "import tests.test_exact",
        "def f():\n    from tests.test_exact import rounds",
    )
    for text in spellings:
        assert imported_test_modules(ast.parse(text)), text
    for text in ("from tests.random_rounds import rounds", "from . import panel_rounds"):
        assert not imported_test_modules(ast.parse(text)), text


def top_level_helpers(tree: ast.Module) -> list[ast.FunctionDef]:
    return [
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("test_")
    ]


def without_docstring(body: list[ast.stmt]) -> list[ast.stmt]:
    first = body[0] if body else None
    docstring = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
    return body[1:] if docstring else body


def test_no_helper_or_fixture_is_copied_into_a_second_file():
    """A function (helper or fixture) of the same name and the same body in two files is
    one helper written twice: it belongs in a support module or in conftest.py."""
    where: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path, tree in modules().items():
        for node in top_level_helpers(tree):
            body = ast.dump(ast.Module(body=without_docstring(node.body), type_ignores=[]))
            where[(node.name, body)].append(path.name)
    copied = {name: files for (name, _), files in where.items() if len(files) > 1}
    assert not copied, copied
    typing = [files for (name, _), files in where.items() if name == "type_text"]
    assert typing == [["gui_support.py"]]  # typing as a person does: defined once


SYNTHETIC = {
    "conftest.py": """
import json, os
from tests import tiers

tiers.HEAVY = {"test_costly.py": tuple(os.environ["HEAVY"].split(","))}

def pytest_collection_modifyitems(items):
    tiers.assign(items)
    marks = {i.nodeid: [t for t in tiers.TIERS if i.get_closest_marker(t)] for i in items}
    with open("tiers.json", "w") as out:
        json.dump(marks, out)
""",
    "qt_helpers.py": "from PySide6.QtCore import Qt\n\ndef key():\n    return Qt.Key.Key_A\n",
    "test_core.py": "def test_sum():\n    assert 1 + 1 == 2\n",
    "test_window.py": (
        "import pytest\n\n@pytest.fixture\ndef window(qtbot):\n    return qtbot\n\n"
        "def test_drives(window):\n    pass\n\ndef test_plain_beside_it():\n    pass\n"
    ),
    "test_app.py": "def test_app(qapp):\n    pass\n",
    "test_through_support.py": "from qt_helpers import key\n\ndef test_key():\n    key()\n",
    "test_other_process.py": (
        "import pytest\n\npytestmark = pytest.mark.gui\n\ndef test_window_elsewhere():\n    pass\n"
    ),
    "test_costly.py": (
        "import pytest\n\n@pytest.mark.slow\ndef test_soak():\n    pass\n\n"
        "@pytest.mark.parametrize('n', [1, 2])\ndef test_costly(n):\n    pass\n\n"
        "def test_cheap():\n    pass\n"
    ),
}


def collect_tiers(folder: Path, heavy: str) -> tuple[int, dict[str, list[str]], str]:
    import json
    import os

    for name, text in SYNTHETIC.items():
        (folder / name).write_text(text, encoding="utf-8")
    env = dict(os.environ, HEAVY=heavy, PYTHONPATH=str(TESTS.parent))
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
         "--rootdir", str(folder), str(folder)],
        capture_output=True, text=True, cwd=folder, env=env, timeout=300,
    )
    marks = json.loads((folder / "tiers.json").read_text()) if done.returncode == 0 else {}
    return done.returncode, marks, done.stdout + done.stderr


def test_each_test_gets_one_tier_from_its_file(tmp_path: Path):
    status, marks, output = collect_tiers(tmp_path, "test_costly")
    assert status == 0, output
    assert marks == {
        "test_app.py::test_app": ["gui"],
        "test_core.py::test_sum": ["fast"],
        "test_costly.py::test_cheap": ["fast"],
        "test_costly.py::test_costly[1]": ["slow"],
        "test_costly.py::test_costly[2]": ["slow"],
        "test_costly.py::test_soak": ["slow"],
        "test_other_process.py::test_window_elsewhere": ["gui"],
        "test_through_support.py::test_key": ["gui"],
        "test_window.py::test_drives": ["gui"],
        "test_window.py::test_plain_beside_it": ["gui"],
    }


def test_a_heavy_test_that_no_longer_exists_stops_the_run(tmp_path: Path):
    status, _, output = collect_tiers(tmp_path, "test_costly,test_renamed_since")
    assert status != 0 and "test_renamed_since" in output

"""The core knows no Qt and no SQL; only the gui package imports Qt (import-linter)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_import_contracts_are_kept():
    lint = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    done = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "broken" not in done.stdout.split("Contracts:")[-1].replace("0 broken", "")


def test_modules_stay_small():
    large = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "src").rglob("*.py")
        if len(p.read_text(encoding="utf-8").splitlines()) > 600
    ]
    assert large == []


def test_the_layers_contract_is_declared_and_bites(tmp_path: Path):
    """pyproject.toml declares the layers (system at the bottom); an import up the layers,
    added to a copy of the package, breaks the contract."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = [c for c in contracts if c["type"] == "layers"]
    assert len(layers) == 1 and layers[0]["layers"][-1] == "alliance_review.system"
    assert layers[0]["layers"][-2] == "alliance_review.core"
    copy = tmp_path / "alliance_review"
    shutil.copytree(ROOT / "src" / "alliance_review", copy, ignore=shutil.ignore_patterns("*.pyc"))
    (copy / "system" / "upward.py").write_text(
        "from alliance_review.core import errors\n", encoding="utf-8"
    )
    (tmp_path / "pyproject.toml").write_text(
        (ROOT / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    lint = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    env = {"PYTHONPATH": str(tmp_path), "PATH": str(Path(sys.executable).parent)}
    done = subprocess.run(
        [lint, "--no-cache"], cwd=tmp_path, capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode != 0
    assert "alliance_review.system.upward -> alliance_review.core" in done.stdout


def test_platform_specific_calls_live_only_in_the_system_package():
    """No POSIX-only ``os`` attribute (absent on Windows) nor ``fcntl``/``termios``/
    ``msvcrt`` outside ``alliance_review.system``."""
    import re

    pattern = re.compile(
        r"os\.(O_[A-Z]+|fchmod|fchown|getuid|geteuid|getgid|mkfifo|mknod|fork)\b"
        r"|\b(fcntl|termios|msvcrt|winreg)\b"
    )
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in (ROOT / "src").rglob("*.py")
        if "system" not in path.relative_to(ROOT / "src" / "alliance_review").parts[:1]
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert found == []


def test_the_window_language_becomes_the_services_language_in_one_place():
    """``gui.i18n.service_language()`` turns the window's language ("zh_CN"/"en") into the
    services' ("zh"/"en"); no module converts it inline or keeps a helper of its own."""
    import re

    inline = re.compile(
        r"chosen_language\(\)\s*[!=]="  # compared: "en" if chosen_language() == "en" ...
        r"|language_in_force\(\)\s*[!=]="
        r"|^\s*def language\(\)"  # a second helper
    )
    gui = ROOT / "src" / "alliance_review" / "gui"
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in gui.rglob("*.py")
        if path.name != "i18n.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if inline.search(line)
    ]
    assert found == []

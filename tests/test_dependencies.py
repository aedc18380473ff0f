"""The lock file: every dependency pinned with its hashes, for Windows and macOS as for
Linux, and the environment the tests run in is the locked one (a PDF is byte-identical for
a given round only if every install draws it with the same reportlab)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker, default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).parents[1]
LOCK = ROOT / "requirements" / "lock.txt"
APP = ROOT / "requirements" / "app.txt"
OLD_GLIBC = ROOT / "requirements" / "linux-glibc228.txt"
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")

PLATFORMS = {
    "Linux": {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"},
    "Windows": {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"},
    "macOS": {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix"},
}


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    marker: Marker | None
    hashes: tuple[str, ...]

    def applies(self, environment: dict[str, str]) -> bool:
        return self.marker is None or self.marker.evaluate(environment)


def read_lock(path: Path) -> list[Pin]:
    """The pins of a pip requirements file written with hashes (``name==v ; marker \\``)."""
    pins: list[Pin] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            name, version, marker = match.groups()
            pins.append(
                Pin(canonicalize_name(name), version, Marker(marker) if marker else None, ())
            )
        elif line.strip().startswith("--hash=") and pins:
            last = pins[-1]
            digest = line.strip().removeprefix("--hash=").rstrip(" \\")
            pins[-1] = Pin(last.name, last.version, last.marker, (*last.hashes, digest))
    return pins


def declared() -> dict[str, list[Requirement]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    groups = {"app": project["dependencies"], **project["optional-dependencies"]}
    return {group: [Requirement(r) for r in reqs] for group, reqs in groups.items()}


def here() -> dict[str, str]:
    return dict(default_environment())


def on(platform: str) -> dict[str, str]:
    return {**here(), **PLATFORMS[platform]}


def test_every_declared_dependency_is_pinned_within_its_range():
    lock = read_lock(LOCK)
    app = read_lock(APP)
    for group, requirements in declared().items():
        for requirement in requirements:
            name = canonicalize_name(requirement.name)
            pins = [p for p in lock if p.name == name]
            assert pins, f"{requirement} ({group}) is not in {LOCK.name}: run packaging/lock"
            for pin in pins:
                assert Version(pin.version) in requirement.specifier, (pin, requirement)
            if group == "app":
                assert any(p.name == name for p in app), f"{requirement} missing in app.txt"


def test_the_app_lock_is_the_whole_lock_cut_to_the_app():
    """run-demo.sh installs app.txt: the same versions and files as the tests run with,
    and nothing of the tests, the dev tools or the bundle build."""
    lock = {(p.name, p.version, p.marker and str(p.marker)): p.hashes for p in read_lock(LOCK)}
    app = read_lock(APP)
    for pin in app:
        assert lock.get((pin.name, pin.version, pin.marker and str(pin.marker))) == pin.hashes, pin
    names = {p.name for p in app}
    for tool in ("pytest", "openpyxl", "pyinstaller", "hypothesis", "ruff", "uv"):
        assert tool not in names, f"{tool} is not the app's: it has no place in app.txt"
    assert {"reportlab", "pyside6-essentials", "xlsxwriter", "python-calamine"} <= names


def test_the_lock_for_older_linux_differs_only_by_its_qt():
    """The Debian 11 bundle (glibc 2.31) ships PySide6 6.9, the newest built for glibc 2.28;
    everything else, reportlab first, at the versions of the whole lock: its PDFs are the
    same bytes."""
    linux = {**on("Linux"), "platform_machine": "x86_64"}
    whole = {p.name: p.version for p in read_lock(LOCK) if p.applies(linux)}
    old = {p.name: p.version for p in read_lock(OLD_GLIBC) if p.applies(linux)}
    assert set(old) == set(whole)
    differ = {name for name in old if old[name] != whole[name]}
    assert differ == {"pyside6-essentials", "shiboken6"}
    qt = Version(old["pyside6-essentials"])
    assert Version("6.8") <= qt < Version("6.10") and old["shiboken6"] == str(qt)
    assert old["reportlab"] == whole["reportlab"]


def test_every_pin_carries_the_hashes_pip_checks():
    for path in (LOCK, APP, OLD_GLIBC):
        pins = read_lock(path)
        assert len(pins) > 10
        for pin in pins:
            assert pin.hashes and all(h.startswith("sha256:") for h in pin.hashes), pin


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_the_lock_holds_what_each_platform_needs(platform: str):
    """One lock for three platforms: on each, every locked package's own requirements are
    locked too (pyinstaller needs pefile on Windows and macholib on macOS; pytest needs
    colorama on Windows), as read from the installed packages' metadata."""
    environment = on(platform)
    applying = {p.name: p.version for p in read_lock(LOCK) if p.applies(environment)}
    checked = 0
    for name in applying:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        for text in dist.requires or []:
            requirement = Requirement(text)
            marker = requirement.marker
            if marker is not None and not marker.evaluate({**environment, "extra": ""}):
                continue
            wanted = canonicalize_name(requirement.name)
            assert wanted in applying, f"{name} needs {requirement} on {platform}: not locked"
            assert Version(applying[wanted]) in requirement.specifier, (name, requirement)
            checked += 1
    assert checked > 20
    if platform == "Windows":
        assert {"colorama", "pefile", "pywin32-ctypes"} <= set(applying)
    if platform == "macOS":
        assert "macholib" in set(applying)


def test_this_environment_runs_the_locked_versions():
    """The app's packages and the tests' own libraries are installed at the locked
    versions: what ``packaging/venv.sh`` makes. A venv made from pyproject's ranges alone
    drifts as releases come out (the build and dev tools are left to their own extras)."""
    environment = here()
    locked = {p.name: p.version for p in read_lock(LOCK) if p.applies(environment)}
    wanted = {p.name for p in read_lock(APP) if p.applies(environment)}
    wanted |= {canonicalize_name(r.name) for r in declared()["test"]}
    wrong = []
    for name in sorted(wanted):
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            wrong.append(f"{name} {locked[name]} is not installed")
            continue
        if Version(installed) != Version(locked[name]):
            wrong.append(f"{name} {installed} is installed, the lock says {locked[name]}")
    assert not wrong, "; ".join(wrong) + ": run bash packaging/venv.sh"

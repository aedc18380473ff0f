"""What the app is built from and under which licences: for the About box and the bundle.

Python packages are read from their installed metadata (the frozen bundle carries the
dist-info of each, see packaging/alliance-review.spec), so the list follows the
dependencies actually shipped. Bundled fonts carry their licence file in resources/fonts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from alliance_review.services.resources import resource_dir

APP_DISTRIBUTION = "alliance-review"


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    licence_text: str = ""


def _licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get_all("License-Expression") or []
    if expression:
        return str(expression[0])
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::") and "OSI Approved ::" in c
    ]
    licence = str((meta.get_all("License") or [""])[0]).strip()
    if classifiers and (not licence or len(licence) > 60 or "\n" in licence):
        return ", ".join(classifiers)
    return licence.splitlines()[0] if licence else ", ".join(classifiers) or "?"


def _licence_text(dist: metadata.Distribution) -> str:
    for file in dist.files or []:
        name = file.name.upper()
        if name.startswith(("LICENSE", "LICENCE", "COPYING")):
            try:
                return str(file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                continue
    return ""


def _requirement_name(requirement: str) -> str | None:
    if ";" in requirement and "extra ==" in requirement.split(";", 1)[1]:
        return None  # an optional extra (test, dev): not shipped
    match = re.match(r"[A-Za-z0-9_.\-]+", requirement)
    return match.group(0) if match else None


def python_packages() -> list[Component]:
    """The app's run-time dependencies, transitively, with name, version and licence."""
    seen: dict[str, Component] = {}
    try:
        queue = list(metadata.requires(APP_DISTRIBUTION) or [])
    except metadata.PackageNotFoundError:
        return []
    while queue:
        name = _requirement_name(queue.pop())
        if name is None or name.lower() in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[name.lower()] = Component(
            str(dist.metadata["Name"]), dist.version, _licence_of(dist), _licence_text(dist)
        )
        queue.extend(dist.requires or [])
    return sorted(seen.values(), key=lambda c: c.name.lower())


def fonts() -> list[Component]:
    """The fonts shipped in resources/fonts, each with its licence file's text."""
    found = []
    for licence_file in sorted((resource_dir() / "fonts").glob("LICENSE-*.txt")):
        text = licence_file.read_text(encoding="utf-8")
        name = re.search(r"^Upstream-Name:\s*(.+)$", text, re.MULTILINE)
        licence = re.search(r"^License:\s*(.+)$", text, re.MULTILINE)
        found.append(
            Component(
                name.group(1).strip() if name else licence_file.stem[8:],
                "",
                licence.group(1).strip() if licence else "?",
                text,
            )
        )
    return found


def licence_files() -> list[Path]:
    return sorted((resource_dir() / "fonts").glob("LICENSE-*.txt"))

"""The Windows installer recipe (packaging/windows/alliance-review.iss, built and installed
by .github/workflows/platforms.yml): what it registers agrees with the app's file
extensions, the bundle's executables and the Linux desktop entry. Inno Setup runs on
Windows only; this reads the recipe as its compiler does."""

from __future__ import annotations

import re
from pathlib import Path

from alliance_review.core.file_names import REVIEWER_SUFFIX, ROUND_SUFFIX

ROOT = Path(__file__).parents[1]
RECIPE = ROOT / "packaging" / "windows" / "alliance-review.iss"
SPEC = ROOT / "packaging" / "alliance-review.spec"
LINUX_INSTALL = ROOT / "packaging" / "linux" / "install.sh"


def recipe() -> tuple[dict[str, str], dict[str, list[dict[str, str]]]]:
    """(#define values, the entries of each [Section] as name -> value)."""
    raw = RECIPE.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM, or Chinese turns to ANSI"
    text = raw.decode("utf-8-sig")
    defines = dict(re.findall(r'^#define (\w+) "([^"]*)"', text, re.M))

    def expand(value: str) -> str:
        return re.sub(r"\{#(\w+)\}", lambda m: defines.get(m.group(1), m.group(0)), value)

    sections: dict[str, list[dict[str, str]]] = {}
    current = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith((";", "#")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
        elif current == "Setup":
            key, _, value = line.partition("=")
            sections[current].append({key.strip(): expand(value.strip())})
        else:
            entry = {}
            for part in re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]+)', line):
                key, value = part
                value = value.strip()
                if value.startswith('"'):
                    value = value[1:-1].replace('""', '"')
                entry[key] = expand(value)
            sections[current].append(entry)
    return defines, sections


def setup_value(sections: dict[str, list[dict[str, str]]], key: str) -> str:
    return next(entry[key] for entry in sections["Setup"] if key in entry)


def spec_name() -> str:
    match = re.search(r'^NAME = "([^"]+)"', SPEC.read_text(encoding="utf-8"), re.M)
    assert match
    return match.group(1)


def test_it_installs_the_bundle_the_spec_builds_and_its_window_executable():
    defines, sections = recipe()
    name = spec_name()
    assert defines["WindowExe"] == f"{name}.exe"
    assert defines["Bundle"].replace("\\", "/").endswith(f"dist/{name}")
    sources = [entry["Source"] for entry in sections["Files"]]
    assert sources == [f"{defines['Bundle']}\\*"]
    assert "recursesubdirs" in sections["Files"][0]["Flags"]
    # the version comes from the build, never written in the recipe
    assert "#error" in RECIPE.read_text(encoding="utf-8-sig")
    assert setup_value(sections, "AppVersion") == "{#Version}"
    assert setup_value(sections, "PrivilegesRequired") == "lowest"  # no administrator needed


def test_both_kinds_of_file_open_in_the_app_on_a_double_click():
    defines, sections = recipe()
    keys = {(e["Subkey"], e.get("ValueName", "")): e for e in sections["Registry"]}
    assert setup_value(sections, "ChangesAssociations") == "yes"
    # what a Linux desktop runs for a double click (packaging/linux/install.sh): EXE gui %f
    exec_line = re.search(r"Exec=\S+ (\w+) %%f", LINUX_INSTALL.read_text(encoding="utf-8"))
    assert exec_line
    verb = exec_line.group(1)
    for suffix in (ROUND_SUFFIX, REVIEWER_SUFFIX):
        klass = keys[(f"Software\\Classes\\{suffix}", "")]["ValueData"]
        assert keys[(f"Software\\Classes\\{suffix}\\OpenWithProgids", klass)]
        command = keys[(f"Software\\Classes\\{klass}\\shell\\open\\command", "")]["ValueData"]
        assert command == f'"{{app}}\\{defines["WindowExe"]}" {verb} "%1"'
        described = keys[(f"Software\\Classes\\{klass}", "")]
        assert "uninsdeletekey" in described["Flags"]  # uninstalling forgets the class
        assert keys[(f"Software\\Classes\\{klass}\\DefaultIcon", "")]["ValueData"].startswith(
            "{app}\\"
        )
        assert all(e["Root"] == "HKA" for e in sections["Registry"])  # per user or machine
    assert {ROUND_SUFFIX, REVIEWER_SUFFIX} == {".alr-round", ".alr-review"}


def test_a_start_menu_entry_opens_the_window_and_one_uninstalls():
    defines, sections = recipe()
    icons = sections["Icons"]
    start = [e for e in icons if e["Name"].startswith("{group}\\") and "Tasks" not in e]
    assert any(e["Filename"] == f"{{app}}\\{defines['WindowExe']}" for e in start)
    assert any(e["Filename"] == "{uninstallexe}" for e in start)
    assert setup_value(sections, "DefaultGroupName") == "联盟活跃度评价"
    languages = RECIPE.read_text(encoding="utf-8-sig")
    assert "ChineseSimplified.isl" in languages and "compiler:Default.isl" in languages

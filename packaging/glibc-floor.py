"""The oldest glibc a Linux bundle runs on: the highest GLIBC_x.y symbol version that any
of its executables and shared libraries asks for, read with ``objdump -T`` (binutils).

    python packaging/glibc-floor.py dist/alliance-review [--at-most 2.31] [--json]

Prints the floor and the files that set it; with ``--at-most``, exits 1 when the bundle
needs a newer glibc than that (Debian 11 has 2.31, Ubuntu 20.04 2.31, Debian 12 2.36).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
GLIBC = re.compile(r"\bGLIBC_(\d+)\.(\d+)(?:\.(\d+))?\b")


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as file:
                if file.read(4) == ELF_MAGIC:
                    found.append(path)
    return found


def versions_needed(path: Path, objdump: str) -> set[tuple[int, ...]]:
    """The GLIBC_ versions of the symbols this file takes from the C library (its
    undefined dynamic symbols: ``*UND*``), not those it defines itself."""
    done = subprocess.run([objdump, "-T", str(path)], capture_output=True, text=True)
    needed = set()
    for line in done.stdout.splitlines():
        if "*UND*" not in line:
            continue
        match = GLIBC.search(line)
        if match:
            needed.add(tuple(int(part) for part in match.groups() if part is not None))
    return needed


def floor(folder: Path) -> tuple[tuple[int, ...], dict[str, tuple[int, ...]]]:
    """(the floor, each file's own highest need)."""
    objdump = shutil.which("objdump")
    if objdump is None:
        raise SystemExit("glibc-floor: objdump not found (apt-get install binutils)")
    per_file = {}
    for path in elf_files(folder):
        needed = versions_needed(path, objdump)
        if needed:
            per_file[str(path.relative_to(folder))] = max(needed)
    if not per_file:
        raise SystemExit(f"glibc-floor: no ELF file in {folder}")
    return max(per_file.values()), per_file


def text(version: tuple[int, ...]) -> str:
    return ".".join(map(str, version))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--at-most", help="fail if the bundle needs a newer glibc (e.g. 2.31)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    lowest, per_file = floor(args.bundle)
    setters = sorted(name for name, version in per_file.items() if version == lowest)
    if args.json:
        print(json.dumps({"floor": text(lowest), "files": len(per_file), "set_by": setters}))
    else:
        print(f"glibc floor: {text(lowest)} ({len(per_file)} ELF files; set by "
              f"{', '.join(setters[:5])}{' ...' if len(setters) > 5 else ''})")
    if args.at_most:
        limit = tuple(int(part) for part in args.at_most.split("."))
        if lowest > limit:
            print(f"glibc-floor: the bundle needs glibc {text(lowest)}, newer than "
                  f"{args.at_most}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

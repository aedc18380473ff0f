"""A Debian 11 (bullseye, glibc 2.31) system in a folder, made once with debootstrap from
Debian's packages and kept outside the repository (``~/.cache/alliance-review/debian11``,
or ``$ALLIANCE_REVIEW_CHROOT_CACHE``), for running the frozen app as on an older desktop.

``debian11()`` returns the folder, or the one sentence why there is none here (not Linux,
not root, no debootstrap, or the mirror's exact error): the test then skips saying so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

SUITE = "bullseye"
MIRROR = "http://deb.debian.org/debian"
# what Qt needs on the offscreen platform (packaging/system-deps.sh's list), as a desktop has
PACKAGES = ("libegl1", "libgl1", "libfontconfig1", "libxkbcommon0", "libglib2.0-0", "libdbus-1-3")


def cache() -> Path:
    default = Path.home() / ".cache" / "alliance-review"
    return Path(os.environ.get("ALLIANCE_REVIEW_CHROOT_CACHE", default))


def glibc_of(root: Path) -> tuple[int, int] | None:
    """The C library's version inside ``root`` (libc.so.6's name says it on Debian 11)."""
    for lib in sorted(root.glob("lib/*/libc-*.so")):
        numbers = lib.name.removeprefix("libc-").removesuffix(".so").split(".")
        if len(numbers) == 2 and all(n.isdigit() for n in numbers):
            return int(numbers[0]), int(numbers[1])
    return None


def debian11() -> Path | str:
    if sys.platform != "linux":
        return f"a chroot needs Linux (this is {sys.platform})"
    if os.geteuid() != 0:  # Linux only: checked above
        return "a chroot needs root (CI and this machine run as root)"
    debootstrap = shutil.which("debootstrap") or "/usr/sbin/debootstrap"
    if not Path(debootstrap).is_file():
        return "debootstrap is not installed (bash packaging/system-deps.sh --tests)"
    root = cache() / "debian11"
    if (root / ".made").is_file():
        return root
    building = cache() / "debian11.part"
    shutil.rmtree(building, ignore_errors=True)
    building.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [debootstrap, "--variant=minbase", f"--include={','.join(PACKAGES)}", SUITE,
         str(building), MIRROR],
        capture_output=True, text=True, timeout=1800,
    )
    if done.returncode != 0:
        lines = (done.stderr.strip() or done.stdout.strip()).splitlines()
        shutil.rmtree(building, ignore_errors=True)
        return f"debootstrap {SUITE} from {MIRROR} failed: {' / '.join(lines[-3:])}"
    shutil.rmtree(root, ignore_errors=True)
    building.rename(root)
    (root / ".made").write_text(f"{SUITE} {MIRROR}\n", encoding="utf-8")
    return root


def wrapper(root: Path, inside: str, folder: Path) -> Path:
    """An executable that runs ``inside`` (a path in the chroot) there, with the paths of
    its arguments and of its folder variables made relative to the chroot's root."""
    script = folder / "in-debian11"
    chroot = shutil.which("chroot") or "/usr/sbin/chroot"
    variables = (
        "HOME USERPROFILE ALLIANCE_REVIEW_DATA_DIR ALLIANCE_REVIEW_CONFIG_DIR"
        " ALLIANCE_REVIEW_LOG_DIR LOCPATH"
    )
    script.write_text(
        "#!/bin/bash\n"
        f"root='{root}'\n"
        'args=(); for a in "$@"; do args+=("${a#"$root"}"); done\n'
        f"for v in {variables}; do\n"
        '  if [[ -n "${!v:-}" ]]; then export "$v=${!v#"$root"}"; fi\n'
        "done\n"
        f'exec {chroot} "$root" {inside} "${{args[@]}}"\n',
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script

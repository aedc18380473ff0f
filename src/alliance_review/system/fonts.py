"""Where a Song/Ming style TrueType font may already be on this system (not bundled: 21 MB).

Government documents print tables in 宋体; the app bundles WenQuanYi Micro Hei (a sans) and
offers the system's Song font when it has one: SimSun on Windows (the system's or the user's
font folder), Songti on macOS, AR PL UMing on Debian/Ubuntu. reportlab embeds TrueType
outlines only, so a candidate counts only when its first face has a ``glyf`` table (an
OpenType/CFF file such as Noto Serif CJK is passed over rather than offered and refused).
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

from alliance_review.system.host import IS_MAC, IS_WINDOWS


def _windows_fonts() -> list[Path]:
    folders = [Path(os.environ.get("WINDIR") or r"C:\Windows") / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:  # fonts installed for one user only (Windows 10 1809 and later)
        folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return [folder / name for folder in folders for name in ("simsun.ttc", "SimSun.ttc")]


def song_candidates() -> tuple[tuple[str, Path], ...]:
    """(name shown to the user, path) of the Song/Ming fonts this platform may have."""
    if IS_WINDOWS:
        return tuple(("SimSun 宋体", path) for path in _windows_fonts())
    if IS_MAC:
        return (
            ("Songti SC 宋体", Path("/System/Library/Fonts/Supplemental/Songti.ttc")),
            ("Songti SC 宋体", Path("/Library/Fonts/Songti.ttc")),
        )
    return (
        ("AR PL UMing", Path("/usr/share/fonts/truetype/arphic/uming.ttc")),
        ("AR PL UMing", Path("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf")),
    )


def has_truetype_outlines(path: Path) -> bool:
    """Whether the file's first face is an sfnt font with TrueType (``glyf``) outlines."""
    try:
        with path.open("rb") as font:
            head = font.read(12)
            offset = 0
            if head[:4] == b"ttcf":  # a collection: the first face's offset follows
                font.seek(12)
                (offset,) = struct.unpack(">I", font.read(4))
                font.seek(offset)
                head = font.read(12)
            if len(head) < 12 or head[:4] not in (b"\x00\x01\x00\x00", b"true"):
                return False
            (tables,) = struct.unpack(">H", head[4:6])
            directory = font.read(16 * min(tables, 512))
    except (OSError, struct.error):
        return False
    return any(directory[i : i + 4] == b"glyf" for i in range(0, len(directory), 16))


def song_font() -> tuple[str, Path] | None:
    """The first Song/Ming style TrueType font found on this system, with its name."""
    for name, path in song_candidates():
        if path.is_file() and has_truetype_outlines(path):
            return name, path
    return None

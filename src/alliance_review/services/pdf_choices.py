"""What the publish tab offers before anything is printed: the Song/Ming style font the
system may have, and the appendix's default title. Without reportlab, so that showing the
tab does not import it (about half of opening a round's time on the GUI thread)."""

from __future__ import annotations

from pathlib import Path

from alliance_review.system.fonts import song_font


def system_song_font() -> Path | None:
    """A Song/Ming style TrueType font found on this system, if any (system.fonts)."""
    found = song_font()
    return found[1] if found is not None else None


def system_song_name() -> str:
    """The name of that font as the user knows it ("SimSun 宋体"), or "" without one."""
    found = song_font()
    return found[0] if found is not None else ""


def default_title(year: int) -> str:
    return f"{year} 年度产业技术创新战略联盟活跃度情况"

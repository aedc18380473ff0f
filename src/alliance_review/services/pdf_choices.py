"""What the publish tab offers before anything is printed: the Song/Ming style font the
system may have, and the appendix's default title. Without reportlab, so that showing the
tab does not import it (about half of opening a round's time on the GUI thread)."""

from __future__ import annotations

from pathlib import Path

# where a Song/Ming style TrueType font may already be on the system (not bundled: 21 MB)
SYSTEM_SONG = (
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
    Path("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"),
)


def system_song_font() -> Path | None:
    """A Song/Ming style TrueType font found on this system, if any."""
    return next((p for p in SYSTEM_SONG if p.is_file()), None)


def default_title(year: int) -> str:
    return f"{year} 年度产业技术创新战略联盟活跃度情况"

"""The system's Song/Ming font: found where each platform keeps it, TrueType outlines only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from alliance_review.system import fonts, host

BUNDLED = Path(__file__).resolve().parents[1] / "resources" / "fonts" / "wqy-microhei.ttc"


def cff_font(path: Path) -> Path:
    """The first bytes of an OpenType/CFF font (Noto Serif CJK, Source Han Serif)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    header = b"OTTO\x00\x02\x00\x20\x00\x01\x00\x00"
    path.write_bytes(header + b"CFF " + bytes(12) + b"head" + bytes(12))
    return path


def test_truetype_outlines_are_told_from_cff_and_from_anything_else(tmp_path: Path):
    assert fonts.has_truetype_outlines(BUNDLED)  # a collection: its first face is read
    assert not fonts.has_truetype_outlines(cff_font(tmp_path / "NotoSerifCJK.otf"))
    short = tmp_path / "cut.ttc"
    short.write_bytes(BUNDLED.read_bytes()[:14])
    assert not fonts.has_truetype_outlines(short)
    assert not fonts.has_truetype_outlines(tmp_path / "absent.ttf")
    assert not fonts.has_truetype_outlines(tmp_path)  # a folder


def on_windows(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setattr(fonts, "IS_WINDOWS", True)
    monkeypatch.setattr(fonts, "IS_MAC", False)
    windows = tmp_path / "Windows"
    monkeypatch.setenv("WINDIR", str(windows))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "AppData" / "Local"))
    return windows


def test_simsun_is_found_in_the_windows_font_folders(monkeypatch, tmp_path: Path):
    windows = on_windows(monkeypatch, tmp_path)
    assert fonts.song_font() is None
    mine = tmp_path / "AppData" / "Local" / "Microsoft" / "Windows" / "Fonts" / "simsun.ttc"
    mine.parent.mkdir(parents=True)
    shutil.copyfile(BUNDLED, mine)  # installed for this user only
    assert fonts.song_font() == ("SimSun 宋体", mine)
    system = windows / "Fonts" / "simsun.ttc"
    system.parent.mkdir(parents=True)
    shutil.copyfile(BUNDLED, system)
    assert fonts.song_font() == ("SimSun 宋体", system)  # the system's first


def test_a_cff_font_in_the_place_of_the_song_font_is_not_offered(monkeypatch, tmp_path: Path):
    windows = on_windows(monkeypatch, tmp_path)
    cff_font(windows / "Fonts" / "simsun.ttc")
    assert fonts.song_font() is None


def test_each_platform_looks_in_its_own_places(monkeypatch, tmp_path: Path):
    on_windows(monkeypatch, tmp_path)
    assert all(str(p).startswith(str(tmp_path)) for _, p in fonts.song_candidates())
    monkeypatch.setattr(fonts, "IS_WINDOWS", False)
    monkeypatch.setattr(fonts, "IS_MAC", True)
    assert {p.name for _, p in fonts.song_candidates()} == {"Songti.ttc"}
    monkeypatch.setattr(fonts, "IS_MAC", False)
    assert fonts.song_candidates()[0][1] == Path("/usr/share/fonts/truetype/arphic/uming.ttc")
    assert host.IS_WINDOWS is (fonts.os.name == "nt")

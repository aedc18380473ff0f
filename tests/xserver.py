"""A real X server with a window manager for window tests: Xvfb picks a free display,
openbox manages it (without a window manager no window is active and shortcuts stay
silent), xdotool types. Tests using it are skipped where those programs are absent."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

PROGRAMS = ("Xvfb", "openbox", "xdotool")


def missing() -> list[str]:
    return [p for p in PROGRAMS if shutil.which(p) is None]


@contextmanager
def x_server(size: str = "1280x800x24") -> Iterator[str]:
    """Start Xvfb and openbox; yield the DISPLAY value; stop both."""
    if missing():
        pytest.skip(f"no real X server here (missing: {', '.join(missing())})")
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", size, "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    display = f":{number}"
    env = dict(os.environ, DISPLAY=display)
    manager = subprocess.Popen(["openbox"], env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:  # openbox owns the screen once it says so
            probe = subprocess.run(
                ["xdotool", "getactivewindow"], env=env, capture_output=True, text=True
            )
            if "_NET_ACTIVE_WINDOW" not in probe.stderr:
                break
            time.sleep(0.1)
        yield display
    finally:
        manager.terminate()
        manager.wait(timeout=10)
        xvfb.terminate()
        xvfb.wait(timeout=10)


def xdotool(display: str, *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args],
        env=dict(os.environ, DISPLAY=display),
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.stdout


KEYSYMS = {".": "period", "-": "minus", " ": "space", "/": "slash"}


def type_keys(display: str, text: str) -> None:
    """Type ASCII ``text`` key by key by keysym name (``xdotool type`` remaps spare
    keycodes for some characters and then and now loses one)."""
    xdotool(display, "key", "--delay", "60", *(KEYSYMS.get(ch, ch) for ch in text))

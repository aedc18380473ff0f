"""Which platform the app runs on (tests may patch these to take the other branch)."""

from __future__ import annotations

import os
import sys

IS_WINDOWS = os.name == "nt"
IS_MAC = sys.platform == "darwin"
IS_POSIX = not IS_WINDOWS

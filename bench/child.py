"""Run one benchmark case in this (fresh) process and print its figures as one JSON line.

    python bench/child.py MODULE FUNCTION JSON_KWARGS

``MODULE`` is a file of ``bench/`` (without .py); ``FUNCTION(**kwargs)`` returns the
measured seconds (a float or a list of floats) or a dict of named figures. The parent
(``bench/table.py``) reaps this process with ``os.wait4`` to read its peak memory.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def own_peak_mb() -> float | None:
    """This process's own peak resident memory (``VmHWM``): unlike ``ru_maxrss`` it does
    not carry the peak of the process it was forked from."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def main() -> None:
    module, function, kwargs = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    result = getattr(importlib.import_module(module), function)(**kwargs)
    if result is None:
        result = {"seconds": [0.0]}
    elif isinstance(result, (int, float)):
        result = {"seconds": [float(result)]}
    elif isinstance(result, list):
        result = {"seconds": [float(x) for x in result]}
    result.setdefault("peak_mb", own_peak_mb())
    sys.stdout.write("RESULT " + json.dumps(result) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Install everything on a fresh machine and run the whole test suite headless.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/system-deps.sh --tests
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test,dev]"
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check src tests packaging bench
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"

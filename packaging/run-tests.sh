#!/usr/bin/env bash
# Install everything on a fresh machine and run the whole test suite headless.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/system-deps.sh --tests
bash packaging/venv.sh  # the versions of requirements/lock.txt
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check src tests packaging bench
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"

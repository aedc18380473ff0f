#!/usr/bin/env bash
# The virtual environment in .venv/ with the exact versions of requirements/ (hash-checked),
# then the app itself, editable, adding nothing else.
#   bash packaging/venv.sh        # everything: app, tests, dev tools, build (lock.txt)
#   bash packaging/venv.sh app    # the app alone (app.txt), as packaging/run-demo.sh uses it
# PYTHON=python3.11 chooses the interpreter that makes the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
lock=requirements/lock.txt
[[ "${1:-}" == "app" ]] && lock=requirements/app.txt
[[ -x .venv/bin/python ]] || "${PYTHON:-python3}" -m venv .venv
pip=(.venv/bin/python -m pip --disable-pip-version-check)
"${pip[@]}" install -q --require-hashes -r "$lock"
"${pip[@]}" install -q --no-deps -e .

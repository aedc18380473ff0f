#!/usr/bin/env bash
# Install everything on a fresh machine and run the whole test suite headless, tier by tier
# (tests/tiers.py): fast (core, storage, services, command line), lint and types, gui, slow.
# The first failing step stops the run.
#   bash packaging/run-tests.sh                # everything: what CI runs
#   bash packaging/run-tests.sh -m fast        # arguments go to one pytest run instead
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/system-deps.sh --tests
bash packaging/venv.sh  # the versions of requirements/lock.txt
export QT_QPA_PLATFORM=offscreen

lint() {
  .venv/bin/ruff check src tests packaging bench
  .venv/bin/mypy
}
tier() {
  local started=$SECONDS status=0 name=$1
  shift
  echo "== tier $name"
  .venv/bin/python -m pytest -m "$name" "$@" || status=$?
  [[ $status -eq 5 ]] && status=0  # no test in the tier: not a failure
  echo "== tier $name: $((SECONDS - started)) s"
  return "$status"
}

if [[ $# -gt 0 ]]; then
  lint
  exec .venv/bin/python -m pytest "$@"
fi
tier fast
lint
tier gui --timeout 600  # a window test waiting on a dialog nobody answers fails in 10 minutes
tier slow

#!/usr/bin/env bash
# Install the app on a fresh machine and open it on the built-in 2015 demo round.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/system-deps.sh --window
bash packaging/venv.sh app  # the versions of requirements/app.txt
demo="${1:-demo-round-2015.alr-round}"
[[ -f "$demo" ]] || .venv/bin/alliance-review demo "$demo"
if [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && "$(uname)" == "Linux" ]]; then
  echo "No display found: the window needs a desktop session (or run under xvfb-run)." >&2
  exit 1
fi
exec .venv/bin/alliance-review gui "$demo"

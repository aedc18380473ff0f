#!/bin/sh
# Register the app with the desktop for this user only: menu entry, icon, and the two file
# types (round .alr-round, reviewer file .alr-review; older .sqlite files by their content),
# so that double-clicking a file the liaison group mailed opens it in the app.
#
#   ./install.sh                 # from the unpacked bundle (dist/alliance-review/)
#   ./install.sh --bundle DIR    # the folder holding the alliance-review executable
#   ./install.sh --uninstall     # remove what install.sh added
#
# Writes only under $XDG_DATA_HOME (default ~/.local/share) and $XDG_CONFIG_HOME/mimeapps.list
# (through xdg-mime), and links ~/.local/bin/alliance-review to the executable.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
bundle=$here
uninstall=no
while [ $# -gt 0 ]; do
  case "$1" in
    --bundle) bundle=$(cd "$2" && pwd); shift 2 ;;
    --uninstall) uninstall=yes; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

# the desktop entry (without Exec, added here), MIME types and icons: beside this
# script in the bundle (desktop/), or in packaging/linux and resources/icons
if [ -f "$here/desktop/alliance-review-mime.xml" ]; then data=$here/desktop; else data=$here; fi
if [ -d "$data/icons" ]; then icons=$data/icons; else icons=$here/../../resources/icons; fi

share=${XDG_DATA_HOME:-$HOME/.local/share}
bin_dir=$HOME/.local/bin
types="application/x-alliance-review-round application/x-alliance-review-reviewer"

refresh() {
  if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$share/mime"
  fi
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$share/applications" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$share/icons/hicolor" 2>/dev/null || true
  fi
}

if [ "$uninstall" = yes ]; then
  rm -f "$share/applications/alliance-review.desktop" "$share/mime/packages/alliance-review.xml"
  for size in 16 24 32 48 64 128 256 512; do
    rm -f "$share/icons/hicolor/${size}x${size}/apps/alliance-review.png"
    for t in round reviewer; do
      rm -f "$share/icons/hicolor/${size}x${size}/mimetypes/application-x-alliance-review-$t.png"
    done
  done
  [ -L "$bin_dir/alliance-review" ] && rm -f "$bin_dir/alliance-review"
  refresh
  echo "Removed the desktop registration of Alliance Activity Review."
  exit 0
fi

executable=$bundle/alliance-review
if [ ! -x "$executable" ]; then
  echo "install.sh: no executable alliance-review in $bundle (use --bundle DIR)" >&2
  exit 1
fi

# Exec= of the desktop entry: a path without quotes wherever possible. xdg-open on a bare
# window manager (no desktop environment) reads Exec's first word itself and does not
# understand quotes: a quoted path made it fail. A bundle path that needs quoting (a space,
# "Program Files"-like) is reached through the link in ~/.local/bin; only when that too
# needs quoting is the path quoted as the desktop entry spec says (\ " ` $ escaped).
plain() { case "$1" in *[!A-Za-z0-9/._+-]*) return 1 ;; *) return 0 ;; esac; }
if plain "$executable"; then
  command=$executable
elif plain "$bin_dir/alliance-review"; then
  command=$bin_dir/alliance-review
else
  command=\"$(printf '%s' "$executable" | sed -e 's/[\\"`$]/\\\\&/g')\"
fi
mkdir -p "$share/applications" "$share/mime/packages" "$bin_dir"
entry=$share/applications/alliance-review.desktop
cp "$data/alliance-review.desktop" "$entry"
printf 'Exec=%s gui %%f\nTryExec=%s\n' "$command" "$executable" >> "$entry"
cp "$data/alliance-review-mime.xml" "$share/mime/packages/alliance-review.xml"
for size in 16 24 32 48 64 128 256 512; do
  icon=$icons/alliance-review-$size.png
  [ -f "$icon" ] || continue
  mkdir -p "$share/icons/hicolor/${size}x${size}/apps" "$share/icons/hicolor/${size}x${size}/mimetypes"
  cp "$icon" "$share/icons/hicolor/${size}x${size}/apps/alliance-review.png"
  for t in round reviewer; do
    cp "$icon" "$share/icons/hicolor/${size}x${size}/mimetypes/application-x-alliance-review-$t.png"
  done
done
ln -sf "$executable" "$bin_dir/alliance-review"
refresh
if command -v xdg-mime >/dev/null 2>&1; then
  # shellcheck disable=SC2086
  xdg-mime default alliance-review.desktop $types
else
  echo "install.sh: xdg-mime not found; choose the app for .alr-round/.alr-review files by hand" >&2
fi
echo "Registered Alliance Activity Review for $(id -un): $share/applications/alliance-review.desktop"

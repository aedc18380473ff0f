#!/usr/bin/env bash
# Install the system libraries Qt needs (Debian/Ubuntu), only those that are missing.
#   bash packaging/system-deps.sh --tests  # offscreen Qt, poppler, LibreOffice, xdg-utils (tests)
#   bash packaging/system-deps.sh --window # what a real X11 window needs
set -euo pipefail

packages=(libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3)
if [[ "${1:-}" == "--tests" ]]; then
  # pdffonts/pdftoppm for the PDF checks; soffice for the workbook round trip (about a minute)
  # and for opening the report draft (.docx) as an office suite does; AR PL UMing, a Song/Ming
  # TrueType font a user may point the PDFs to
  packages+=(poppler-utils libreoffice-calc-nogui libreoffice-writer-nogui fonts-arphic-uming)
  # desktop integration test: the MIME database and xdg-mime as a desktop uses them
  # (mimetype is xdg-mime's shared-mime-info reader on a machine without a desktop)
  packages+=(xdg-utils shared-mime-info libfile-mimeinfo-perl desktop-file-utils)
  # the bundle's tests: its glibc floor (objdump), a Debian 11 chroot (debootstrap), the
  # command line in a GBK locale (localedef's sources)
  packages+=(binutils debootstrap locales)
  # keyboard tests in a real X server with a window manager (tests/xserver.py), and the
  # libraries Qt's xcb platform needs there
  packages+=(xvfb openbox xdotool libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
             libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0
             libxcb-xinerama0)
fi
if [[ "${1:-}" == "--window" ]]; then
  packages+=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
             libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-xinerama0)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian-like system; install Qt's runtime libraries yourself." >&2
  exit 0
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "system-deps: installing ${missing[*]}"
sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
# other installers may hold the dpkg lock (parallel set-ups on one machine): wait for it
apt=(apt-get -o DPkg::Lock::Timeout=900)
$sudo "${apt[@]}" update -qq
$sudo "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

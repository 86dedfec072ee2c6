#!/usr/bin/env bash
# System libraries the application needs on Debian/Ubuntu: Qt's xcb/offscreen platform
# libraries, the Liberation fonts (metric twin of Times New Roman, used when Times New Roman
# is absent), and for tests LibreOffice Writer (renders our DOCX) and poppler (pdftoppm).
# --test and --windows add what builds the Windows application and setup on Linux and runs
# them under Wine (installer/build_windows.py): wine64, nsis (makensis), mingw-w64 (the
# test-only stand-in DLLs for the Wine prefix) and osslsigncode (checks the PSF's signatures).
# --test also adds SoftHSM2 (a real PKCS#11 token for the signing tests; pdfsig is in poppler-utils).
set -euo pipefail

packages=(
  python3-venv
  libxkbcommon-x11-0 libxkbcommon0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libcups2 libgssapi-krb5-2
  fonts-liberation2
)
windows=(wine64 nsis gcc-mingw-w64-x86-64 osslsigncode)
if [ "${1:-}" = "--test" ]; then
  packages+=(libreoffice-writer-nogui poppler-utils xvfb xauth binutils recode softhsm2 "${windows[@]}")
elif [ "${1:-}" = "--windows" ]; then
  packages+=(fonts-liberation2 "${windows[@]}")
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

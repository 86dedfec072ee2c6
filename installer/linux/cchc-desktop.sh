#!/bin/sh
# Start cchc-desktop from wherever this folder was unpacked (symlinks to this script work too).
#   ./cchc-desktop.sh                  opens the window
#   ./cchc-desktop.sh list             any command-line use: cchc-desktop --help
#   ./cchc-desktop.sh --install-menu   adds cchc-desktop to the application menu of this user
here=$(dirname "$(readlink -f "$0")")

if [ "${1:-}" = "--install-menu" ]; then
    apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
    mkdir -p "$apps"
    # The desktop entry needs absolute paths: point it at this folder.
    sed -e "s|^Exec=.*|Exec=\"$here/cchc-desktop.sh\"|" \
        -e "s|^Icon=.*|Icon=$here/cchc-desktop.png|" \
        "$here/cchc-desktop.desktop" > "$apps/cchc-desktop.desktop"
    echo "Đã thêm cchc-desktop vào trình đơn ứng dụng: $apps/cchc-desktop.desktop"
    exit 0
fi

exec "$here/cchc-desktop" "$@"

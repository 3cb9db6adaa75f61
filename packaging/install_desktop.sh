#!/bin/sh
# Install (or with --uninstall remove) hiplog's desktop entry, AppStream metainfo and icons for
# the current user, under ${XDG_DATA_HOME:-~/.local/share}.
# Usage: packaging/install_desktop.sh /absolute/path/to/hiplog      (the Exec of the entry)
#        packaging/install_desktop.sh --uninstall
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
app_id=io.github.hiplog.Hiplog
data=${XDG_DATA_HOME:-$HOME/.local/share}
sizes="16 32 48 64 128 256 512"

refresh() {
    if command -v update-desktop-database >/dev/null; then
        update-desktop-database -q "$data/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null && [ -f "$data/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$data/applications/$app_id.desktop" "$data/metainfo/$app_id.metainfo.xml" \
        "$data/icons/hicolor/scalable/apps/$app_id.svg"
    for size in $sizes; do
        rm -f "$data/icons/hicolor/${size}x${size}/apps/$app_id.png"
    done
    refresh
    echo "install-desktop: removed hiplog's desktop entry, metainfo and icons from $data"
    exit 0
fi

exec_path=${1:?usage: install_desktop.sh /absolute/path/to/hiplog}
case $exec_path in
    /*) ;;
    *) echo "install-desktop: give an absolute path, not $exec_path" >&2; exit 2 ;;
esac
case $exec_path in
    *[\"\`\$\\%]*) echo "install-desktop: the path $exec_path has a character a desktop entry cannot hold" >&2; exit 2 ;;
esac
[ -x "$exec_path" ] || { echo "install-desktop: $exec_path is not an executable (run make, or make dist)" >&2; exit 1; }

mkdir -p "$data/applications" "$data/metainfo" "$data/icons/hicolor/scalable/apps"
# Exec= gets the absolute path in double quotes, as the Desktop Entry spec allows for spaces.
awk -v exec_path="$exec_path" '/^Exec=/ { print "Exec=\"" exec_path "\""; next } { print }' \
    "$root/resources/desktop/$app_id.desktop" >"$data/applications/$app_id.desktop"
cp "$root/resources/desktop/$app_id.metainfo.xml" "$data/metainfo/"
cp "$root/resources/icons/hiplog.svg" "$data/icons/hicolor/scalable/apps/$app_id.svg"
for size in $sizes; do
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
    cp "$root/resources/icons/hiplog-$size.png" "$data/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$data/applications/$app_id.desktop"
fi
refresh
echo "install-desktop: installed $app_id (Exec=\"$exec_path\") under $data"

#!/bin/sh
# Install Preflight from this unpacked folder for the current user (no root needed):
#   ./install.sh              copy to ~/.local/opt/preflight, link ~/.local/bin/preflight{,-gui},
#                             add the menu entry, icon and the *.preflight.toml file type
#   ./install.sh --prefix DIR install under DIR instead of ~/.local (e.g. /usr/local, as root)
#   ./install.sh --uninstall  remove what the same prefix installed
# Without installing, the app also runs in place: ./preflight --version, ./preflight-gui
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix="${HOME}/.local"
action=install
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix="$2"; shift 2 ;;
        --prefix=*) prefix="${1#--prefix=}"; shift ;;
        --uninstall) action=uninstall; shift ;;
        -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done

appdir="$prefix/opt/preflight"
bindir="$prefix/bin"
share="$prefix/share"

refresh() {
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
    command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$share/mime" >/dev/null 2>&1 || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$share/icons/hicolor/index.theme" ] \
        && gtk-update-icon-cache -q -t -f "$share/icons/hicolor" || true
}

if [ "$action" = uninstall ]; then
    rm -rf "$appdir"
    rm -f "$bindir/preflight" "$bindir/preflight-gui" "$share/applications/preflight.desktop" \
        "$share/mime/packages/preflight.xml" \
        "$share/icons/hicolor/scalable/apps/preflight.svg" "$share/icons/hicolor/256x256/apps/preflight.png" \
        "$share/icons/hicolor/scalable/mimetypes/application-x-preflight-draft.svg"
    refresh
    echo "Preflight removed from $prefix"
    exit 0
fi

# Copy into a fresh folder first, then swap it in: a failed copy never leaves half an app behind.
mkdir -p "$prefix/opt" "$bindir" "$share/applications" "$share/mime/packages" \
    "$share/icons/hicolor/scalable/apps" "$share/icons/hicolor/256x256/apps" "$share/icons/hicolor/scalable/mimetypes"
tmp="$appdir.new.$$"
rm -rf "$tmp"
mkdir -p "$tmp"
for item in "$here"/*; do
    case "$(basename "$item")" in install.sh|share|README.txt) ;; *) cp -R "$item" "$tmp/" ;; esac
done
rm -rf "$appdir.old"
[ -d "$appdir" ] && mv "$appdir" "$appdir.old"
mv "$tmp" "$appdir"
rm -rf "$appdir.old"

ln -sf "$appdir/preflight" "$bindir/preflight"
ln -sf "$appdir/preflight-gui" "$bindir/preflight-gui"
sed "s|@BINDIR@|$bindir|g" "$here/share/applications/preflight.desktop" > "$share/applications/preflight.desktop"
cp "$here/share/mime/packages/preflight.xml" "$share/mime/packages/preflight.xml"
cp "$here/share/icons/hicolor/scalable/apps/preflight.svg" "$share/icons/hicolor/scalable/apps/preflight.svg"
cp "$here/share/icons/hicolor/256x256/apps/preflight.png" "$share/icons/hicolor/256x256/apps/preflight.png"
cp "$here/share/icons/hicolor/scalable/apps/preflight.svg" \
    "$share/icons/hicolor/scalable/mimetypes/application-x-preflight-draft.svg"
refresh

echo "Preflight installed in $appdir"
case ":$PATH:" in
    *":$bindir:"*) ;;
    *) echo "Note: $bindir is not on your PATH; add it, or run $appdir/preflight" ;;
esac

#!/bin/bash
# Make a drag-to-Applications disk image from the PyInstaller .app bundle (macOS only: hdiutil).
#   installer/macos/make_dmg.sh dist/Preflight.app dist/packages/Preflight-0.1.0.dmg
# build.py calls this after the smoke test. PyInstaller has already signed the bundle ad hoc
# (enough to run on the build Mac and on Apple silicon); set CODESIGN_IDENTITY to sign with a
# Developer ID, and NOTARY_PROFILE (a `xcrun notarytool store-credentials` profile) to notarise,
# so Gatekeeper opens it on other Macs without the right-click → Open detour.
set -euo pipefail

app="${1:?usage: make_dmg.sh PATH/Preflight.app OUT.dmg}"
dmg="${2:?usage: make_dmg.sh PATH/Preflight.app OUT.dmg}"
volname="Preflight"

[ -d "$app/Contents/MacOS" ] || { echo "make_dmg.sh: $app is not an .app bundle" >&2; exit 2; }
command -v hdiutil >/dev/null || { echo "make_dmg.sh: hdiutil not found (macOS only)" >&2; exit 2; }

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$app"
    codesign --verify --deep --strict "$app"
fi

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
ditto "$app" "$stage/$(basename "$app")"   # ditto keeps symlinks, extended attributes and signatures
ln -s /Applications "$stage/Applications"

mkdir -p "$(dirname "$dmg")"
tmp="$dmg.tmp.dmg"
rm -f "$tmp"
hdiutil create -volname "$volname" -srcfolder "$stage" -fs HFS+ -format UDZO -imagekey zlib-level=9 -ov "$tmp"
hdiutil verify "$tmp"
mv -f "$tmp" "$dmg"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$CODESIGN_IDENTITY" "$dmg"
fi
if [ -n "${NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
fi
echo "made $dmg"

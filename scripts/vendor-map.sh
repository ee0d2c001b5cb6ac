#!/bin/sh
# Reproduce bauantrag/static/vendor/ (Leaflet + Leaflet-Geoman) from the npm registry, pinned versions.
# Only the prebuilt dist files (JS, CSS, images) and the licence files are copied; nothing is loaded from a CDN.
set -eu

LEAFLET_VERSION=1.9.4
GEOMAN_VERSION=2.20.2

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEST="$ROOT/bauantrag/static/vendor"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
npm pack --silent "leaflet@$LEAFLET_VERSION" "@geoman-io/leaflet-geoman-free@$GEOMAN_VERSION" >/dev/null
mkdir leaflet geoman
tar -xzf "leaflet-$LEAFLET_VERSION.tgz" -C leaflet --strip-components=1
tar -xzf "geoman-io-leaflet-geoman-free-$GEOMAN_VERSION.tgz" -C geoman --strip-components=1

rm -rf "$DEST/leaflet" "$DEST/leaflet-geoman"
mkdir -p "$DEST/leaflet/images" "$DEST/leaflet-geoman"
cp leaflet/dist/leaflet.js leaflet/dist/leaflet.css "$DEST/leaflet/"
cp leaflet/dist/images/*.png "$DEST/leaflet/images/"
cp leaflet/LICENSE "$DEST/leaflet/LICENSE"
cp geoman/dist/leaflet-geoman.js geoman/dist/leaflet-geoman.css "$DEST/leaflet-geoman/"
cp geoman/LICENSE "$DEST/leaflet-geoman/LICENSE"

cat > "$DEST/SOURCES.md" <<MD
# Vendored map libraries

Copied from the npm registry by \`scripts/vendor-map.sh\` (prebuilt dist files and licence files only; do not edit).

| Directory | npm package | Version | Licence |
|---|---|---|---|
| \`leaflet/\` | \`leaflet\` | $LEAFLET_VERSION | BSD-2-Clause (see \`leaflet/LICENSE\`) |
| \`leaflet-geoman/\` | \`@geoman-io/leaflet-geoman-free\` | $GEOMAN_VERSION | MIT (see \`leaflet-geoman/LICENSE\`) |
MD
echo "vendored into $DEST"

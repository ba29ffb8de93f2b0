#!/usr/bin/env bash
# Reference pictures of the first frame of vtest.avi, decoded by Debian's ffmpeg CLI (5.1), for VideoNodesTest.
# Two small files rather than the whole frame (690 kB as PNG):
#   vtest-f0-crop.png    the centre 192x144 pixels (x 288, y 216), exact RGB
#   vtest-f0-blocks.png  the whole frame averaged over 8x8 blocks (96x72, area scaling), RGB
# CI never runs this. Usage: tools/oracles/vtest.sh [ASSETS_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
src="${1:-$root/assets}/video/vtest.avi"
out="$root/node-library/src/test/resources/oracles/video"
mkdir -p "$out"
ffmpeg -hide_banner -loglevel error -y -i "$src" -frames:v 1 -vf "crop=192:144:288:216" -pix_fmt rgb24 \
  "$out/vtest-f0-crop.png"
ffmpeg -hide_banner -loglevel error -y -i "$src" -frames:v 1 -vf "format=rgb24,scale=96:72:flags=area" \
  -pix_fmt rgb24 "$out/vtest-f0-blocks.png"
ffmpeg -version | sed -n 1p

#!/usr/bin/env bash
# Issue 7's two preview figures (see PreviewLoad's Javadoc): pipeline throughput with the preview panels open
# against the same graph with its previews disabled, and a 720p video preview against its 30 frames/s source.
# Both run in one JVM with real preview panels in a window on an X display (xvfb-run when there is no DISPLAY).
#
# The clip is the one video-vs-ffmpeg.sh uses: vtest.avi (tools/fetch-assets.sh) scaled to 1280x720, H.264,
# 30 frames/s, 300 frames, made once with Debian's ffmpeg.
#
# Usage: benchmarks/preview-load.sh [pipeline|video|all]      (-Drounds / -Dseconds through JAVA_OPTS)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
mode="${1:-all}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
jar="$here/target/benchmarks.jar"
clip="$here/target/clip-720p.mp4"
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -q -B package -pl benchmarks -am -DskipTests)
fi
if [ ! -f "$clip" ]; then
  command -v ffmpeg >/dev/null || { echo "needs Debian's ffmpeg to make the clip (apt-get install ffmpeg)" >&2; exit 1; }
  "$root/tools/fetch-assets.sh" >/dev/null
  ffmpeg -hide_banner -loglevel error -y -i "$root/assets/video/vtest.avi" -vf scale=1280:720 -r 30 \
    -frames:v 300 -c:v libx264 -preset veryfast -pix_fmt yuv420p "$clip"
fi
run=()
if [ -z "${DISPLAY:-}" ]; then
  run=(xvfb-run -a -s "-screen 0 1600x1000x24")
fi
cd "$root"
"${run[@]}" "$java" ${JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
  -cp "$jar" dev.weir.benchmarks.editor.PreviewLoad "$mode" "$clip"

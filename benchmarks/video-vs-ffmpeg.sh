#!/usr/bin/env bash
# The 720p filter chain (decode, grey, Gaussian 5x5, Laplacian 3x3) on Weir (JMH) and in ffmpeg's filtergraph, on
# the same file with the same thread count, one after the other on this machine, and the ratio of their frames/s.
#
# The clip is vtest.avi (a real street scene, from tools/fetch-assets.sh) scaled to 1280x720 and encoded as H.264,
# 300 frames, made once with Debian's ffmpeg. Both sides decode H.264 and convert to BGR24 and then to grey, so they
# do the same work: ffmpeg's graph is format=bgr24,format=gray,convolution(5x5 binomial = Gaussian 5x5),
# convolution(3x3 Laplacian). ffmpeg's convolution clips negative Laplacian values where Weir takes |x|: the same
# arithmetic per pixel.
#
# Usage: benchmarks/video-vs-ffmpeg.sh [THREADS] [extra JMH args]     (default THREADS = number of cores)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
threads="${1:-$(nproc)}"
shift || true
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
jar="$here/target/benchmarks.jar"
frames=300
clip="$here/target/clip-720p.mp4"
command -v ffmpeg >/dev/null || { echo "needs Debian's ffmpeg (apt-get install ffmpeg)" >&2; exit 1; }
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -q -B package -pl benchmarks -am -DskipTests)
fi
if [ ! -f "$clip" ]; then
  "$root/tools/fetch-assets.sh" >/dev/null
  ffmpeg -hide_banner -loglevel error -y -i "$root/assets/video/vtest.avi" -vf scale=1280:720 -r 30 \
    -frames:v "$frames" -c:v libx264 -preset veryfast -pix_fmt yuv420p "$clip"
fi

out="$here/target/video-chain.json"
"$java" -cp "$jar" org.openjdk.jmh.Main 'VideoChainBenchmark' -p clip="$clip" -p threads="$threads" \
  -rf json -rff "$out" -jvmArgs "-Xms2g -Xmx2g --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector" "$@"

gauss='1 4 6 4 1 4 16 24 16 4 6 24 36 24 6 4 16 24 16 4 1 4 6 4 1'
graph="format=bgr24,format=gray,convolution=0m='$gauss':0rdiv=1/256,convolution=0m='0 1 0 1 -4 1 0 1 0':0rdiv=1"
best="$(/usr/bin/python3 - "$threads" "$clip" "$graph" <<'PY'
import subprocess, sys, time
threads, clip, graph = sys.argv[1:4]
cmd = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-threads", threads, "-filter_threads", threads,
       "-i", clip, "-vf", graph, "-f", "null", "-"]
times = []
for _ in range(5):
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True)
    times.append(time.perf_counter() - t0)
print(min(times))
PY
)"

/usr/bin/python3 - "$out" "$best" "$frames" "$threads" <<'PY'
import json, sys
weir = json.load(open(sys.argv[1]))[0]["primaryMetric"]
best, frames, threads = float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
ff = frames / best
w = weir["score"]
print()
print(f"720p chain: decode H.264, BGR24, grey, Gaussian 5x5, Laplacian 3x3; {threads} threads, {frames} frames")
print(f"  weir   : {w:8.1f} frames/s (+- {weir['scoreError']:.1f})")
print(f"  ffmpeg : {ff:8.1f} frames/s (best of 5 runs, {best:.2f} s)")
print(f"  ratio weir / ffmpeg = {w / ff:.2f}x")
PY

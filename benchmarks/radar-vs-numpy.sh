#!/usr/bin/env bash
# The radar chain on Weir (JMH, two worker threads) and the same chain in numpy, run one after the other on this
# machine, with both ratios: Weir against real time (PRI 350 us = 2857 pulses/s) and against numpy.
# Needs Debian's python3-numpy and python3-scipy (run with /usr/bin/python3, which sees Debian's packages).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
jar="$here/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  (cd "$here/.." && mvn -q -B package -pl benchmarks -am -DskipTests)
fi
out="$here/target/radar-chain.json"
"$java" -cp "$jar" org.openjdk.jmh.Main 'RadarChainBenchmark' -rf json -rff "$out" \
  -jvmArgs '-Xms1g -Xmx1g -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED' "$@"
numpy_line="$(/usr/bin/python3 "$here/python/radar_chain.py" --cpis 300)"
/usr/bin/python3 - "$out" "$numpy_line" <<'PY'
import json, sys
weir = json.load(open(sys.argv[1]))[0]["primaryMetric"]
numpy = json.loads(sys.argv[2])
realtime = 1 / 350e-6
w, n = weir["score"], numpy["pulses_per_s"]
print()
print(f"radar chain, 1000 samples/pulse, 16 pulses/CPI, 2 worker threads")
print(f"  weir  : {w:12.0f} pulses/s (+- {weir['scoreError']:.0f})")
print(f"  numpy : {n:12.0f} pulses/s (vectorised per CPI, numpy {numpy['numpy']})")
print(f"  real time: {realtime:9.0f} pulses/s")
print(f"  ratio weir / real time = {w / realtime:.1f}x")
print(f"  ratio weir / numpy     = {w / n:.2f}x")
PY

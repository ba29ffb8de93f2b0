#!/usr/bin/env bash
# Runs the cross-process edge benchmarks (IpcBench) with Chronicle's JVM flags (JvmFlags.CHRONICLE, as ./weir has them).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
flags=$(sed -n '/^chronicle=(/,/^)/p' "$here/weir" | sed '1d;$d' | tr -d ' ')
exec "$JAVA_HOME/bin/java" $flags -Xmx1g -cp "$here/benchmarks/target/benchmarks.jar" dev.weir.benchmarks.IpcBench "$@"

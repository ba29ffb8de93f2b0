#!/usr/bin/env bash
# Builds Weir's Linux packages from app/target/weir.jar with the JDK's jlink and jpackage:
#
#   installers/target/jpackage/image/weir/          the app image: bin/weir, lib/runtime (trimmed JDK), lib/app
#                                                   (weir.jar), lib/examples, lib/assets, lib/NOTICE.txt
#   installers/target/jpackage/weir_VERSION_amd64.deb   the same, installed under /opt/weir, with a desktop entry,
#                                                   the .dag MIME type, /usr/bin/weir
#
# Run by `mvn -Pinstallers package` (installers/pom.xml), which passes the settings below; it also runs on its own
# after `mvn package` (the defaults find the repository from this file). Steps:
#   1. fetch the assets (tools/fetch-assets.sh, idempotent: the YOLO model and the examples' video, see ASSETS.md)
#   2. copy weir.jar without other platforms' natives (JarTrimmer)
#   3. check the JDK modules jdeps finds against the two lists below, then jlink the runtime from them
#   4. stage the examples, the assets they read (bundled-assets.txt) and the notices
#   5. ask the runtime which JVM flags the launcher needs (dev.weir.engine.ipc.JvmFlags), jpackage the app image,
#      check that it validates every example with no JDK in sight
#   6. jpackage the .deb from the image (skipped with WEIR_PACKAGE_TYPES=app-image)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${WEIR_ROOT:-$(cd "$here/../../../.." && pwd)}"
pkg="$root/installers/src/main/package"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
version="${WEIR_PACKAGE_VERSION:-0.1.0}"
# jpackage writes the Debian Maintainer field as "VENDOR <EMAIL>".
vendor="Weir"
maintainer_email="${WEIR_PACKAGE_MAINTAINER_EMAIL:-maintainers@weir.invalid}"
description="Visual pipeline editor and streaming engine for signal, video and radar processing"
app_jar="${WEIR_APP_JAR:-$root/app/target/weir.jar}"
trimmer_cp="${WEIR_TRIMMER_CLASSES:-$root/installers/target/classes}"
out="${WEIR_PACKAGE_OUT:-$root/installers/target/jpackage}"
types="${WEIR_PACKAGE_TYPES:-app-image deb}"

# The JDK modules the runtime gets. jdeps on weir.jar must find nothing outside MODULES and LEFT_OUT (step 3), so a
# new dependency on a module is a decision, not an accident. jlink adds what these require (java.security.sasl,
# java.transaction.xa).
MODULES=(
  java.base
  java.compiler          # javax.tools, referenced by Chronicle Wire (it compiles nothing for Weir)
  java.logging           # java.util.logging: JavaFX, ONNX Runtime, JNA, JTransforms, the editor
  java.management        # MXBeans: run metrics, Chronicle
  java.naming            # Chronicle Core
  java.sql               # java.sql date types in Jackson and Chronicle Wire
  java.xml               # JavaFX fonts, Jackson
  jdk.incubator.vector   # the image kernels' Vector API bodies
  jdk.management         # com.sun.management.ThreadMXBean: per-thread CPU and allocation in run metrics
  jdk.unsupported        # sun.misc.Unsafe for Chronicle, JavaFX, JCTools-style code
)
# Modules jdeps sees referenced but Weir never loads, left out to keep the runtime small (about 25 MB):
#   java.desktop  AWT, Swing and java.beans: JavaFX's Java2D pipeline and Swing interop (Weir draws with Prism's
#                 ES2 and software pipelines on GTK), JNA's AWT helpers, Jackson's optional java.beans support
#   jdk.jfr       JavaFX's optional JFR pulse logging
#   jdk.compiler  not named by jdeps, but by Chronicle's --add-opens; JvmFlags drops those flags on this runtime
LEFT_OUT=(java.desktop jdk.jfr)

say() { echo "build-packages: $*"; }
die() { echo "build-packages: $*" >&2; exit 1; }

for tool in jlink jpackage jdeps java; do
  [[ -x "$JAVA_HOME/bin/$tool" ]] || die "$JAVA_HOME/bin/$tool not found; set JAVA_HOME to a JDK 25"
done
[[ -f "$app_jar" ]] || die "$app_jar is missing: build it first (mvn -pl app -am package -DskipTests)"
[[ -d "$trimmer_cp/dev/weir/installers" ]] || die "$trimmer_cp holds no JarTrimmer: build the installers module"
if [[ " $types " == *" deb "* ]]; then
  for tool in fakeroot dpkg-deb dpkg; do
    command -v "$tool" >/dev/null || die "'$tool' is missing; jpackage needs it for the .deb (apt-get install fakeroot dpkg)"
  done
fi

rm -rf "$out"
mkdir -p "$out/input" "$out/image"

say "1/6 assets"
bash "$root/tools/fetch-assets.sh" "$root/assets"

say "2/6 weir.jar without other platforms' natives"
"$JAVA_HOME/bin/java" -cp "$trimmer_cp" dev.weir.installers.JarTrimmer "$app_jar" "$out/input/weir.jar"

say "3/6 runtime"
found="$("$JAVA_HOME/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 25 -q "$out/input/weir.jar")"
for m in ${found//,/ }; do
  if [[ " ${MODULES[*]} ${LEFT_OUT[*]} " != *" $m "* ]]; then
    die "weir.jar now uses JDK module $m: add it to MODULES (or LEFT_OUT, with the reason) in $0"
  fi
done
modules="$(IFS=,; echo "${MODULES[*]}")"
# No --strip-native-commands: bin/java stays, because multi-process graphs start worker JVMs with it
# (engine/ipc Supervisor, java.home/bin/java).
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --output "$out/runtime" 2>&1 | { grep -v "Using incubator modules" || true; }

say "4/6 examples, assets and notices"
# jpackage carries only bin/ and lib/ of an image into the .deb, so these go where its --app-content puts them on
# Linux: lib/. That folder is Weir's home (InputFiles), where relative input paths are looked up.
content="$out/content"
mkdir -p "$content/examples" "$content/assets"
cp "$root"/examples/*.dag "$content/examples/"
mapfile -t bundled < <(grep -v '^\s*\(#\|$\)' "$pkg/bundled-assets.txt")
mapfile -t referenced < <(grep -oh '"assets/[^"]*"' "$root"/examples/*.dag | tr -d '"' | sed 's|^assets/||' | sort -u)
for a in "${referenced[@]}"; do
  [[ " ${bundled[*]} " == *" $a "* ]] || die "an example reads assets/$a, which bundled-assets.txt does not list"
done
for a in "${bundled[@]}"; do
  grep -qF "$a" "$pkg/NOTICE.txt" || die "NOTICE.txt does not state the licence of bundled asset $a"
  mkdir -p "$content/assets/$(dirname "$a")"
  cp "$root/assets/$a" "$content/assets/$a"
done
cp "$pkg/NOTICE.txt" "$content/NOTICE.txt"
chmod -R a+rX,go-w "$content"

say "5/6 app image"
mapfile -t flags < <("$out/runtime/bin/java" -cp "$out/input/weir.jar" dev.weir.engine.ipc.JvmFlags)
(( ${#flags[@]} > 5 )) || die "JvmFlags printed no launcher flags"
java_options=()
for f in "${flags[@]}"; do
  java_options+=(--java-options "$f")
done
# $ROOTDIR is the image's top folder (jpackage expands it when the launcher starts).
java_options+=(--java-options '-Dweir.home=$ROOTDIR/lib')
"$JAVA_HOME/bin/jpackage" --type app-image --dest "$out/image" \
  --name weir --app-version "$version" --vendor "$vendor" --description "$description" \
  --input "$out/input" --main-jar weir.jar --main-class dev.weir.app.Weir \
  --runtime-image "$out/runtime" "${java_options[@]}" --icon "$pkg/resources/weir.png" \
  --app-content "$content/examples,$content/assets,$content/NOTICE.txt"
image="$out/image/weir"

# The image must work with no JDK on the PATH, from a folder that has none of the examples' inputs.
check_home="$(mktemp -d)"
trap 'rm -rf "$check_home"' EXIT
(cd "$check_home" && env -i HOME="$check_home" PATH=/nonexistent "$image/bin/weir" validate \
  $(cd "$image/lib" && ls examples/*.dag)) || die "the app image does not validate its examples"

image_size="$(du -sb "$image" | cut -f1)"
say "app image $image: $(du -sh "$image" | cut -f1) ($image_size bytes): runtime $(du -sh "$image/lib/runtime" | cut -f1), weir.jar $(du -sh "$image/lib/app/weir.jar" | cut -f1), assets $(du -sh "$image/lib/assets" | cut -f1)"
{
  echo "app-image-bytes=$image_size"
  echo "runtime-bytes=$(du -sb "$image/lib/runtime" | cut -f1)"
  echo "jar-bytes=$(stat -c %s "$image/lib/app/weir.jar")"
  echo "assets-bytes=$(du -sb "$image/lib/assets" | cut -f1)"
} > "$out/sizes.properties"

if [[ " $types " != *" deb "* ]]; then
  say "done (no .deb: WEIR_PACKAGE_TYPES=$types)"
  exit 0
fi

say "6/6 .deb"
cat > "$out/dag.properties" <<EOF
# .dag files: Weir opens them (jpackage writes the shared-mime-info XML and the desktop entry's MimeType).
extension=dag
mime-type=application/x-weir-dag
description=Weir graph
icon=$pkg/resources/weir.png
EOF
# Depends: jpackage adds what the runtime's own libraries need (libc6) and xdg-utils for the desktop entry. The
# natives inside weir.jar are invisible to it: ONNX Runtime and FFmpeg need the C++ runtime, the editor GTK 3, GL and
# the X extensions JavaFX's glass and Prism load.
"$JAVA_HOME/bin/jpackage" --type deb --app-image "$image" --dest "$out" \
  --name weir --app-version "$version" --vendor "$vendor" --description "$description" \
  --linux-deb-maintainer "$maintainer_email" --linux-app-category science \
  --linux-menu-group "Development;Science;" --linux-shortcut \
  --linux-package-deps "libstdc++6, libgcc-s1, libgtk-3-0 | libgtk-3-0t64, libgl1, libxtst6, libxxf86vm1" \
  --file-associations "$out/dag.properties" --license-file "$pkg/NOTICE.txt" \
  --resource-dir "$pkg/resources"
deb="$out/weir_${version}_amd64.deb"
[[ -f "$deb" ]] || die "jpackage made no $deb"
echo "deb-bytes=$(stat -c %s "$deb")" >> "$out/sizes.properties"
say "package $deb: $(du -h "$deb" | cut -f1) ($(stat -c %s "$deb") bytes)"

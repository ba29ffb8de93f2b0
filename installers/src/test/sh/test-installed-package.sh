#!/usr/bin/env bash
# Installs Weir's .deb with dpkg and tests the installed Weir the way a user meets it: no JDK and no Maven on the
# PATH, a working directory without any of the examples' files, a fresh home directory. Then purges the package.
# Run by `mvn -Pinstallers verify` (installers/pom.xml, phase integration-test), so CI runs it.
#
#   test-installed-package.sh DEB
#
# Needs root (or password-less sudo) for dpkg, the packages the .deb depends on (.ci/run installs them), and an X
# display for the editor check: $DISPLAY (CI runs the build under xvfb-run) or xvfb-run.
set -euo pipefail

deb="${1:?usage: test-installed-package.sh DEB}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
resources="$here/../resources"
prefix=/opt/weir

step() { echo "test-installed-package: $*"; }
fail() { echo "test-installed-package: FAILED: $*" >&2; exit 1; }

[[ -f "$deb" ]] || fail "$deb does not exist; build it with mvn -Pinstallers package"
if [[ $EUID -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  fail "installing a .deb needs root: run as root, or with password-less sudo"
fi
if [[ -z "${DISPLAY:-}" ]] && ! command -v xvfb-run >/dev/null; then
  fail "the editor check needs an X display: set DISPLAY or install xvfb (apt-get install xvfb xauth)"
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
home="$tmp/home"      # a user's home: JavaCPP and JavaFX unpack their natives here, the editor keeps its state here
work="$tmp/work"      # the working directory: holds none of the examples' inputs, receives their outputs
nopath="$tmp/empty"   # the PATH: an empty folder, so no java, javac, mvn or anything else can be found
mkdir -p "$home" "$work" "$nopath"

# Runs a command as a user would, with only what the installed package brings.
as_user() {
  (cd "$work" && env -i HOME="$home" PATH="$nopath" LANG=C.UTF-8 ${DISPLAY:+DISPLAY="$DISPLAY"} \
    ${XAUTHORITY:+XAUTHORITY="$XAUTHORITY"} "$@")
}
expect() { # expect WHAT OUTPUT TEXT...: each TEXT must occur in OUTPUT
  local what="$1" output="$2"
  shift 2
  for text in "$@"; do
    grep -qF -- "$text" <<<"$output" || fail "$what: expected '$text' in its output:"$'\n'"$output"
  done
}

if dpkg-query -W -f='${Status}' weir 2>/dev/null | grep -q "install ok installed"; then
  step "removing the weir package installed before, to test a fresh install"
  "${as_root[@]}" dpkg -r weir
fi

step "1. dpkg -i $deb"
"${as_root[@]}" dpkg -i "$deb" || fail "dpkg -i failed; if it names missing dependencies, install them (.ci/run does)"

step "2. what the package installed"
[[ -x $prefix/bin/weir ]] || fail "$prefix/bin/weir is missing"
[[ "$(readlink -f /usr/bin/weir)" == "$prefix/bin/weir" ]] || fail "/usr/bin/weir does not lead to $prefix/bin/weir"
[[ -x $prefix/lib/runtime/bin/java ]] || fail "the runtime has no bin/java for worker JVMs"
[[ ! -e $prefix/lib/runtime/bin/javac ]] || fail "the runtime is a whole JDK"
runtime_modules="$($prefix/lib/runtime/bin/java --list-modules)"
for m in javafx java.desktop jdk.compiler; do
  ! grep -q "^$m" <<<"$runtime_modules" || fail "the runtime links $m, which Weir does not need"
done
desktop=/usr/share/applications/weir-weir.desktop
[[ -f $desktop ]] || fail "no desktop entry at $desktop"
expect "$desktop" "$(cat $desktop)" "Exec=$prefix/bin/weir edit %f" "MimeType=application/x-weir-dag" \
  "Icon=$prefix/lib/weir.png" "Name=Weir"
[[ -f $prefix/lib/weir.png ]] || fail "the icon is missing"
expect "the MIME type" "$(cat /usr/share/mime/packages/weir-weir-MimeInfo.xml)" 'type="application/x-weir-dag"' \
  '<glob pattern="*.dag"'
# What file managers read: shared-mime-info's glob table (*.dag is a Weir graph) and the desktop database (Weir
# opens Weir graphs), both rebuilt by the xdg-utils calls in the package's postinst.
command -v update-mime-database >/dev/null && command -v update-desktop-database >/dev/null \
  || fail "the association needs shared-mime-info and desktop-file-utils installed (.ci/run installs them)"
grep -q ':application/x-weir-dag:\*\.dag' /usr/share/mime/globs2 \
  || fail "the MIME database does not map *.dag to application/x-weir-dag"
grep -q '^application/x-weir-dag=.*weir-weir.desktop' /usr/share/applications/mimeinfo.cache \
  || fail "the desktop database does not open application/x-weir-dag with weir-weir.desktop"
for f in NOTICE.txt assets/models/yolov8n.onnx assets/models/yolov8n.LICENSE assets/models/AGPL-3.0.txt \
         assets/video/vtest.avi; do
  [[ -f $prefix/lib/$f ]] || fail "$prefix/lib/$f is missing"
done
expect "the package's copyright file" "$(cat $prefix/share/doc/copyright)" "yolov8n.onnx" "AGPL-3.0"

step "3. the command line, with no java or mvn on the PATH"
as_user /bin/bash -c 'if command -v java || command -v mvn; then exit 1; fi' || fail "java or mvn is on the test's PATH"
out="$(as_user /usr/bin/weir --version)"
expect "weir --version" "$out" "weir 0.1.0"
# Relative names that only Weir's home (the installation) has: InputFiles finds them there.
examples=()
for f in $prefix/lib/examples/*.dag; do examples+=("examples/$(basename "$f")"); done
out="$(as_user /usr/bin/weir validate "${examples[@]}" 2>&1)" || fail "weir validate failed:"$'\n'"$out"
[[ "$(grep -c ': ok (' <<<"$out")" -eq "${#examples[@]}" ]] || fail "not every example is valid:"$'\n'"$out"
out="$(as_user /usr/bin/weir nodes --json)"
expect "weir nodes --json" "$out" '"vision.yolo"' '"video.file_source"'

out="$(as_user /usr/bin/weir run examples/fft-sinusoids.dag --duration 2s 2>&1)" \
  || fail "weir run fft-sinusoids failed:"$'\n'"$out"
expect "weir run fft-sinusoids" "$out" "summary: graph" "dsp.fft"

# Video in, YOLOv8n on ONNX Runtime, H.264 out: the natives of FFmpeg and ONNX Runtime from the trimmed jar, the
# model and video from the installation, the output in the working directory.
out="$(as_user /usr/bin/weir run examples/yolo-detect.dag --duration 2s 2>&1)" \
  || fail "weir run yolo-detect failed:"$'\n'"$out"
expect "weir run yolo-detect" "$out" "summary: graph"
grep -Eq '^yolo +vision.yolo +[A-Z]+ +[1-9][0-9]* +[1-9]' <<<"$out" || fail "YOLO detected on no picture:"$'\n'"$out"
[[ -s "$work/yolo-detect.mp4" ]] || fail "yolo-detect wrote no $work/yolo-detect.mp4:"$'\n'"$out"

# A worker JVM: the supervisor starts it with the runtime's own bin/java (there is no other java here), and the
# queue between the processes is Chronicle's, on a runtime without jdk.compiler. Then replay what was recorded.
cp "$resources/two-processes.dag" "$work/"
out="$(as_user /usr/bin/weir run two-processes.dag --record e1=rec --stats 0 2>&1)" \
  || fail "weir run two-processes failed:"$'\n'"$out"
expect "weir run two-processes" "$out" "completed" "worker               COMPLETED"
grep -Eq '^x2 +basic.multiply +FINISHED +977 +977' <<<"$out" || fail "x2 did not get all 977 frames:"$'\n'"$out"
out="$(as_user /usr/bin/weir replay rec/e1 --into two-processes.dag --stats 0 2>&1)" \
  || fail "weir replay failed:"$'\n'"$out"
grep -Eq '^replay_e1 +replay.queue_source +FINISHED +0 +977' <<<"$out" || fail "the replay lost frames:"$'\n'"$out"

step "4. the editor window, on an X display"
gui() {
  if [[ -n "${DISPLAY:-}" ]]; then
    as_user "$@"
  else
    xvfb-run -a -s "-screen 0 1600x1000x24" bash -c 'cd "$1" && shift && env -i HOME="$1" PATH="$2" LANG=C.UTF-8 \
      DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" "${@:3}"' _ "$work" "$home" "$nopath" "$@"
  fi
}
out="$(gui /usr/bin/weir edit --smoke examples/yolo-detect.dag 2>&1)" || fail "weir edit --smoke failed:"$'\n'"$out"
expect "weir edit --smoke" "$out" "weir: editor window 'yolo-detect.dag" "shown at"
# What a double-click on a .dag file runs: the desktop entry's command with the file for %f (plus --smoke).
exec_line="$(sed -n 's/^Exec=//p' $desktop)"
read -r -a double_click <<<"${exec_line/\%f/$work/two-processes.dag}"
out="$(gui "${double_click[@]}" --smoke 2>&1)" || fail "the desktop entry's command failed:"$'\n'"$out"
expect "${double_click[*]} --smoke" "$out" "weir: editor window 'two-processes.dag"
out="$(gui /usr/bin/weir "$work/two-processes.dag" --smoke 2>&1)" || fail "weir FILE.dag --smoke failed:"$'\n'"$out"
expect "weir FILE.dag --smoke" "$out" "weir: editor window 'two-processes.dag"

step "5. dpkg --purge weir (remove, and forget the package, leaving the machine as it was)"
"${as_root[@]}" dpkg --purge weir
for f in $prefix /usr/bin/weir $desktop /usr/share/mime/packages/weir-weir-MimeInfo.xml; do
  [[ ! -e $f ]] || fail "$f is still there after removing the package"
done
! grep -q 'weir-weir.desktop' /usr/share/applications/mimeinfo.cache || fail ".dag files still open with Weir"
! dpkg-query -W weir >/dev/null 2>&1 || fail "dpkg still knows the weir package"
step "all checks passed"

package dev.weir.installers;

import dev.weir.installers.JarTrimmer.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JarTrimmerTest {

    @TempDir
    Path tmp;

    @Test
    void nativesOfLinuxOnX8664AreKeptAndEveryOtherPlatformsDropped() {
        // Entry names as they are in weir.jar (ONNX Runtime, JavaCPP's FFmpeg, JNA and jffi through Chronicle, JavaFX).
        for (String keep : List.of(
                "ai/onnxruntime/native/linux-x64/libonnxruntime.so",
                "ai/onnxruntime/native/linux-x64/libonnxruntime4j_jni.so",
                "org/bytedeco/ffmpeg/linux-x86_64/libavcodec.so.62",
                "org/bytedeco/javacpp/linux-x86_64/libjnijavacpp.so",
                "com/sun/jna/linux-x86-64/libjnidispatch.so",
                "jni/x86_64-Linux/libjffi-1.2.so",
                "libglassgtk3.so",
                "libprism_es2.so")) {
            assertThat(JarTrimmer.classify(keep)).as(keep).isEqualTo(Verdict.KEEP);
        }
        for (String drop : List.of(
                "ai/onnxruntime/native/linux-aarch64/libonnxruntime.so",
                "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib",
                "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib.dSYM/Contents/Resources/DWARF/libonnxruntime.dylib",
                "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib.dSYM/Contents/Info.plist",
                "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib.dSYM/Contents/Resources/Relocations/aarch64/libonnxruntime.dylib.yml",
                "ai/onnxruntime/native/win-x64/onnxruntime.dll",
                "com/sun/jna/win32-x86-64/jnidispatch.dll",
                "com/sun/jna/darwin/libjnidispatch.jnilib",
                "com/sun/jna/aix-ppc64/libjnidispatch.a",
                "com/sun/jna/linux-x86/libjnidispatch.so",
                "com/sun/jna/linux-armel/libjnidispatch.so",
                "com/sun/jna/sunos-x86-64/libjnidispatch.so",
                "com/sun/jna/freebsd-x86-64/libjnidispatch.so",
                "jni/Darwin/libjffi-1.2.jnilib",
                "jni/aarch64-Linux/libjffi-1.2.so",
                "jni/i386-Windows/jffi-1.2.dll",
                "jni/x86_64-DragonFlyBSD/libjffi-1.2.so",
                "jni/loongarch64-Linux/libjffi-1.2.so")) {
            assertThat(JarTrimmer.classify(drop)).as(drop).isEqualTo(Verdict.DROP);
        }
        // Classes are never natives, even in packages named like a platform.
        assertThat(JarTrimmer.classify("com/sun/jna/platform/win32/Kernel32.class")).isEqualTo(Verdict.KEEP);
        assertThat(JarTrimmer.classify("org/bytedeco/ffmpeg/linux-x86_64/ffmpeg")).isEqualTo(Verdict.KEEP);
        // Natives whose platform cannot be told are not guessed at.
        assertThat(JarTrimmer.classify("META-INF/native/libnetty_transport_native_epoll_x86_64.so"))
                .isEqualTo(Verdict.UNKNOWN);
        assertThat(JarTrimmer.classify("natives/linux/libfoo.so")).isEqualTo(Verdict.UNKNOWN);
        assertThat(JarTrimmer.classify("libfoo.dylib")).isEqualTo(Verdict.UNKNOWN);
    }

    private static Path jar(Path file, List<String> names) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
            for (String name : names) {
                out.putNextEntry(new JarEntry(name));
                if (!name.endsWith("/")) {
                    out.write(("content of " + name).getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        return file;
    }

    private static Map<String, String> entries(Path file) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (JarFile jar = new JarFile(file.toFile())) {
            for (JarEntry e : Collections.list(jar.entries())) {
                out.put(e.getName(), e.isDirectory() ? "" : new String(jar.getInputStream(e).readAllBytes(),
                        StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void trimmingDropsTheFilesAndTheFoldersTheyLeaveEmpty() throws IOException {
        List<String> names = new ArrayList<>(List.of("META-INF/", "META-INF/MANIFEST.MF",
                "dev/", "dev/weir/", "dev/weir/A.class", "libglass.so",
                "ai/", "ai/onnxruntime/", "ai/onnxruntime/OrtSession.class",
                "ai/onnxruntime/native/", "ai/onnxruntime/native/linux-x64/",
                "ai/onnxruntime/native/linux-x64/libonnxruntime.so",
                "ai/onnxruntime/native/osx-aarch64/", "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib",
                "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib.dSYM/",
                "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib.dSYM/Contents/",
                "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib.dSYM/Contents/Info.plist",
                "com/", "com/sun/", "com/sun/jna/", "com/sun/jna/win32-x86/", "com/sun/jna/win32-x86/jnidispatch.dll",
                "com/sun/jna/platform/", "com/sun/jna/platform/win32/", "com/sun/jna/platform/win32/Kernel32.class"));
        Path in = jar(tmp.resolve("in.jar"), names);
        Path out = tmp.resolve("out.jar");

        JarTrimmer.Summary s = JarTrimmer.trim(in, out);

        Map<String, String> before = entries(in);
        Map<String, String> after = entries(out);
        assertThat(after.keySet()).containsExactlyInAnyOrder("META-INF/", "META-INF/MANIFEST.MF",
                "dev/", "dev/weir/", "dev/weir/A.class", "libglass.so",
                "ai/", "ai/onnxruntime/", "ai/onnxruntime/OrtSession.class",
                "ai/onnxruntime/native/", "ai/onnxruntime/native/linux-x64/",
                "ai/onnxruntime/native/linux-x64/libonnxruntime.so",
                "com/", "com/sun/", "com/sun/jna/",
                "com/sun/jna/platform/", "com/sun/jna/platform/win32/", "com/sun/jna/platform/win32/Kernel32.class");
        after.forEach((name, content) -> assertThat(content).as(name).isEqualTo(before.get(name)));
        assertThat(s.kept()).containsExactlyInAnyOrder("libglass.so", "ai/onnxruntime/native/linux-x64/libonnxruntime.so");
        assertThat(s.dropped()).containsExactlyInAnyOrder("ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib",
                "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib.dSYM/Contents/Info.plist",
                "com/sun/jna/win32-x86/jnidispatch.dll");
        assertThat(s.droppedBytes()).isEqualTo(s.dropped().stream()
                .mapToLong(n -> ("content of " + n).length()).sum());
        assertThat(entries(in)).as("the input is left alone").isEqualTo(before).hasSize(names.size());
    }

    @Test
    void aNativeOfUnknownPlatformFailsTheTrimAndLeavesNoOutput() throws IOException {
        Path in = jar(tmp.resolve("in.jar"), List.of("dev/weir/A.class", "META-INF/native/libnetty_epoll.so",
                "natives/linux/libfoo.so"));
        Path out = tmp.resolve("out.jar");
        assertThatThrownBy(() -> JarTrimmer.trim(in, out))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("META-INF/native/libnetty_epoll.so")
                .hasMessageContaining("natives/linux/libfoo.so");
        assertThat(out).doesNotExist();
    }
}

package dev.weir.nodes.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.testing.Frames;
import dev.weir.engine.api.testing.ProcessorVerifier;
import dev.weir.engine.api.testing.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The file nodes against golden files written by numpy and scipy (tools/oracles/eegio.py): exact values (the
 * formats are binary, so tolerance 0), byte-identical .npy output, and one-line errors for bad files.
 */
class IoNodesTest {

    private static final String ORACLES = "/oracles/eegio/";

    @TempDir
    Path tmp;

    private Path resource(String name) throws Exception {
        Path p = tmp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(ORACLES + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private static DataType f32(int chunk) {
        return new DataType.SampleStream(ElementType.FLOAT32, Dim.of(chunk));
    }

    private static DataType c64(int chunk) {
        return new DataType.SampleStream(ElementType.COMPLEX64, Dim.of(chunk));
    }

    /** Frames of {@code chunk} elements (slots per element {@code k}) indexed by sample offset and tagged. */
    private static List<Frame> chunks(DataType type, int chunk, int k, float[] slots, double rate) {
        List<Frame> out = new ArrayList<>();
        for (int off = 0; off < slots.length / k; off += chunk) {
            int n = Math.min(chunk, slots.length / k - off);
            out.add(Frames.floats(type, Arrays.copyOfRange(slots, off * k, (off + n) * k)).setIndex(off)
                    .setSampleRate(rate));
        }
        return out;
    }

    @Test
    void npySourceReadsScipysEcgRecord208InMillivolts() throws Exception {
        Path file = resource("ecg_208_f8.npy");
        JsonNode raw;
        try (InputStream in = getClass().getResourceAsStream(ORACLES + "ecg_208.json")) {
            raw = new ObjectMapper().readTree(in).get("raw");
        }
        float[] mv = new float[raw.size()];
        for (int i = 0; i < mv.length; i++) {
            // The file holds (raw - 1024) / 200 as float64; the source narrows it to float32.
            mv[i] = (float) ((raw.get(i).asInt() - 1024) / 200.0);
        }
        assertThat(mv.length).isEqualTo(1200);
        ProcessorVerifier.of(NpySourceNode.descriptor())
                .params(Params.of("path", file.toString(), "chunk", 500, "sample_rate_hz", 360.0))
                .expectOutput("out", chunks(f32(500), 500, 1, mv, 360))
                .skipAllocationCheck("finite source; rawSourceRepeatsWithoutAllocating checks the shared read path")
                .verify();
        // R peaks of record 208 exceed 1 mV; the baseline sits near -0.3 mV.
        float max = Float.NEGATIVE_INFINITY;
        for (float v : mv) {
            max = Math.max(max, v);
        }
        assertThat(max).isGreaterThan(1.0f);
    }

    @Test
    void npySourceReadsFloat32AndComplex64() throws Exception {
        float[] tones = new float[10];
        float[] cplx = new float[20];
        for (int k = 0; k < 10; k++) {
            tones[k] = (float) Math.sin(0.3 * k);
            double a = 1 + k / 10.0;
            cplx[2 * k] = (float) (a * Math.cos(0.3 * k));
            cplx[2 * k + 1] = (float) (a * Math.sin(0.3 * k));
        }
        ProcessorVerifier.of(NpySourceNode.descriptor())
                .params(Params.of("path", resource("tones_f4.npy").toString(), "chunk", 4))
                .expectOutput("out", chunks(f32(4), 4, 1, tones, 0)).tolerance(1e-7)
                .skipAllocationCheck("finite source; covered by rawSourceRepeatsWithoutAllocating").verify();
        ProcessorVerifier.of(NpySourceNode.descriptor())
                .params(Params.of("path", resource("tones_c8.npy").toString(), "chunk", 3, "element", "c64",
                        "repeat", true))
                .limitOutput(5)
                .expectOutput("out", repeated(cplx)).tolerance(1e-6)
                .verify();
    }

    /** Five complex frames of 3 from a 10-element file read with repeat: 3, 3, 3, 1 (end of file), 3. */
    private static List<Frame> repeated(float[] cplx) {
        DataType t = c64(3);
        List<Frame> out = new ArrayList<>();
        int[][] spans = {{0, 3}, {3, 6}, {6, 9}, {9, 10}, {0, 3}};
        long index = 0;
        for (int[] s : spans) {
            out.add(Frames.floats(t, Arrays.copyOfRange(cplx, 2 * s[0], 2 * s[1])).setIndex(index));
            index += s[1] - s[0];
        }
        return out;
    }

    private static String openError(NodeDescriptor d, Params params) {
        Params p = d.canonicalParams(params);
        var proc = d.factory().create();
        try {
            proc.open(new TestContext("src", d, p, Set.of()));
            return "opened";
        } catch (Exception e) {
            return e.getMessage();
        } finally {
            try {
                proc.close();
            } catch (Exception ignored) {
                // nothing was opened
            }
        }
    }

    @Test
    void badFilesFailInOpenWithOneLineNamingNodeAndFile() throws Exception {
        NodeDescriptor npy = NpySourceNode.descriptor();
        Path bad = resource("bad_i4.npy");
        assertThat(openError(npy, Params.of("path", bad.toString())))
                .isEqualTo("node 'src' (io.npy_source) file '" + bad + "': dtype '<i4' is not supported (use <f4, <f8 or <c8)");
        Path twoD = resource("bad_2d.npy");
        assertThat(openError(npy, Params.of("path", twoD.toString())))
                .endsWith("holds an array of shape [2, 3]; only 1-D arrays can be streamed");
        Path missing = tmp.resolve("nope.npy");
        assertThat(openError(npy, Params.of("path", missing.toString())))
                .isEqualTo("node 'src' (io.npy_source) file '" + missing + "': no such file");
        Path junk = tmp.resolve("junk.npy");
        Files.write(junk, new byte[] {1, 2, 3});
        assertThat(openError(npy, Params.of("path", junk.toString()))).endsWith("is too short for a .npy header (3 of 10 bytes)");
        Path truncated = tmp.resolve("short.npy");
        byte[] full = Files.readAllBytes(resource("ramp_f4.npy"));
        Files.write(truncated, Arrays.copyOf(full, full.length - 10));
        assertThat(openError(npy, Params.of("path", truncated.toString())))
                .endsWith("is truncated: the header announces 1000 samples but only 997 are present");
        assertThat(openError(npy, Params.of("path", resource("tones_c8.npy").toString())))
                .endsWith("holds complex samples but param 'element' is 'f32'");
        assertThat(openError(npy, Params.of())).isEqualTo("node 'src' (io.npy_source): param 'path' is not set");
        assertThat(openError(RawSinkNode.descriptor(), Params.of("path", tmp.resolve("no/such/dir/x.f32").toString())))
                .startsWith("node 'src' (io.raw_sink) file '").contains("cannot create: NoSuchFileException");
    }

    private static float[] ramp() {
        float[] r = new float[1000];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) (i * 0.25 - 3);
        }
        return r;
    }

    @Test
    void npySinkWritesWhatNumpySaveWritesByteForByte() throws Exception {
        Path out = tmp.resolve("ramp.npy");
        ProcessorVerifier.of(NpySinkNode.descriptor())
                .params(Params.of("path", out.toString(), "chunk", 300))
                .input("in", chunks(f32(300), 300, 1, ramp(), 0))
                .skipAllocationCheck("the file is checked after the last scenario; npySinkAllocatesNothing covers it")
                .verify();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(resource("ramp_f4.npy")));
    }

    @Test
    void npySinkWritesMatricesAsAThreeDimensionalArray() throws Exception {
        Path out = tmp.resolve("scalogram.npy");
        DataType m = new DataType.MatrixOf(ElementType.FLOAT32, Dim.of(3), Dim.of(4));
        float[] a = new float[24];
        for (int i = 0; i < 24; i++) {
            a[i] = i * 0.5f;
        }
        ProcessorVerifier.of(NpySinkNode.descriptor())
                .params(Params.of("path", out.toString(), "layout", "matrix", "rows", 3, "cols", 4))
                .input("in", List.of(Frames.floats(m, Arrays.copyOf(a, 12)), Frames.floats(m, Arrays.copyOfRange(a, 12, 24))))
                .verify();
        // The allocation check ran last and appended frames; the header still counts every frame it wrote.
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        String header = new String(Files.readAllBytes(out), 10, 118, java.nio.charset.StandardCharsets.ISO_8859_1);
        long frames = (b.capacity() - 128) / 48;
        assertThat(header).contains("'shape': (" + frames + ", 3, 4), }");
        ProcessorVerifier.of(NpySinkNode.descriptor())
                .params(Params.of("path", out.toString(), "layout", "matrix", "rows", 3, "cols", 4))
                .input("in", List.of(Frames.floats(m, Arrays.copyOf(a, 12)), Frames.floats(m, Arrays.copyOfRange(a, 12, 24))))
                .skipAllocationCheck("checked above; here the file must hold exactly the two frames")
                .verify();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(resource("scalogram_f4.npy")));
    }

    @Test
    void npySinkAllocatesNothing() {
        ProcessorVerifier.of(NpySinkNode.descriptor())
                .params(Params.of("path", tmp.resolve("a.npy").toString(), "chunk", 16))
                .input("in", chunks(f32(16), 16, 1, Arrays.copyOf(ramp(), 48), 0))
                .verify();
    }

    @Test
    void rawRoundTripAndRepeatWithoutAllocating() throws Exception {
        Path file = tmp.resolve("ramp.f32");
        ProcessorVerifier.of(RawSinkNode.descriptor())
                .params(Params.of("path", file.toString(), "chunk", 128))
                .input("in", chunks(f32(128), 128, 1, ramp(), 0))
                .skipAllocationCheck("the file is read back below; rawSourceRepeats covers the I/O path")
                .verify();
        assertThat(Files.size(file)).isEqualTo(4000);
        ProcessorVerifier.of(RawSourceNode.descriptor())
                .params(Params.of("path", file.toString(), "chunk", 256, "sample_rate_hz", 1000.0))
                .expectOutput("out", chunks(f32(256), 256, 1, ramp(), 1000))
                .skipAllocationCheck("finite; the repeat run below checks allocation")
                .verify();
        // Endless with repeat: the allocation check reads the file over and over.
        List<Frame> want = new ArrayList<>(chunks(f32(256), 256, 1, ramp(), 1000));
        want.add(Frames.floats(f32(256), Arrays.copyOf(ramp(), 256)).setIndex(1000).setSampleRate(1000));
        ProcessorVerifier.of(RawSourceNode.descriptor())
                .params(Params.of("path", file.toString(), "chunk", 256, "sample_rate_hz", 1000.0, "repeat", true))
                .limitOutput(5).expectOutput("out", want)
                .verify();
        ProcessorVerifier.of(RawSinkNode.descriptor())
                .params(Params.of("path", tmp.resolve("b.f32").toString(), "chunk", 16))
                .input("in", chunks(f32(16), 16, 1, Arrays.copyOf(ramp(), 48), 0))
                .verify();
    }
}

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * io.wav_source against WAV files written and read back by scipy (tools/oracles/eegio.py, wavcsv.py; expected
 * values computed by numpy, compared exactly), bad WAV files, and the CSV source and sink, round trip included.
 */
class WavCsvNodesTest {

    @TempDir
    Path tmp;

    private Path resource(String dir, String name) throws Exception {
        Path p = tmp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/oracles/" + dir + "/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private static DataType f32(int chunk) {
        return new DataType.SampleStream(ElementType.FLOAT32, Dim.of(chunk));
    }

    private static List<Frame> chunks(int chunk, float[] v, double rate) {
        List<Frame> out = new ArrayList<>();
        for (int off = 0; off < v.length; off += chunk) {
            int n = Math.min(chunk, v.length - off);
            out.add(Frames.floats(f32(chunk), Arrays.copyOfRange(v, off, off + n)).setIndex(off).setSampleRate(rate));
        }
        return out;
    }

    private static float[] floats(JsonNode a) {
        float[] f = new float[a.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) a.get(i).asDouble();
        }
        return f;
    }

    private JsonNode expected() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/oracles/wavcsv/expected.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void wavSourceMatchesScipyForEveryFormatChannelAndTheMean() throws Exception {
        JsonNode all = expected();
        String[][] files = {{"eegio", "stereo_s16.wav"}, {"eegio", "mono_f32.wav"}, {"wavcsv", "u8_stereo.wav"},
                {"wavcsv", "s32_mono.wav"}, {"wavcsv", "f64_3ch.wav"}, {"wavcsv", "s24_ext.wav"}};
        for (String[] f : files) {
            Path file = resource(f[0], f[1]);
            JsonNode e = all.get(f[1]);
            double rate = e.get("rate").asDouble();
            for (int c = -1; c < e.get("channels").size(); c++) {
                float[] want = floats(c < 0 ? e.get("mean") : e.get("channels").get(c));
                ProcessorVerifier.of(WavSourceNode.descriptor())
                        .params(Params.of("path", file.toString(), "chunk", 16, "channel", c))
                        .expectOutput("out", chunks(16, want, rate))
                        .skipAllocationCheck("finite source; wavSourceRepeatsWithoutAllocating checks it")
                        .verify();
            }
        }
        // The 24-bit file starts at full scale: -2^23 reads as -1, 2^23 - 1 as just under 1.
        assertThat(floats(all.get("s24_ext.wav").get("channels").get(0))[0]).isEqualTo(-1f);
        assertThat(floats(all.get("s24_ext.wav").get("channels").get(1))[0]).isEqualTo(8388607 / 8388608f);
    }

    @Test
    void wavSourceRepeatsWithoutAllocating() throws Exception {
        Path file = resource("eegio", "stereo_s16.wav");
        float[] mean = floats(expected().get("stereo_s16.wav").get("mean"));
        List<Frame> want = new ArrayList<>(chunks(64, mean, 8000));
        want.add(Frames.floats(f32(64), Arrays.copyOf(mean, 64)).setIndex(100).setSampleRate(8000));
        ProcessorVerifier.of(WavSourceNode.descriptor())
                .params(Params.of("path", file.toString(), "chunk", 64, "channel", -1, "repeat", true))
                .limitOutput(3).expectOutput("out", want)
                .verify();
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

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void badWavFilesFailInOpenWithOneLine() throws Exception {
        NodeDescriptor wav = WavSourceNode.descriptor();
        byte[] good = Files.readAllBytes(resource("eegio", "stereo_s16.wav"));
        String where = "node 'src' (io.wav_source) file '";

        Path truncated = write("trunc.wav", Arrays.copyOf(good, good.length - 41));
        assertThat(openError(wav, Params.of("path", truncated.toString()))).isEqualTo(where + truncated
                + "': is truncated: the header announces 100 samples but only 89 are present");
        Path tiny = write("tiny.wav", Arrays.copyOf(good, 7));
        assertThat(openError(wav, Params.of("path", tiny.toString())))
                .isEqualTo(where + tiny + "': is too short for a WAV header (7 of 12 bytes)");
        Path headerOnly = write("hdr.wav", Arrays.copyOf(good, 12));
        assertThat(openError(wav, Params.of("path", headerOnly.toString()))).endsWith("': has no fmt chunk");

        byte[] magic = good.clone();
        magic[0] = 'R';
        magic[1] = 'I';
        magic[2] = 'F';
        magic[3] = 'X';
        Path notWav = write("magic.wav", magic);
        assertThat(openError(wav, Params.of("path", notWav.toString())))
                .isEqualTo(where + notWav + "': is not a WAV file (no RIFF/WAVE header)");

        // A data chunk that declares more than the file holds.
        byte[] longer = good.clone();
        ByteBuffer b = ByteBuffer.wrap(longer).order(ByteOrder.LITTLE_ENDIAN);
        int data = indexOf(longer, "data");
        b.putInt(data + 4, b.getInt(data + 4) + 40);
        Path declared = write("declared.wav", longer);
        assertThat(openError(wav, Params.of("path", declared.toString())))
                .endsWith("is truncated: the header announces 110 samples but only 100 are present");

        byte[] adpcm = good.clone();
        ByteBuffer.wrap(adpcm).order(ByteOrder.LITTLE_ENDIAN).putShort(indexOf(adpcm, "fmt ") + 8, (short) 2);
        Path a = write("adpcm.wav", adpcm);
        assertThat(openError(wav, Params.of("path", a.toString()))).isEqualTo(where + a
                + "': format 0x0002 (ADPCM) is not supported; use PCM or IEEE float");

        byte[] twelve = good.clone();
        ByteBuffer.wrap(twelve).order(ByteOrder.LITTLE_ENDIAN).putShort(indexOf(twelve, "fmt ") + 22, (short) 12);
        Path t = write("twelve.wav", twelve);
        assertThat(openError(wav, Params.of("path", t.toString())))
                .endsWith("12-bit PCM is not supported; use 8, 16, 24 or 32 bits");

        Path stereo = tmp.resolve("stereo_s16.wav");
        assertThat(openError(wav, Params.of("path", stereo.toString(), "channel", 2)))
                .endsWith("param 'channel' is 2 but the file has 2 channels");
        assertThat(openError(wav, Params.of("path", tmp.resolve("none.wav").toString()))).endsWith("': no such file");
    }

    private static int indexOf(byte[] a, String id) {
        byte[] k = id.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 12; i + 4 <= a.length; i++) {
            for (int j = 0; j < 4; j++) {
                if (a[i + j] != k[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(id);
    }

    @Test
    void csvSourceReadsAColumnWithHeaderDelimitersQuotesAndCrlf() throws Exception {
        Path file = write("a.csv", ("time;value;label\r\n"
                + "0;1.5;a\r\n"
                + "1; -2.25e1 ;b\r\n"
                + "\r\n"
                + "2;\"3\";c\r\n"
                + "3;0.1;d\r\n"
                + "4;1e-30;e\r\n"
                + "5;nan;f\r\n"
                + "6;-Infinity;g\r\n"
                + "7;12345678901234567890;h").getBytes(StandardCharsets.UTF_8));
        float[] want = {1.5f, -22.5f, 3f, 0.1f, 1e-30f, Float.NaN, Float.NEGATIVE_INFINITY, 12345678901234567890f};
        ProcessorVerifier.of(CsvSourceNode.descriptor())
                .params(Params.of("path", file.toString(), "column", 1, "delimiter", "semicolon", "skip_rows", 1,
                        "chunk", 3, "sample_rate_hz", 250.0))
                .expectOutput("out", chunks(3, want, 250))
                .skipAllocationCheck("finite source; csvRoundTripWithoutAllocating checks the parse path")
                .verify();
        Path ws = write("w.txt", "  1 2\t 3\n4   5 6\n".getBytes(StandardCharsets.UTF_8));
        ProcessorVerifier.of(CsvSourceNode.descriptor())
                .params(Params.of("path", ws.toString(), "column", 2, "delimiter", "whitespace", "chunk", 8))
                .expectOutput("out", chunks(8, new float[] {3, 6}, 0))
                .skipAllocationCheck("finite source; csvRoundTripWithoutAllocating checks the parse path")
                .verify();
    }

    @Test
    void csvSourceFastPathParsesExactlyAsDoubleParseDouble() throws Exception {
        Random r = new Random(7);
        StringBuilder sb = new StringBuilder();
        float[] want = new float[3000];
        for (int i = 0; i < want.length; i++) {
            String s = switch (i % 3) {
                case 0 -> Float.toString(Float.intBitsToFloat(r.nextInt()) );
                case 1 -> String.format(java.util.Locale.ROOT, "%.9g", r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10));
                default -> Double.toString(r.nextDouble() * 1000 - 500);
            };
            want[i] = (float) Double.parseDouble(s);
            sb.append(s).append('\n');
        }
        Path file = write("r.csv", sb.toString().getBytes(StandardCharsets.UTF_8));
        ProcessorVerifier.of(CsvSourceNode.descriptor())
                .params(Params.of("path", file.toString(), "chunk", 1000))
                .expectOutput("out", chunks(1000, want, 0))
                .skipAllocationCheck("random bits include NaN and extreme exponents, which take the String path")
                .verify();
    }

    @Test
    void badCsvFailsWithLineAndColumn() throws Exception {
        Path file = write("bad.csv", ("h1,h2,h3\n1,2,3\n" + "4,5,6\n".repeat(9) + "7,8,abc\n")
                .getBytes(StandardCharsets.UTF_8));
        var v = ProcessorVerifier.of(CsvSourceNode.descriptor())
                .params(Params.of("path", file.toString(), "column", 2, "skip_rows", 1, "chunk", 4))
                .ignoreOutput("out");
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(v::verify);
        assertThat(t).hasMessageContaining("node 'node-under-test' (io.csv_source) file '" + file
                + "' line 12 column 3: 'abc' is not a number");
        Path shortRow = write("short.csv", "1,2,3\n4,5\n".getBytes(StandardCharsets.UTF_8));
        Throwable s = org.assertj.core.api.Assertions.catchThrowable(ProcessorVerifier.of(CsvSourceNode.descriptor())
                .params(Params.of("path", shortRow.toString(), "column", 2)).ignoreOutput("out")::verify);
        assertThat(s).hasMessageContaining("line 2: has 2 columns; param 'column' 2 needs 3");
        assertThat(openError(CsvSourceNode.descriptor(), Params.of("path", tmp.resolve("x.csv").toString())))
                .isEqualTo("node 'src' (io.csv_source) file '" + tmp.resolve("x.csv") + "': no such file");
    }

    @Test
    void csvRoundTripWithoutAllocating() throws Exception {
        Random r = new Random(3);
        float[] v = new float[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(16) - 8));
        }
        Path file = tmp.resolve("rt.csv");
        ProcessorVerifier.of(CsvSinkNode.descriptor())
                .params(Params.of("path", file.toString(), "chunk", 128, "columns", 4, "header", "a,b,c,d"))
                .input("in", chunks(128, v, 0))
                .skipAllocationCheck("the file is read back below; csvSinkAllocatesNothing checks the sink")
                .verify();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(251);
        assertThat(lines.get(0)).isEqualTo("a,b,c,d");
        assertThat(lines.get(1)).isEqualTo(v[0] + "," + v[1] + "," + v[2] + "," + v[3]);
        for (int c = 0; c < 4; c++) {
            float[] col = new float[250];
            for (int i = 0; i < 250; i++) {
                col[i] = v[4 * i + c];
            }
            ProcessorVerifier.of(CsvSourceNode.descriptor())
                    .params(Params.of("path", file.toString(), "column", c, "skip_rows", 1, "chunk", 100,
                            "sample_rate_hz", 500.0))
                    .expectOutput("out", chunks(100, col, 500))
                    .skipAllocationCheck("finite; the repeat run below checks allocation")
                    .verify();
        }
        float[] col0 = new float[250];
        for (int i = 0; i < 250; i++) {
            col0[i] = v[4 * i];
        }
        List<Frame> want = new ArrayList<>(chunks(100, col0, 500));
        want.add(Frames.floats(f32(100), Arrays.copyOf(col0, 100)).setIndex(250).setSampleRate(500));
        ProcessorVerifier.of(CsvSourceNode.descriptor())
                .params(Params.of("path", file.toString(), "skip_rows", 1, "chunk", 100, "sample_rate_hz", 500.0,
                        "repeat", true))
                .limitOutput(4).expectOutput("out", want)
                .verify();
    }

    @Test
    void csvSinkWritesAPartialLastRowAndAllocatesNothing() throws Exception {
        Path file = tmp.resolve("p.csv");
        ProcessorVerifier.of(CsvSinkNode.descriptor())
                .params(Params.of("path", file.toString(), "chunk", 4, "columns", 3, "delimiter", "tab"))
                .input("in", chunks(4, new float[] {1, 2.5f, -0.1f, 1e-20f, Float.NaN}, 0))
                .skipAllocationCheck("the exact file is checked below; the run after it checks allocation")
                .verify();
        assertThat(Files.readString(file)).isEqualTo("1.0\t2.5\t-0.1\n1.0E-20\tNaN\n");
        ProcessorVerifier.of(CsvSinkNode.descriptor())
                .params(Params.of("path", tmp.resolve("q.csv").toString(), "chunk", 16, "columns", 2))
                .input("in", chunks(16, Arrays.copyOf(new float[] {0.5f, -3.25e7f, 1.2345678f}, 48), 0))
                .verify();
    }
}

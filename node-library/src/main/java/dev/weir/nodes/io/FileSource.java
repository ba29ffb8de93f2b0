package dev.weir.nodes.io;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputFiles;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.OutputPort;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.WorkStatus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * The common body of the binary file sources ({@code io.raw_source}, {@code io.npy_source},
 * {@code io.wav_source}): a subclass parses its header in {@link #layout} and the base streams the data.
 *
 * <pre>
 *  file:  [ header (dataOffset bytes) | element 0 | element 1 | ... | element k-1 | trailer ]
 *                                       &lt;-stride-&gt;
 *  element: {@code channels} values of {@code encoding.bytes} bytes each, starting {@code offset} bytes into the
 *           stride, are decoded and averaged (a WAV frame's selected channel, or all of them); complex
 *           encodings give two floats
 * </pre>
 *
 * BLOCKING: {@code process} reads the file on the node's own thread. Everything is allocated in {@code open}: a
 * direct byte buffer of one frame's worth, so {@link FileChannel#read} needs no temporary buffer. A stop
 * interrupts the thread; {@code FileChannel} then closes itself and throws {@link ClosedByInterruptException},
 * which ends the stream quietly (the engine is stopping the run anyway). Problems with the file (missing,
 * unreadable, malformed, too short) fail {@code open} with one line naming the node and the file.
 */
abstract class FileSource implements Processor {

    static final String F32 = "f32";
    static final String C64 = "c64";

    /** How one element is stored. */
    enum Encoding {
        F32(4, 1), F64(8, 1), C64(8, 2), U8(1, 1), S16(2, 1), S24(3, 1), S32(4, 1);

        final int bytes;
        final int components;

        Encoding(int bytes, int components) {
            this.bytes = bytes;
            this.components = components;
        }
    }

    /**
     * What the header says.
     *
     * @param dataOffset byte offset of element 0
     * @param elements   number of elements, or -1 for "up to the end of the file" (a trailing partial element
     *                   is ignored, as GNU Radio's file source does)
     * @param stride     bytes from one element to the next
     * @param encoding   how the element's first bytes are decoded
     * @param sampleRate sample rate from the header, or 0 to use the {@code sample_rate_hz} param
     * @param offset     bytes from the start of a stride to the first value decoded
     * @param channels   adjacent values averaged into one sample (1: just the one at {@code offset})
     */
    record Layout(long dataOffset, long elements, int stride, Encoding encoding, double sampleRate, int offset,
                  int channels) {

        Layout(long dataOffset, long elements, int stride, Encoding encoding, double sampleRate) {
            this(dataOffset, elements, stride, encoding, sampleRate, 0, 1);
        }
    }

    /** The output type: float32 or complex64 samples by the {@code element} param, in chunks. */
    static DataType elementType() {
        return new DataType.ByParam("element", Map.of(
                F32, new DataType.SampleStream(ElementType.FLOAT32, Dim.param("chunk")),
                C64, new DataType.SampleStream(ElementType.COMPLEX64, Dim.param("chunk"))));
    }

    static ParamSpec pathParam(String doc) {
        return new ParamSpec("path", "File", new ParamType.PathType(ParamType.PathMode.READ_FILE), "", "", false, doc);
    }

    static ParamSpec elementParam(String doc) {
        return new ParamSpec("element", "Element", new ParamType.ChoiceType(List.of(F32, C64)), F32, "", false, doc);
    }

    static ParamSpec chunkParam() {
        return ParamSpec.integer("chunk", "Chunk", 4096, 1, 1 << 20, "samples", false, "Samples per frame.");
    }

    static ParamSpec sampleRateParam(String doc) {
        return ParamSpec.real("sample_rate_hz", "Sample rate", 0, 0, 1e12, "Hz", false, doc);
    }

    static ParamSpec repeatParam() {
        return ParamSpec.bool("repeat", "Repeat", false, false, "Start again at the first sample at end of file.");
    }

    /** Frames per call: one frame is one read, and the thread is the node's own, so a few are fine. */
    private static final int MAX_FRAMES_PER_CALL = 8;

    private String who;
    private FileChannel channel;
    private ByteBuffer bytes;
    private Layout layout;
    private long fileElements;
    private long position;
    private long emitted;
    private boolean repeat;
    private double sampleRate;
    private boolean complexOut;
    private OutputPort out;

    /**
     * Reads and checks the header.
     *
     * @param ch      the open file, positioned at 0
     * @param size    the file's size in bytes
     * @param params  the node's params
     * @param where   "node 'id' (type) file 'path'", to start messages with
     * @throws IOException with a one-line message when the header is malformed or unsupported
     */
    abstract Layout layout(FileChannel ch, long size, Params params, String where) throws IOException;

    /** Whether this source emits complex samples for these params. */
    boolean complexOutput(Params params) {
        return C64.equals(params.getString("element"));
    }

    @Override
    public void open(ProcessorContext context) throws IOException {
        Params p = context.params();
        String path = p.getString("path");
        who = "node '" + context.nodeId() + "' (" + context.descriptor().id() + ") file '" + path + "'";
        if (path.isEmpty()) {
            throw new IllegalArgumentException("node '" + context.nodeId() + "' (" + context.descriptor().id()
                    + "): param 'path' is not set");
        }
        Path file = InputFiles.resolve(path);
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new IOException(who + ": no such file");
        } catch (IOException | SecurityException e) {
            throw new IOException(who + ": cannot open: " + e.getMessage());
        }
        if (Files.isDirectory(file)) {
            throw new IOException(who + ": is a directory");
        }
        long size = channel.size();
        layout = layout(channel, size, p, who);
        complexOut = complexOutput(p);
        if ((layout.encoding().components == 2) != complexOut) {
            throw new IOException(who + ": holds " + (layout.encoding().components == 2 ? "complex" : "real")
                    + " samples but param 'element' is '" + p.getString("element") + "'");
        }
        long available = Math.max(0, (size - layout.dataOffset()) / layout.stride());
        if (layout.elements() >= 0 && layout.elements() > available) {
            throw new IOException(who + ": is truncated: the header announces " + layout.elements()
                    + " samples but only " + available + " are present");
        }
        fileElements = layout.elements() >= 0 ? layout.elements() : available;
        repeat = p.has("repeat") && p.getBoolean("repeat");
        sampleRate = layout.sampleRate() > 0 ? layout.sampleRate() : p.getDouble("sample_rate_hz");
        int chunk = p.getInt("chunk");
        bytes = ByteBuffer.allocateDirect(Math.multiplyExact(chunk, layout.stride())).order(ByteOrder.LITTLE_ENDIAN);
        channel.position(layout.dataOffset());
    }

    @Override
    public WorkStatus process(Inputs in, Outputs outs) {
        if (out == null) {
            out = outs.port(0);
        }
        int frames = 0;
        while (frames < MAX_FRAMES_PER_CALL) {
            if (position >= fileElements) {
                if (!repeat || fileElements == 0) {
                    return WorkStatus.DONE;
                }
                position = 0;
                seek(layout.dataOffset());
            }
            if (out.remaining() == 0) {
                return frames > 0 ? WorkStatus.OK : WorkStatus.NEED_OUTPUT_SPACE;
            }
            Frame f = out.claim();
            int n = (int) Math.min(f.capacity(), fileElements - position);
            int got = read(n);
            if (got < 0) {
                // Interrupted by a stop: end quietly.
                return WorkStatus.DONE;
            }
            decode(f.floats(), got);
            f.setLength(got).setIndex(emitted).setSampleRate(sampleRate);
            out.publish();
            position += got;
            emitted += got;
            if (got < n) {
                // The file shrank while we read it: end here rather than spin.
                fileElements = position;
            }
            frames++;
        }
        return WorkStatus.OK;
    }

    /** Reads up to {@code n} elements into {@link #bytes}; the number read, or -1 when interrupted. */
    private int read(int n) {
        ByteBuffer b = bytes;
        b.clear().limit(n * layout.stride());
        try {
            while (b.hasRemaining()) {
                if (channel.read(b) < 0) {
                    break;
                }
            }
        } catch (ClosedByInterruptException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (IOException e) {
            throw new IllegalStateException(who + ": read failed: " + e.getMessage(), e);
        }
        return b.position() / layout.stride();
    }

    private void seek(long offset) {
        try {
            channel.position(offset);
        } catch (IOException e) {
            throw new IllegalStateException(who + ": seek failed: " + e.getMessage(), e);
        }
    }

    private void decode(float[] dst, int n) {
        ByteBuffer b = bytes;
        int stride = layout.stride();
        int channels = layout.channels();
        if (layout.encoding() == Encoding.C64) {
            for (int i = 0; i < n; i++) {
                dst[2 * i] = b.getFloat(i * stride);
                dst[2 * i + 1] = b.getFloat(i * stride + 4);
            }
        } else if (channels == 1) {
            int at = layout.offset();
            for (int i = 0; i < n; i++) {
                dst[i] = (float) value(b, i * stride + at);
            }
        } else {
            // The mean of the channels, in double as numpy's mean(axis=1) of the scaled samples.
            int width = layout.encoding().bytes;
            for (int i = 0; i < n; i++) {
                int at = i * stride + layout.offset();
                double sum = 0;
                for (int c = 0; c < channels; c++) {
                    sum += value(b, at + c * width);
                }
                dst[i] = (float) (sum / channels);
            }
        }
    }

    /**
     * One real value at byte {@code at}. Integer PCM maps full scale to [-1, 1) as scipy and soundfile do:
     * unsigned 8-bit (v - 128) / 128, signed 16/24/32-bit v / 2^(bits - 1).
     */
    private double value(ByteBuffer b, int at) {
        return switch (layout.encoding()) {
            case F32 -> b.getFloat(at);
            case F64 -> b.getDouble(at);
            case U8 -> ((b.get(at) & 0xff) - 128) / 128.0;
            case S16 -> b.getShort(at) / 32768.0;
            case S24 -> (((b.get(at + 2) << 16) | ((b.get(at + 1) & 0xff) << 8) | (b.get(at) & 0xff))) / 8388608.0;
            case S32 -> b.getInt(at) / 2147483648.0;
            case C64 -> throw new IllegalStateException("complex");
        };
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }

    /** Reads exactly {@code n} bytes at {@code offset} into a fresh little-endian buffer (headers, in open). */
    static ByteBuffer readAt(FileChannel ch, long offset, int n, String where, String what) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, offset + b.position()) < 0) {
                throw new IOException(where + ": is too short for " + what + " (" + b.position() + " of " + n
                        + " bytes)");
            }
        }
        return b.flip();
    }
}

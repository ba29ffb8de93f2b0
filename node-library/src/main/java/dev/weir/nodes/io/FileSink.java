package dev.weir.nodes.io;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
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
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The common body of the float32 file sinks ({@code io.raw_sink}, {@code io.npy_sink}, {@code io.csv_sink}, which
 * overrides {@link #write} to write text): frames are encoded
 * little-endian into a direct buffer allocated in {@code open} and written with {@link FileChannel#write}, so the
 * hot path allocates nothing. BLOCKING: writes may wait on the disk. A subclass writes a header in {@link #begin}
 * and finishes the file in {@link #end}, which runs from {@code close} whatever happened, so an interrupted run
 * still leaves a consistent file of what was written.
 */
abstract class FileSink implements Processor {

    /** Bytes of the staging buffer: large enough that one write moves a useful amount, small enough to stay in L2. */
    private static final int BUFFER_BYTES = 1 << 16;
    private static final int MAX_FRAMES_PER_CALL = 16;

    static ParamSpec pathParam(String doc) {
        return new ParamSpec("path", "File", new ParamType.PathType(ParamType.PathMode.WRITE_FILE), "", "", false, doc);
    }

    static ParamSpec chunkParam() {
        return ParamSpec.integer("chunk", "Chunk", 4096, 1, 1 << 20, "samples", false,
                "Sizes test frames only: the sink takes frames of any length.");
    }

    static DataType streamType() {
        return new DataType.SampleStream(ElementType.FLOAT32, Dim.param("chunk"));
    }

    String who;
    private Path path;
    FileChannel channel;
    private ByteBuffer bytes;
    /** Frames written, and float32 values written. */
    long frames;
    long values;
    private InputPort in;

    /** Writes the header, if any, at the start of the fresh file. */
    void begin(Params params) throws IOException {
    }

    /** Finishes the file (patches a header); called once from close when open succeeded. */
    void end() throws IOException {
    }

    @Override
    public void open(ProcessorContext context) throws IOException {
        String name = context.params().getString("path");
        who = "node '" + context.nodeId() + "' (" + context.descriptor().id() + ") file '" + name + "'";
        if (name.isEmpty()) {
            throw new IllegalArgumentException("node '" + context.nodeId() + "' (" + context.descriptor().id()
                    + "): param 'path' is not set");
        }
        try {
            path = Path.of(name);
            channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException | SecurityException e) {
            throw new IOException(who + ": cannot create: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        bytes = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        begin(context.params());
    }

    @Override
    public WorkStatus process(Inputs ins, Outputs outs) {
        if (in == null) {
            in = ins.port(0);
        }
        int n = 0;
        while (n < MAX_FRAMES_PER_CALL && in.available() > 0) {
            Frame f = in.peek();
            if (write(f.floats(), f.length() * f.slotsPerElement())) {
                frames++;
            }
            in.release();
            n++;
        }
        return n > 0 ? WorkStatus.OK : WorkStatus.NEED_INPUT;
    }

    /**
     * Writes {@code count} floats, little-endian binary here (a text sink overrides it); false when a stop
     * interrupted the write (the rest is not written).
     */
    boolean write(float[] a, int count) {
        ByteBuffer b = bytes;
        int i = 0;
        try {
            while (i < count) {
                b.clear();
                int k = Math.min(count - i, b.capacity() / 4);
                for (int j = 0; j < k; j++) {
                    b.putFloat(j * 4, a[i + j]);
                }
                b.limit(k * 4);
                while (b.hasRemaining()) {
                    channel.write(b);
                }
                i += k;
                values += k;
            }
        } catch (ClosedByInterruptException e) {
            // A stop interrupted the write; the engine is ending the run, so end quietly.
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(who + ": write failed: " + e.getMessage(), e);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        if (channel == null) {
            return;
        }
        // After a stop the interrupt flag is set, and an interruptible FileChannel refuses all work while it is
        // (a write it interrupted has already closed the channel). Finish the file with the flag cleared, on a
        // fresh channel if needed, and restore the flag for the engine.
        boolean interrupted = Thread.interrupted();
        try {
            if (!channel.isOpen()) {
                channel = FileChannel.open(path, StandardOpenOption.WRITE);
            }
            end();
        } finally {
            channel.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

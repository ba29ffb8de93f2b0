package dev.weir.engine.ipc;

import dev.weir.engine.api.Frame;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;

/**
 * Reads a recording's frames in order, straight into a caller's frame, through its segments: what the replay node
 * uses. It takes no reader slot, so it never gates a writer that may still be recording.
 *
 * <p>One thread; {@link #close()} when done.
 */
final class RecordingReader implements AutoCloseable {

    static {
        JvmFlags.disableAnalytics();
    }

    private final Path dir;
    private final ChannelControl control;
    private final int maxRecordBytes;
    private SingleChronicleQueue queue;
    private ExcerptTailer tailer;
    private int segment = -1;
    private long next;
    private long lastIndex;
    private long lastTimestamp;
    private double lastRate;

    RecordingReader(Path dir, Frame prototype) {
        this.dir = dir;
        this.control = ChannelControl.open(dir.resolve(QueueChannel.CONTROL_FILE));
        this.maxRecordBytes = FrameCodec.maxEncodedBytes(prototype);
    }

    /** Frames in the recording now. */
    long frames() {
        return control.published();
    }

    /** Whether the recording's writer has ended its stream (no more frames will come). */
    boolean complete() {
        return control.completed();
    }

    /** The number of the next frame {@link #read} returns. */
    long next() {
        return next;
    }

    /**
     * Moves to frame {@code seq} (clamped to the recorded frames): the segment that holds it, then record by record
     * through its headers only.
     */
    void seek(long seq) {
        long target = Math.max(0, Math.min(seq, frames()));
        int k = control.segmentOf(target);
        if (k < 0) {
            next = 0;
            return;
        }
        openSegment(k);
        tailer.toStart();
        next = control.segmentStart(k);
        while (next < target) {
            skip();
        }
    }

    private void openSegment(int k) {
        if (tailer != null) {
            tailer.close();
            queue.close();
        }
        queue = Queues.open(dir.resolve(String.format("seg-%04d", k)), maxRecordBytes);
        tailer = queue.createTailer();
        tailer.singleThreadedCheckDisabled(true);
        segment = k;
    }

    /** Moves to the next segment when frame {@link #next} starts it. */
    private void follow() {
        if (segment < 0 || (segment + 1 < control.segmentCount() && next >= control.segmentStart(segment + 1))) {
            openSegment(control.segmentOf(next));
            tailer.toStart();
            long start = control.segmentStart(segment);
            for (long s = start; s < next; s++) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        break;
                    }
                }
            }
        }
    }

    /** Passes over frame {@link #next}, reading only its header. */
    void skip() {
        follow();
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                throw new IllegalStateException("recording " + dir + ": frame " + next + " is missing");
            }
            Bytes<?> b = dc.wire().bytes();
            long a = b.addressForRead(b.readPosition(), FrameCodec.HEADER_BYTES);
            lastIndex = FrameCodec.index(a);
            lastTimestamp = FrameCodec.timestampNanos(a);
            lastRate = FrameCodec.sampleRate(a);
        }
        next++;
    }

    /** Reads frame {@link #next} into {@code frame}; the caller checks {@link #frames()} first. */
    void read(Frame frame) {
        follow();
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                throw new IllegalStateException("recording " + dir + ": frame " + next + " is missing");
            }
            Bytes<?> b = dc.wire().bytes();
            long n = b.readRemaining();
            FrameCodec.read(b.addressForRead(b.readPosition(), (int) Math.min(Integer.MAX_VALUE, n)), n, frame,
                    dir.toString());
        }
        lastIndex = frame.index();
        lastTimestamp = frame.timestampNanos();
        lastRate = frame.sampleRate();
        next++;
    }

    /**
     * The signal time of the frame last read or skipped, in seconds: its timestamp when it has one, else its index
     * over its sample rate (sample offset / rate for streams, pulse number / PRF for pulses), else NaN.
     */
    double lastSignalSeconds() {
        if (lastTimestamp != 0) {
            return lastTimestamp / 1e9;
        }
        return lastRate > 0 ? lastIndex / lastRate : Double.NaN;
    }

    @Override
    public void close() {
        if (tailer != null) {
            tailer.close();
            queue.close();
            tailer = null;
        }
        control.close();
    }
}

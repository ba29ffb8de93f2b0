package dev.weir.benchmarks;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;

/**
 * The baseline: Chronicle Queue's own append and tail loop with 40-byte records laid out like a Weir frame of one
 * int64 record (index, time stamp, rate, length, flags, value), no back-pressure, no control file.
 */
final class RawChronicle {

    private RawChronicle() {
    }

    static SingleChronicleQueue queue(Path dir) {
        return SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_DAILY).build();
    }

    static void write(Path dir, int n, long gapNanos) {
        try (SingleChronicleQueue q = queue(dir); ExcerptAppender a = q.createAppender()) {
            long next = System.nanoTime();
            for (int i = 0; i < n; i++) {
                if (gapNanos > 0) {
                    while (System.nanoTime() < next) {
                        Thread.onSpinWait();
                    }
                    next += gapNanos;
                }
                try (DocumentContext dc = a.writingDocument()) {
                    Bytes<?> b = dc.wire().bytes();
                    b.writeLong(i);
                    b.writeLong(System.nanoTime());
                    b.writeDouble(0);
                    b.writeInt(1);
                    b.writeInt(0);
                    b.writeLong(i);
                }
            }
        }
    }

    private static ExcerptTailer ready(SingleChronicleQueue q) {
        ExcerptTailer t = q.createTailer();
        System.out.println("ready");
        System.out.flush();
        return t;
    }

    static void readRate(Path dir, int n) {
        try (SingleChronicleQueue q = queue(dir); ExcerptTailer t = ready(q)) {
            int got = 0;
            long sum = 0;
            while (got < n) {
                try (DocumentContext dc = t.readingDocument()) {
                    if (!dc.isPresent()) {
                        Thread.onSpinWait();
                        continue;
                    }
                    Bytes<?> b = dc.wire().bytes();
                    sum += b.readLong();
                    got++;
                }
            }
            long end = System.nanoTime();
            System.out.println(end);
            System.err.println("raw checksum " + sum);
        }
    }

    static void readLatency(Path dir, int n) {
        long[] lat = new long[n];
        try (SingleChronicleQueue q = queue(dir); ExcerptTailer t = ready(q)) {
            int got = 0;
            while (got < n) {
                try (DocumentContext dc = t.readingDocument()) {
                    if (!dc.isPresent()) {
                        Thread.onSpinWait();
                        continue;
                    }
                    Bytes<?> b = dc.wire().bytes();
                    b.readLong();
                    lat[got++] = System.nanoTime() - b.readLong();
                }
            }
        }
        System.out.println(IpcBench.percentiles(lat));
    }
}

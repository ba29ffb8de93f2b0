package dev.weir.engine.ipc;

import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.nio.file.Path;

/** The only place this module builds a Chronicle queue, so every queue is made the same way, analytics off. */
final class Queues {

    static {
        JvmFlags.disableAnalytics();
    }

    private Queues() {
    }

    /**
     * The queue in {@code dir} (created when missing), sized for records of up to {@code maxRecordBytes}.
     *
     * <p>Chronicle maps a queue file in blocks that overlap by a quarter block, and a record must fit in that
     * overlap to be written through one address; blocks are therefore at least 8 x the largest record, and 64 MiB
     * (Chronicle's own default) otherwise. {@code FAST_DAILY} rolls once a day and indexes up to 4 G records a day.
     */
    static SingleChronicleQueue open(Path dir, int maxRecordBytes) {
        long block = Math.max(64L << 20, Long.highestOneBit(Math.max(1, (long) maxRecordBytes) * 8 - 1) << 1);
        return SingleChronicleQueueBuilder.binary(dir)
                .rollCycle(RollCycles.FAST_DAILY)
                .blockSize(block)
                .build();
    }
}

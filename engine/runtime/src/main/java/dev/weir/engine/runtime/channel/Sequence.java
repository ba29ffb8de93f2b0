package dev.weir.engine.runtime.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A cache-line-padded {@code long} counter, in the manner of Disruptor's and JCTools' sequences: the padding
 * keeps a writer's sequence and a reader's cursor on different cache lines, so the two threads do not
 * invalidate each other's line on every update (false sharing).
 */
class LhsPadding {
    protected long p01, p02, p03, p04, p05, p06, p07;
}

class SequenceValue extends LhsPadding {
    protected volatile long value;
}

class RhsPadding extends SequenceValue {
    protected long p11, p12, p13, p14, p15, p16, p17;
}

/** See {@link LhsPadding}. */
public final class Sequence extends RhsPadding {

    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(SequenceValue.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public Sequence(long initial) {
        VALUE.setRelease(this, initial);
    }

    /** Acquire read: sees everything written before the matching release. */
    public long get() {
        return (long) VALUE.getAcquire(this);
    }

    /** Plain read, for the owning thread only. */
    public long getPlain() {
        return (long) VALUE.get(this);
    }

    /** Release write: publishes every earlier write of this thread. */
    public void setRelease(long v) {
        VALUE.setRelease(this, v);
    }

    /** Atomically moves the value from {@code expected} to {@code next}. */
    public boolean compareAndSet(long expected, long next) {
        return VALUE.compareAndSet(this, expected, next);
    }
}

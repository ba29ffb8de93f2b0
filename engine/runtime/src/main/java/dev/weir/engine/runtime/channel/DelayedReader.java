package dev.weir.engine.runtime.channel;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.model.OverflowPolicy;

/**
 * A reader that first serves the z^-N initial items of a delay edge, then the channel's frames. The initial
 * items are preallocated zero frames owned by this reader, so a delay on one edge of a fan-out does not delay
 * the other readers of the same ring.
 *
 * <p>Initial items are zeros: a sample stream gets {@code delay} zero samples (in frames of up to the chunk
 * size); vectors, matrices and images get {@code delay} full frames of zeros; record lists get {@code delay}
 * empty lists.
 */
public final class DelayedReader implements ChannelReader {

    private final ChannelReader inner;
    private final Frame[] initial;
    private int next;
    private int position;

    /**
     * @param inner the channel's reader
     * @param delay initial items; at least 1
     */
    public DelayedReader(ChannelReader inner, int delay) {
        if (delay < 1) {
            throw new IllegalArgumentException("delay must be >= 1, was " + delay);
        }
        this.inner = inner;
        DataType type = inner.type();
        if (type instanceof DataType.SampleStream) {
            int chunk = type.elementCapacity();
            int frames = (delay + chunk - 1) / chunk;
            initial = new Frame[frames];
            for (int i = 0; i < frames; i++) {
                initial[i] = new Frame(type).setLength(Math.min(chunk, delay - i * chunk));
            }
        } else {
            initial = new Frame[delay];
            for (int i = 0; i < delay; i++) {
                initial[i] = new Frame(type); // zero-filled; full length, or an empty record list
            }
        }
    }

    private boolean inDelay() {
        return next < initial.length;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public DataType type() {
        return inner.type();
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    /**
     * The initial items left plus the channel's frames: both can be read now, without waiting. (It used to
     * count only the initial items while in the delay, so a processor waiting for {@code available() >= k}
     * with fewer than k initial items left waited forever even though the channel had frames.)
     */
    @Override
    public int available() {
        if (!inDelay()) {
            return inner.available();
        }
        return (int) Math.min(Integer.MAX_VALUE, (long) (initial.length - next) + inner.available());
    }

    @Override
    public Frame peek() {
        return inDelay() ? initial[next] : inner.peek();
    }

    @Override
    public void release() {
        if (inDelay()) {
            next++;
            position = 0;
        } else {
            inner.release();
        }
    }

    @Override
    public int position() {
        return inDelay() ? position : inner.position();
    }

    @Override
    public void consume(int elements) {
        if (!inDelay()) {
            inner.consume(elements);
            return;
        }
        position = ChannelReader.advance(name(), initial[next], position, elements);
        if (position == initial[next].length()) {
            release();
        }
    }

    @Override
    public boolean isEndOfStream() {
        return !inDelay() && inner.isEndOfStream();
    }

    @Override
    public OverflowPolicy policy() {
        return inner.policy();
    }

    @Override
    public void detach() {
        next = initial.length;
        inner.detach();
    }

    @Override
    public long framesConsumed() {
        return inner.framesConsumed();
    }

    @Override
    public long framesDropped() {
        return inner.framesDropped();
    }

    @Override
    public int backlog() {
        return inner.backlog();
    }
}

package dev.weir.engine.runtime;

/**
 * What a worker does after a duty cycle, in the manner of Agrona's {@code IdleStrategy}: nothing after useful
 * work, and progressively less eager polling (spin, yield, park) the longer it finds none.
 *
 * <p>Called only by the owning worker thread. Implementations must not allocate.
 */
public interface IdleStrategy {

    /**
     * Idles according to the work done in the last cycle.
     *
     * @param workCount number of tasks that made progress; zero means the worker found nothing to do
     */
    void idle(int workCount);

    /** Forgets the back-off state, for example after a pause. */
    void reset();
}

package dev.weir.engine.runtime;

import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.WorkStatus;
import dev.weir.engine.runtime.channel.ChannelReader;
import dev.weir.engine.runtime.channel.ChannelWriter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One node's processor with its ports, driven by a worker: the engine-side counterpart of Jet's
 * {@code ProcessorTasklet}. It turns the processor's {@link WorkStatus} answers into the node's phase.
 *
 * <pre>
 *   NEW ──open──&gt; RUNNING ──process: DONE, or inputs ended──&gt; COMPLETING ──complete: DONE──&gt; FINISHED
 *                    └──────────── every reader of its outputs detached (cancelled) ──────────┘
 * </pre>
 *
 * All methods but {@link #requestParams} and the metric getters run on the owning worker thread.
 */
final class NodeTask {

    enum Phase { NEW, RUNNING, COMPLETING, FINISHED }

    private static final VarHandle BUSY;
    private static final VarHandle PHASE;

    static {
        try {
            BUSY = MethodHandles.lookup().findVarHandle(NodeTask.class, "busyNanos", long.class);
            PHASE = MethodHandles.lookup().findVarHandle(NodeTask.class, "phase", Phase.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final String nodeId;
    final NodeDescriptor descriptor;
    private final Processor processor;
    private final ProcessorContext context;
    private final Inputs inputs;
    private final Outputs outputs;
    /** Inputs whose end of stream ends the node: every connected input not fed through a delay edge. */
    private final InputPort[] completionInputs;
    private final ChannelReader[] readers;
    private final ChannelWriter[] writers;
    private final boolean hasConnectedOutput;
    private final AtomicReference<Params> pendingParams = new AtomicReference<>();
    private Params params;
    private boolean opened;
    @SuppressWarnings("unused") // accessed through PHASE
    private Phase phase = Phase.NEW;
    @SuppressWarnings("unused") // accessed through BUSY
    private long busyNanos;
    private String lastCall = "open";

    NodeTask(String nodeId, NodeDescriptor descriptor, Processor processor, ProcessorContext context, Inputs inputs,
             Outputs outputs, InputPort[] completionInputs, ChannelReader[] readers, ChannelWriter[] writers) {
        this.nodeId = nodeId;
        this.descriptor = descriptor;
        this.processor = processor;
        this.context = context;
        this.inputs = inputs;
        this.outputs = outputs;
        this.completionInputs = completionInputs;
        this.readers = readers;
        this.writers = writers;
        this.params = context.params();
        boolean connected = false;
        for (ChannelWriter w : writers) {
            connected |= w.isConnected();
        }
        this.hasConnectedOutput = connected;
    }

    /** Opens the processor. On the worker thread, before any step. */
    void open() throws Exception {
        opened = true;
        lastCall = "open";
        processor.open(context);
        PHASE.setRelease(this, Phase.RUNNING);
    }

    /**
     * Runs one bounded piece of the node's work.
     *
     * @return 1 when it made progress, 0 otherwise
     */
    int step() {
        Phase p = (Phase) PHASE.get(this);
        if (p == Phase.RUNNING) {
            return stepRunning();
        }
        if (p == Phase.COMPLETING) {
            lastCall = "complete";
            long t0 = System.nanoTime();
            WorkStatus s = processor.complete(outputs);
            addBusy(System.nanoTime() - t0);
            if (s == WorkStatus.DONE) {
                finish();
                return 1;
            }
            return s.progressed() ? 1 : 0;
        }
        return 0;
    }

    private int stepRunning() {
        Params next = pendingParams.get();
        if (next != null && pendingParams.compareAndSet(next, null)) {
            lastCall = "params";
            Params previous = params;
            params = next;
            processor.onParamsChanged(previous, next);
        }
        if (hasConnectedOutput && allConnectedOutputsAbandoned()) {
            // Nobody reads what this node writes any more (a head node downstream finished): cancel it.
            finish();
            return 1;
        }
        lastCall = "process";
        long t0 = System.nanoTime();
        WorkStatus s = processor.process(inputs, outputs);
        addBusy(System.nanoTime() - t0);
        switch (s) {
            case OK:
                return 1;
            case DONE:
                PHASE.setRelease(this, Phase.COMPLETING);
                return 1;
            case NEED_INPUT:
                if (inputsExhausted()) {
                    PHASE.setRelease(this, Phase.COMPLETING);
                    return 1;
                }
                return 0;
            default:
                return 0;
        }
    }

    /**
     * Whether waiting for input is pointless: some input has ended and every other one has data the processor
     * did not take. Waiting for all inputs to end would deadlock a node whose live input fills up while it
     * waits for the ended one.
     */
    private boolean inputsExhausted() {
        if (completionInputs.length == 0) {
            return false;
        }
        boolean anyEnded = false;
        for (InputPort in : completionInputs) {
            if (in.isEndOfStream()) {
                anyEnded = true;
            } else if (in.available() == 0) {
                return false;
            }
        }
        return anyEnded;
    }

    private boolean allConnectedOutputsAbandoned() {
        for (ChannelWriter w : writers) {
            if (w.isConnected() && !w.isAbandoned()) {
                return false;
            }
        }
        return true;
    }

    private void finish() {
        for (ChannelWriter w : writers) {
            w.complete();
        }
        for (ChannelReader r : readers) {
            r.detach();
        }
        PHASE.setRelease(this, Phase.FINISHED);
    }

    private void addBusy(long nanos) {
        BUSY.setOpaque(this, (long) BUSY.get(this) + nanos);
    }

    /**
     * Ends the node's streams and releases its inputs without finishing normally: used when the run stops or
     * fails, so that nothing waits on this node.
     */
    void abandon() {
        if ((Phase) PHASE.get(this) != Phase.FINISHED) {
            finish();
        }
    }

    /** Closes the processor if it was opened. On the worker thread, exactly once. */
    void close() throws Exception {
        if (opened) {
            opened = false;
            lastCall = "close";
            processor.close();
        }
    }

    /** Queues params to apply before the next {@code process} call. Any thread; the latest wins. */
    void requestParams(Params next) {
        pendingParams.set(next);
    }

    /** The lifecycle call in progress or last made, for failure reports. */
    String lastCall() {
        return lastCall;
    }

    Phase phase() {
        return (Phase) PHASE.getAcquire(this);
    }

    long busyNanos() {
        return (long) BUSY.getOpaque(this);
    }

    ChannelReader[] readers() {
        return readers;
    }

    ChannelWriter[] writers() {
        return writers;
    }

    boolean isFinished() {
        return phase() == Phase.FINISHED;
    }
}

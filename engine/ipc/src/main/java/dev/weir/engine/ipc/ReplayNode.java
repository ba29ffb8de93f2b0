package dev.weir.engine.ipc;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputFiles;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.OutputPort;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.Scheduling;
import dev.weir.engine.api.WorkStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code replay.queue_source}: plays a recorded edge back. Frames come out exactly as they were recorded (header
 * and payload), read from the queue straight into the output frame.
 *
 * <ul>
 *   <li>{@code path}: the recording's folder ({@code RECORD_FOLDER/EDGE}, with {@code recording.properties});</li>
 *   <li>{@code frame_type}: the frames' type in {@link FrameTypes} text, which {@code weir replay} copies from the
 *       recording's index (a graph file must say it, because validation never opens files);</li>
 *   <li>{@code speed}: {@code max}, or {@code original}: paced by the frames' signal time (time stamp, else index
 *       over sample rate) from the first frame played;</li>
 *   <li>{@code from_frame}: the first frame, counted from 0 in the recording;</li>
 *   <li>{@code from_time_s}: skip frames earlier than this, in signal time since the recording's first frame.</li>
 * </ul>
 *
 * A BLOCKING node: it waits for pacing on its own thread, and a stop's interrupt ends the wait at once.
 */
final class ReplayNode implements Processor {

    static final String TYPE = "replay.queue_source";
    private static final DataType PLACEHOLDER = new DataType.VectorOf(dev.weir.engine.api.ElementType.FLOAT32,
            dev.weir.engine.api.Dim.any());

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder(TYPE, 1)
                .label("Replay recorded edge")
                .category("IO/Sources")
                .description("Plays back the frames a recorded edge kept on disk, at their original pace or as fast"
                        + " as downstream takes them, from a chosen frame or time.")
                .param(new ParamSpec("path", "Recording", new ParamType.PathType(ParamType.PathMode.DIRECTORY), "",
                        "", false, "The recording's folder: RECORD_FOLDER/EDGE_ID."))
                .param(new ParamSpec("frame_type", "Frame type", new ParamType.TextType(4096),
                        "vector<float32>[1]", "", false,
                        "The recorded frames' type, as recording.properties says (weir replay fills it in)."))
                .param(new ParamSpec("speed", "Speed", new ParamType.ChoiceType(List.of("max", "original")), "max", "",
                        false, "max: as fast as downstream reads; original: paced by the frames' signal time."))
                .param(ParamSpec.integer("from_frame", "From frame", 0, 0, Long.MAX_VALUE, "", false,
                        "First frame to play, counted from 0."))
                .param(ParamSpec.real("from_time_s", "From time", 0, 0, 1e12, "s", false,
                        "Skip frames earlier than this, in signal time since the first recorded frame."))
                .output(PortSpec.of("out", PLACEHOLDER, "The recorded frames."))
                .infer((params, inputs, outputs) -> List.of(FrameTypes.parse(params.getString("frame_type"))))
                .scheduling(Scheduling.BLOCKING)
                .factory(ReplayNode::new)
                .build();
    }

    private RecordingReader reader;
    private boolean original;
    private long wallStart;
    private double signalStart = Double.NaN;
    private String where;

    @Override
    public void open(ProcessorContext context) throws Exception {
        Params p = context.params();
        Path dir = InputFiles.resolve(p.getString("path"));
        where = "node '" + context.nodeId() + "': recording " + dir;
        Recording rec;
        try {
            rec = Recording.read(dir);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("node '" + context.nodeId() + "': " + e.getMessage(), e);
        }
        DataType declared = context.outputs().getFirst().type();
        if (!FrameTypes.parse(rec.frameType()).equals(declared)) {
            throw new IllegalArgumentException(where + " holds " + rec.frameType() + " but param frame_type says "
                    + p.getString("frame_type"));
        }
        original = p.getString("speed").equals("original");
        reader = new RecordingReader(dir, new Frame(declared));
        reader.seek(p.getLong("from_frame"));
        double fromTime = p.getDouble("from_time_s");
        if (fromTime > 0 && reader.frames() > 0) {
            long resume = reader.next();
            reader.seek(0);
            reader.skip();
            double t0 = reader.lastSignalSeconds();
            if (Double.isNaN(t0)) {
                throw new IllegalArgumentException(where + ": its frames carry no time stamp or sample rate, so"
                        + " from_time_s cannot be used; use from_frame");
            }
            reader.seek(resume);
            while (reader.next() < reader.frames()) {
                long at = reader.next();
                reader.skip();
                if (reader.lastSignalSeconds() - t0 >= fromTime) {
                    reader.seek(at);
                    break;
                }
            }
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(where + " is not a folder");
        }
    }

    @Override
    public WorkStatus process(Inputs in, dev.weir.engine.api.Outputs out) {
        OutputPort port = out.port(0);
        if (reader.next() >= reader.frames()) {
            if (reader.complete()) {
                return WorkStatus.DONE;
            }
            // Still being recorded: wait briefly for more.
            LockSupport.parkNanos(1_000_000);
            return Thread.currentThread().isInterrupted() ? WorkStatus.DONE : WorkStatus.NEED_INPUT;
        }
        if (port.remaining() == 0) {
            return WorkStatus.NEED_OUTPUT_SPACE;
        }
        Frame f = port.claim();
        reader.read(f);
        if (original) {
            pace(reader.lastSignalSeconds());
        }
        port.publish();
        return WorkStatus.OK;
    }

    /** Waits until the wall clock has advanced as far as the signal since the first frame played. */
    private void pace(double signal) {
        if (Double.isNaN(signal)) {
            return;
        }
        if (Double.isNaN(signalStart)) {
            signalStart = signal;
            wallStart = System.nanoTime();
            return;
        }
        long due = wallStart + (long) ((signal - signalStart) * 1e9);
        long wait;
        while ((wait = due - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(wait);
        }
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
        }
    }
}

package dev.weir.engine.ipc;

import dev.weir.engine.runtime.ExecutionPlan;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

/**
 * The index file of a recorded edge, {@code recording.properties} next to the queue: what the frames are, so that a
 * replay node can be typed without reading the queue, and where they came from.
 *
 * <pre>
 *   RECORD_FOLDER/EDGE/
 *     recording.properties   format=1, frame_type, edge, from, to, graph, capacity, created
 *     channel.ctl            frame count (published), segment starts; completed=1 once the writer ended
 *     seg-0000/ ...          Chronicle queues of flat frames
 * </pre>
 *
 * @param dir       the recording's folder
 * @param frameType {@link FrameTypes} text of the frames
 * @param edge      the recorded edge id
 * @param from      writer as node.port
 * @param graph     the graph id
 */
public record Recording(Path dir, String frameType, String edge, String from, String graph) {

    /** The index file's name. */
    public static final String INDEX_FILE = "recording.properties";

    static void writeIndex(Path dir, ExecutionPlan plan, ExecutionPlan.PlannedChannel pc, int capacity)
            throws IOException {
        Properties p = new Properties();
        p.setProperty("format", "1");
        p.setProperty("frame_type", FrameTypes.format(pc.type()));
        p.setProperty("edge", pc.recordEdge());
        p.setProperty("from", pc.name());
        p.setProperty("graph", plan.graph().document().id());
        p.setProperty("capacity", Integer.toString(capacity));
        p.setProperty("created", Instant.now().toString());
        try (Writer w = Files.newBufferedWriter(dir.resolve(INDEX_FILE), StandardCharsets.UTF_8)) {
            p.store(w, "Weir recording: flat frames in Chronicle queues (see docs/architecture.md)");
        }
    }

    /**
     * Reads the index of the recording in {@code dir}.
     *
     * @throws IllegalArgumentException naming the folder when it holds no readable recording
     */
    public static Recording read(Path dir) {
        Path index = dir.resolve(INDEX_FILE);
        if (!Files.isRegularFile(index) || !Files.isRegularFile(dir.resolve(QueueChannel.CONTROL_FILE))) {
            throw new IllegalArgumentException("'" + dir + "' is not a Weir recording (no " + INDEX_FILE + " and "
                    + QueueChannel.CONTROL_FILE + ")");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + index, e);
        }
        String type = p.getProperty("frame_type");
        if (type == null) {
            throw new IllegalArgumentException(index + " has no frame_type");
        }
        FrameTypes.parse(type); // refuse a bad index now rather than when replaying
        return new Recording(dir, type, p.getProperty("edge", ""), p.getProperty("from", ""),
                p.getProperty("graph", ""));
    }

    /** Frames recorded so far. */
    public long frames() {
        try (ChannelControl c = ChannelControl.open(dir.resolve(QueueChannel.CONTROL_FILE))) {
            return c.published();
        }
    }
}

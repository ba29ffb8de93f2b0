package dev.weir.engine.api.testing;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.RecordSchema;
import dev.weir.engine.api.Storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Short ways to build, copy, compare and print {@link Frame}s in tests.
 *
 * <p>Every builder allocates fresh frames: test data is built once, outside any measured loop, so clarity wins
 * over reuse here. Values are given as array <em>slots</em> (complex elements interleaved re, im; records as
 * their fields in schema order), exactly as they lie in the frame's backing array, so a test reads like the
 * binary layout documented on {@link Frame}.
 *
 * <pre>{@code
 * DataType f32 = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(64));
 * List<Frame> in = Frames.floatChunks(f32, new float[] {1, 2}, new float[] {3});
 * List<Frame> counts = Frames.values(0, 1, 2);            // one VALUE record per frame
 * Frame pulse = Frames.floats(vectorType, 1, 0, 0, 1).setIndex(7);   // setters chain
 * }</pre>
 */
public final class Frames {

    /** One {@link RecordSchema#VALUE} record per frame: the item type of counting and arithmetic test graphs. */
    public static final DataType VALUE_TYPE = new DataType.RecordsOf(RecordSchema.VALUE, Dim.of(1));

    /** Payload elements shown by {@link #describe(Frame)} before it abbreviates. */
    private static final int PREVIEW_ELEMENTS = 8;

    private Frames() {
    }

    /**
     * A frame of {@code type} holding {@code slots} (complex elements interleaved re, im).
     *
     * @throws IllegalArgumentException when {@code type} is not float-backed, the slots do not make whole
     *                                  elements, or their number does not fit the type (see {@link #fit})
     */
    public static Frame floats(DataType type, float... slots) {
        Frame f = allocate(type, Storage.FLOAT, "floats");
        System.arraycopy(slots, 0, f.floats(), 0, fit(f, slots.length));
        return f;
    }

    /** A frame of a double-backed {@code type} holding {@code slots}; see {@link #floats}. */
    public static Frame doubles(DataType type, double... slots) {
        Frame f = allocate(type, Storage.DOUBLE, "doubles");
        System.arraycopy(slots, 0, f.doubles(), 0, fit(f, slots.length));
        return f;
    }

    /** A frame of a long-backed {@code type} (INT64 elements or records) holding {@code slots}; see {@link #floats}. */
    public static Frame longs(DataType type, long... slots) {
        Frame f = allocate(type, Storage.LONG, "longs");
        System.arraycopy(slots, 0, f.longs(), 0, fit(f, slots.length));
        return f;
    }

    /**
     * A frame of a byte-backed {@code type} (UINT8 elements, 8-bit images) holding {@code unsignedSlots}, each
     * 0..255. Taking ints spares tests the {@code (byte)} casts that values above 127 would need.
     */
    public static Frame bytes(DataType type, int... unsignedSlots) {
        Frame f = allocate(type, Storage.BYTE, "bytes");
        int n = fit(f, unsignedSlots.length);
        byte[] b = f.bytes();
        for (int i = 0; i < n; i++) {
            int v = unsignedSlots[i];
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("byte slot " + i + " must be 0..255, was " + v);
            }
            b[i] = (byte) v;
        }
        return f;
    }

    /** One float frame per chunk, in order; see {@link #floats}. */
    public static List<Frame> floatChunks(DataType type, float[]... chunks) {
        List<Frame> out = new ArrayList<>(chunks.length);
        for (float[] c : chunks) {
            out.add(floats(type, c));
        }
        return out;
    }

    /** One double frame per chunk, in order; see {@link #floats}. */
    public static List<Frame> doubleChunks(DataType type, double[]... chunks) {
        List<Frame> out = new ArrayList<>(chunks.length);
        for (double[] c : chunks) {
            out.add(doubles(type, c));
        }
        return out;
    }

    /** One long frame per chunk, in order; see {@link #floats}. */
    public static List<Frame> longChunks(DataType type, long[]... chunks) {
        List<Frame> out = new ArrayList<>(chunks.length);
        for (long[] c : chunks) {
            out.add(longs(type, c));
        }
        return out;
    }

    /**
     * {@code slots} cut into float frames of at most {@code elementsPerFrame} elements each, the last one
     * possibly shorter: the quickest way to feed a long signal through a stream port in uneven chunks.
     */
    public static List<Frame> split(DataType type, int elementsPerFrame, float... slots) {
        if (elementsPerFrame <= 0) {
            throw new IllegalArgumentException("elementsPerFrame must be positive, was " + elementsPerFrame);
        }
        int perElement = new Frame(type).slotsPerElement();
        int step = elementsPerFrame * perElement;
        List<Frame> out = new ArrayList<>();
        for (int from = 0; from < slots.length; from += step) {
            out.add(floats(type, Arrays.copyOfRange(slots, from, Math.min(slots.length, from + step))));
        }
        return out;
    }

    /** One {@link #VALUE_TYPE} frame per value, each holding a single record; headers are zero. */
    public static List<Frame> values(long... values) {
        List<Frame> out = new ArrayList<>(values.length);
        for (long v : values) {
            out.add(longs(VALUE_TYPE, v));
        }
        return out;
    }

    /**
     * Sets each frame's index to its position in the list (pulse, video-frame or record-list numbering) and
     * returns the same list, for producers that number their items.
     */
    public static List<Frame> numbered(List<Frame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            frames.get(i).setIndex(i);
        }
        return frames;
    }

    /**
     * Sets each frame's index to the element offset of its first element in the stream (the running sum of
     * the lengths before it) and its sample rate to {@code sampleRate}; returns the same list. This is the
     * header a well-behaved stream source writes.
     */
    public static List<Frame> sampleIndexed(List<Frame> frames, double sampleRate) {
        long offset = 0;
        for (Frame f : frames) {
            f.setIndex(offset).setSampleRate(sampleRate);
            offset += f.length();
        }
        return frames;
    }

    /** A new frame equal to {@code frame}: same type, header, length and valid payload. */
    public static Frame copyOf(Frame frame) {
        return new Frame(frame.type()).copyFrom(frame);
    }

    /** New frames equal to {@code frames}, in order. */
    public static List<Frame> copyOf(List<Frame> frames) {
        List<Frame> out = new ArrayList<>(frames.size());
        for (Frame f : frames) {
            out.add(copyOf(f));
        }
        return out;
    }

    /**
     * What differs between two frames, compared as {@link ProcessorVerifier} compares output: type (by
     * {@link DataType#describe()}, so a stream's chunk capacity does not matter), length, header
     * (index, sample rate, flags) and the valid payload slots; timestamps are ignored.
     *
     * @param tolerance largest absolute difference accepted between float or double slots (and FLOAT64
     *                  record fields); 0 means exact. NaN equals NaN.
     * @return empty when equal, else a phrase such as {@code differs at element 17: expected 2.0, was 0.0}
     */
    public static Optional<String> difference(Frame expected, Frame actual, double tolerance) {
        return difference(expected, actual, tolerance, false);
    }

    /**
     * Like {@link #difference(Frame, Frame, double)}, also comparing {@link Frame#timestampNanos()} when
     * {@code compareTimestamps} is set.
     */
    public static Optional<String> difference(Frame expected, Frame actual, double tolerance,
                                              boolean compareTimestamps) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, was " + tolerance);
        }
        String et = expected.type().describe();
        String at = actual.type().describe();
        if (!et.equals(at) || expected.storage() != actual.storage()
                || expected.slotsPerElement() != actual.slotsPerElement()) {
            return Optional.of("differs in type: expected " + et + ", was " + at);
        }
        if (expected.length() != actual.length()) {
            return Optional.of("differs in length: expected " + expected.length() + ", was " + actual.length()
                    + " (expected " + payload(expected) + ", was " + payload(actual) + ")");
        }
        if (expected.index() != actual.index()) {
            return Optional.of("differs in header field index: expected " + expected.index() + ", was " + actual.index());
        }
        if (Double.compare(expected.sampleRate(), actual.sampleRate()) != 0
                && expected.sampleRate() != actual.sampleRate()) {
            return Optional.of("differs in header field sample_rate: expected " + expected.sampleRate()
                    + ", was " + actual.sampleRate());
        }
        if (expected.flags() != actual.flags()) {
            return Optional.of("differs in header field flags: expected " + expected.flags() + ", was " + actual.flags());
        }
        if (compareTimestamps && expected.timestampNanos() != actual.timestampNanos()) {
            return Optional.of("differs in header field timestamp_nanos: expected " + expected.timestampNanos()
                    + ", was " + actual.timestampNanos());
        }
        int slots = expected.length() * expected.slotsPerElement();
        int first = -1;
        int count = 0;
        for (int s = 0; s < slots; s++) {
            if (!slotEquals(expected, actual, s, tolerance)) {
                if (first < 0) {
                    first = s;
                }
                count++;
            }
        }
        if (first < 0) {
            return Optional.empty();
        }
        String more = count > 1 ? " (and " + (count - 1) + " more differing slot" + (count > 2 ? "s" : "") + ")" : "";
        return Optional.of("differs at " + slotName(expected, first) + ": expected " + slotText(expected, first)
                + ", was " + slotText(actual, first) + more);
    }

    /**
     * A one-line summary for messages: type, length, header and the first few payload slots, such as
     * {@code stream<float32> length=3 index=0 sample_rate=0.0 flags=0 [1.0, 2.0, 3.0]}.
     */
    public static String describe(Frame frame) {
        return frame.type().describe() + " length=" + frame.length() + " index=" + frame.index()
                + " sample_rate=" + frame.sampleRate() + " flags=" + frame.flags() + " " + payload(frame);
    }

    // ---------------------------------------------------------------------------------------------------

    private static Frame allocate(DataType type, Storage wanted, String builder) {
        Frame f = new Frame(type);
        if (f.storage() != wanted) {
            throw new IllegalArgumentException(type.describe() + " is " + f.storage() + "-backed; Frames." + builder
                    + " builds " + wanted + "-backed frames");
        }
        return f;
    }

    /**
     * Sets the length for {@code slots} array slots and returns how many to copy. Streams and record lists
     * take any length up to capacity; vectors, matrices and images are always full, so a short payload there
     * is a mistake in the test.
     */
    private static int fit(Frame f, int slots) {
        int per = f.slotsPerElement();
        if (slots % per != 0) {
            throw new IllegalArgumentException(slots + " slots do not make whole elements of " + f.type().describe()
                    + " (" + per + " slots per element)");
        }
        int elements = slots / per;
        boolean variable = f.type() instanceof DataType.SampleStream || f.type() instanceof DataType.RecordsOf;
        if (elements > f.capacity() || (!variable && elements != f.capacity())) {
            throw new IllegalArgumentException(f.type().describe() + " frames hold "
                    + (variable ? "at most " : "exactly ") + f.capacity() + " elements, got " + elements);
        }
        f.setLength(elements);
        return slots;
    }

    private static boolean slotEquals(Frame e, Frame a, int s, double tol) {
        switch (e.storage()) {
            case FLOAT -> {
                return close(e.floats()[s], a.floats()[s], tol);
            }
            case DOUBLE -> {
                return close(e.doubles()[s], a.doubles()[s], tol);
            }
            case BYTE -> {
                return e.bytes()[s] == a.bytes()[s];
            }
            case LONG -> {
                if (isDoubleField(e, s)) {
                    return close(Double.longBitsToDouble(e.longs()[s]), Double.longBitsToDouble(a.longs()[s]), tol);
                }
                return e.longs()[s] == a.longs()[s];
            }
        }
        throw new IllegalStateException("unknown storage " + e.storage());
    }

    private static boolean close(double e, double a, double tol) {
        if (e == a || (Double.isNaN(e) && Double.isNaN(a))) {
            return true;
        }
        return Math.abs(e - a) <= tol;
    }

    private static boolean isDoubleField(Frame f, int slot) {
        return f.type() instanceof DataType.RecordsOf r
                && r.schema().fields().get(slot % r.schema().slots()).kind() == RecordSchema.FieldKind.FLOAT64;
    }

    /** Names a slot in the terms of its type: element (re/im), row and column, pixel and channel, record field. */
    private static String slotName(Frame f, int s) {
        int per = f.slotsPerElement();
        return switch (f.type()) {
            case DataType.RecordsOf r -> "record " + (s / per) + " field '" + r.schema().fields().get(s % per).name() + "'";
            case DataType.ImageOf img -> {
                int pixels = f.capacity();
                if (img.format() == dev.weir.engine.api.PixelFormat.PLANAR_F32) {
                    yield "pixel " + (s % pixels) + " channel " + (s / pixels);
                }
                yield per == 1 ? "pixel " + s : "pixel " + (s / per) + " channel " + (s % per);
            }
            case DataType.MatrixOf m -> {
                int element = s / per;
                int cols = m.cols().size();
                yield "element " + element + " (row " + (element / cols) + ", col " + (element % cols) + ")"
                        + (per == 2 ? (s % 2 == 0 ? " re" : " im") : "");
            }
            default -> per == 2 ? "element " + (s / 2) + (s % 2 == 0 ? " (re)" : " (im)") : "element " + s;
        };
    }

    private static String slotText(Frame f, int s) {
        return switch (f.storage()) {
            case FLOAT -> Float.toString(f.floats()[s]);
            case DOUBLE -> Double.toString(f.doubles()[s]);
            case BYTE -> Integer.toString(f.bytes()[s] & 0xFF);
            case LONG -> isDoubleField(f, s) ? Double.toString(Double.longBitsToDouble(f.longs()[s]))
                    : Long.toString(f.longs()[s]);
        };
    }

    private static String payload(Frame f) {
        int slots = f.length() * f.slotsPerElement();
        int shown = Math.min(slots, PREVIEW_ELEMENTS * f.slotsPerElement());
        StringBuilder sb = new StringBuilder("[");
        for (int s = 0; s < shown; s++) {
            if (s > 0) {
                sb.append(", ");
            }
            sb.append(slotText(f, s));
        }
        if (shown < slots) {
            sb.append(", ... ").append(slots - shown).append(" more");
        }
        return sb.append(']').toString();
    }
}

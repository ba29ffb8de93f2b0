package dev.weir.engine.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The type of the items that travel on one port.
 *
 * <p>Every item is a {@link Frame}: one flat primitive array plus a fixed header. The data type says how the
 * array is interpreted and bounds its size, so the engine can preallocate every frame of an edge before a run.
 *
 * <pre>
 *  kind           one item (frame) is                       backing array   capacity in elements
 *  -------------  ----------------------------------------  --------------  --------------------
 *  SampleStream   a chunk of up to `chunk` samples          by element      chunk
 *  VectorOf       exactly `length` elements (one pulse)     by element      length
 *  MatrixOf       rows x cols, row-major (a CPI, an RD map) by element      rows * cols
 *  ImageOf        width x height pixels                     by pixel format width * height
 *  RecordsOf      up to `maxCount` records (detections)     long[]          maxCount
 * </pre>
 *
 * Dimensions may refer to params ({@link Dim.FromParam}); {@link #resolve(Params)} fixes them per node.
 */
public sealed interface DataType {

    /** Backing array kind of a frame of this type. */
    Storage storage();

    /** Largest number of elements (samples, pixels, records) in one frame. Requires resolved dimensions. */
    int elementCapacity();

    /** Array slots needed for {@link #elementCapacity()} elements. Requires resolved dimensions. */
    int slotCapacity();

    /** This type with every {@link Dim.FromParam} replaced by the param's value. */
    DataType resolve(Params params);

    /** Whether every dimension is fixed, so frames can be preallocated. */
    boolean isResolved();

    /**
     * Why a writer of this type cannot feed a reader of type {@code reader}, or empty when it can.
     * Sample-stream chunk sizes never conflict: a reader takes whatever chunk the writer publishes.
     */
    Optional<String> incompatibilityWith(DataType reader);

    /** Short human-readable form, for the editor and messages, such as {@code vector<complex64>[480]}. */
    String describe();

    /** A stream of samples published in chunks of at most {@code chunk} elements. */
    record SampleStream(ElementType element, Dim chunk) implements DataType {
        public SampleStream {
            Objects.requireNonNull(element, "element");
            Objects.requireNonNull(chunk, "chunk");
        }

        @Override
        public Storage storage() {
            return element.storage();
        }

        @Override
        public int elementCapacity() {
            return chunk.size();
        }

        @Override
        public int slotCapacity() {
            return Math.multiplyExact(chunk.size(), element.components());
        }

        @Override
        public DataType resolve(Params params) {
            return new SampleStream(element, chunk.resolve(params));
        }

        @Override
        public boolean isResolved() {
            return chunk.isFixed();
        }

        @Override
        public Optional<String> incompatibilityWith(DataType reader) {
            if (reader instanceof SampleStream s && s.element == element) {
                return Optional.empty();
            }
            return mismatch(this, reader);
        }

        @Override
        public String describe() {
            return "stream<" + name(element) + ">";
        }
    }

    /** A fixed-length vector of elements, such as one radar pulse of N complex samples. */
    record VectorOf(ElementType element, Dim length) implements DataType {
        public VectorOf {
            Objects.requireNonNull(element, "element");
            Objects.requireNonNull(length, "length");
        }

        @Override
        public Storage storage() {
            return element.storage();
        }

        @Override
        public int elementCapacity() {
            return length.size();
        }

        @Override
        public int slotCapacity() {
            return Math.multiplyExact(length.size(), element.components());
        }

        @Override
        public DataType resolve(Params params) {
            return new VectorOf(element, length.resolve(params));
        }

        @Override
        public boolean isResolved() {
            return length.isFixed();
        }

        @Override
        public Optional<String> incompatibilityWith(DataType reader) {
            if (reader instanceof VectorOf v && v.element == element) {
                return length.compatibleWith(v.length) ? Optional.empty()
                        : Optional.of("vector length " + length + " does not match " + v.length);
            }
            return mismatch(this, reader);
        }

        @Override
        public String describe() {
            return "vector<" + name(element) + ">[" + length + "]";
        }
    }

    /** A row-major matrix, such as a CPI (pulses x range bins) or a range-Doppler map. */
    record MatrixOf(ElementType element, Dim rows, Dim cols) implements DataType {
        public MatrixOf {
            Objects.requireNonNull(element, "element");
            Objects.requireNonNull(rows, "rows");
            Objects.requireNonNull(cols, "cols");
        }

        @Override
        public Storage storage() {
            return element.storage();
        }

        @Override
        public int elementCapacity() {
            return Math.multiplyExact(rows.size(), cols.size());
        }

        @Override
        public int slotCapacity() {
            return Math.multiplyExact(elementCapacity(), element.components());
        }

        @Override
        public DataType resolve(Params params) {
            return new MatrixOf(element, rows.resolve(params), cols.resolve(params));
        }

        @Override
        public boolean isResolved() {
            return rows.isFixed() && cols.isFixed();
        }

        @Override
        public Optional<String> incompatibilityWith(DataType reader) {
            if (reader instanceof MatrixOf m && m.element == element) {
                return rows.compatibleWith(m.rows) && cols.compatibleWith(m.cols) ? Optional.empty()
                        : Optional.of("matrix shape " + rows + "x" + cols + " does not match " + m.rows + "x" + m.cols);
            }
            return mismatch(this, reader);
        }

        @Override
        public String describe() {
            return "matrix<" + name(element) + ">[" + rows + "x" + cols + "]";
        }
    }

    /** An image frame. */
    record ImageOf(PixelFormat format, Dim width, Dim height) implements DataType {
        public ImageOf {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(width, "width");
            Objects.requireNonNull(height, "height");
        }

        @Override
        public Storage storage() {
            return format.storage();
        }

        @Override
        public int elementCapacity() {
            return Math.multiplyExact(width.size(), height.size());
        }

        @Override
        public int slotCapacity() {
            return Math.multiplyExact(elementCapacity(), format.channels());
        }

        @Override
        public DataType resolve(Params params) {
            return new ImageOf(format, width.resolve(params), height.resolve(params));
        }

        @Override
        public boolean isResolved() {
            return width.isFixed() && height.isFixed();
        }

        @Override
        public Optional<String> incompatibilityWith(DataType reader) {
            if (reader instanceof ImageOf i && i.format == format) {
                return width.compatibleWith(i.width) && height.compatibleWith(i.height) ? Optional.empty()
                        : Optional.of("image size " + width + "x" + height + " does not match " + i.width + "x" + i.height);
            }
            return mismatch(this, reader);
        }

        @Override
        public String describe() {
            return "image<" + format.name().toLowerCase(java.util.Locale.ROOT) + ">[" + width + "x" + height + "]";
        }
    }

    /** A list of up to {@code maxCount} records, such as the detections of one video frame or one CPI. */
    record RecordsOf(RecordSchema schema, Dim maxCount) implements DataType {
        public RecordsOf {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(maxCount, "maxCount");
        }

        @Override
        public Storage storage() {
            return Storage.LONG;
        }

        @Override
        public int elementCapacity() {
            return maxCount.size();
        }

        @Override
        public int slotCapacity() {
            return Math.multiplyExact(maxCount.size(), schema.slots());
        }

        @Override
        public DataType resolve(Params params) {
            return new RecordsOf(schema, maxCount.resolve(params));
        }

        @Override
        public boolean isResolved() {
            return maxCount.isFixed();
        }

        @Override
        public Optional<String> incompatibilityWith(DataType reader) {
            if (reader instanceof RecordsOf r && r.schema.equals(schema)) {
                return Optional.empty();
            }
            return mismatch(this, reader);
        }

        @Override
        public String describe() {
            return "records<" + schema.name() + ">[" + maxCount + "]";
        }
    }

    /**
     * A type picked by a choice param, as GRC's {@code dtype: ${type}}: a counter emits records or float
     * chunks depending on its {@code element} param. Resolving it picks the option and resolves that.
     *
     * @param key     the choice param
     * @param options type per choice value
     */
    record ByParam(String key, java.util.Map<String, DataType> options) implements DataType {
        public ByParam {
            Objects.requireNonNull(key, "key");
            options = java.util.Map.copyOf(options);
            if (options.isEmpty()) {
                throw new IllegalArgumentException("type chosen by '" + key + "' has no options");
            }
        }

        @Override
        public Storage storage() {
            throw unresolved();
        }

        @Override
        public int elementCapacity() {
            throw unresolved();
        }

        @Override
        public int slotCapacity() {
            throw unresolved();
        }

        private IllegalStateException unresolved() {
            return new IllegalStateException("type chosen by param '" + key + "' is not resolved");
        }

        @Override
        public DataType resolve(Params params) {
            String choice = params.getString(key);
            DataType t = options.get(choice);
            if (t == null) {
                throw new IllegalArgumentException("param '" + key + "' value '" + choice
                        + "' selects no port type; expected one of " + new java.util.TreeSet<>(options.keySet()));
            }
            return t.resolve(params);
        }

        @Override
        public boolean isResolved() {
            return false;
        }

        @Override
        public Optional<String> incompatibilityWith(DataType reader) {
            for (DataType t : options.values()) {
                if (t.incompatibilityWith(reader).isEmpty()) {
                    return Optional.empty();
                }
            }
            return mismatch(this, reader);
        }

        @Override
        public String describe() {
            return "${" + key + "}";
        }
    }

    private static String name(ElementType e) {
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Optional<String> mismatch(DataType writer, DataType reader) {
        return Optional.of(writer.describe() + " cannot feed " + reader.describe());
    }
}

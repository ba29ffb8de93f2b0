package dev.weir.nodes.basic;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.RecordSchema;

import java.util.List;
import java.util.Map;

/**
 * The two element kinds the basic nodes handle, picked by their {@code element} param:
 * <ul>
 *   <li>{@code value}: one integer record per frame, copied by value (the immutable element type);</li>
 *   <li>{@code f32}: float samples in chunks of {@code chunk}, written in place into reused buffers (the mutable
 *       element type).</li>
 * </ul>
 */
final class Elements {

    static final String VALUE = "value";
    static final String F32 = "f32";

    /** One integer per frame. */
    static final DataType VALUE_TYPE = new DataType.RecordsOf(RecordSchema.VALUE, Dim.of(1));

    private Elements() {
    }

    /** The {@code element} param. */
    static ParamSpec elementParam() {
        return new ParamSpec("element", "Element", new ParamType.ChoiceType(List.of(VALUE, F32)), VALUE, "", false,
                "value: one integer record per frame; f32: float32 samples in chunks.");
    }

    /** The {@code chunk} param: samples per frame in f32 mode. */
    static ParamSpec chunkParam() {
        return ParamSpec.integer("chunk", "Chunk", 1024, 1, 1 << 20, "samples", false,
                "Samples per frame when element is f32.");
    }

    /** The port type for the chosen element kind. */
    static DataType portType() {
        return new DataType.ByParam("element", Map.of(
                VALUE, VALUE_TYPE,
                F32, new DataType.SampleStream(ElementType.FLOAT32, Dim.param("chunk"))));
    }
}

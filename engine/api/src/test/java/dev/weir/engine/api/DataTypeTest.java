package dev.weir.engine.api;

import dev.weir.engine.api.DataType.ByParam;
import dev.weir.engine.api.DataType.ImageOf;
import dev.weir.engine.api.DataType.MatrixOf;
import dev.weir.engine.api.DataType.RecordsOf;
import dev.weir.engine.api.DataType.SampleStream;
import dev.weir.engine.api.DataType.VectorOf;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static dev.weir.engine.api.ElementType.COMPLEX128;
import static dev.weir.engine.api.ElementType.COMPLEX64;
import static dev.weir.engine.api.ElementType.FLOAT32;
import static dev.weir.engine.api.ElementType.FLOAT64;
import static dev.weir.engine.api.ElementType.INT64;
import static dev.weir.engine.api.ElementType.UINT8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataTypeTest {

    @Nested
    class Capacities {

        @ParameterizedTest
        @EnumSource(ElementType.class)
        void streamOfEveryElement(ElementType e) {
            SampleStream t = new SampleStream(e, Dim.of(64));
            assertThat(t.storage()).isEqualTo(e.storage());
            assertThat(t.elementCapacity()).isEqualTo(64);
            assertThat(t.slotCapacity()).isEqualTo(64 * e.components());
            assertThat(t.isResolved()).isTrue();
        }

        @Test
        void elementTypes() {
            assertThat(FLOAT32.storage()).isEqualTo(Storage.FLOAT);
            assertThat(COMPLEX64.storage()).isEqualTo(Storage.FLOAT);
            assertThat(FLOAT64.storage()).isEqualTo(Storage.DOUBLE);
            assertThat(COMPLEX128.storage()).isEqualTo(Storage.DOUBLE);
            assertThat(UINT8.storage()).isEqualTo(Storage.BYTE);
            assertThat(INT64.storage()).isEqualTo(Storage.LONG);
            assertThat(COMPLEX64.components()).isEqualTo(2);
            assertThat(COMPLEX64.isComplex()).isTrue();
            assertThat(FLOAT64.isComplex()).isFalse();
            assertThat(COMPLEX64.bytes()).isEqualTo(8);
            assertThat(COMPLEX128.bytes()).isEqualTo(16);
            assertThat(UINT8.bytes()).isEqualTo(1);
            assertThat(Storage.DOUBLE.slotBytes()).isEqualTo(8);
            assertThat(Storage.BYTE.slotBytes()).isEqualTo(1);
        }

        @Test
        void complexVectorsAndMatrices() {
            VectorOf pulse = new VectorOf(COMPLEX64, Dim.of(480));
            assertThat(pulse.storage()).isEqualTo(Storage.FLOAT);
            assertThat(pulse.elementCapacity()).isEqualTo(480);
            assertThat(pulse.slotCapacity()).isEqualTo(960);
            MatrixOf cpi = new MatrixOf(COMPLEX128, Dim.of(64), Dim.of(480));
            assertThat(cpi.storage()).isEqualTo(Storage.DOUBLE);
            assertThat(cpi.elementCapacity()).isEqualTo(64 * 480);
            assertThat(cpi.slotCapacity()).isEqualTo(64 * 480 * 2);
        }

        @Test
        void images() {
            ImageOf rgb = new ImageOf(PixelFormat.RGB24, Dim.of(640), Dim.of(480));
            assertThat(rgb.storage()).isEqualTo(Storage.BYTE);
            assertThat(rgb.elementCapacity()).isEqualTo(640 * 480);
            assertThat(rgb.slotCapacity()).isEqualTo(640 * 480 * 3);
            ImageOf gray = new ImageOf(PixelFormat.GRAY8, Dim.of(640), Dim.of(480));
            assertThat(gray.slotCapacity()).isEqualTo(640 * 480);
            ImageOf planar = new ImageOf(PixelFormat.PLANAR_F32, Dim.of(224), Dim.of(224));
            assertThat(planar.storage()).isEqualTo(Storage.FLOAT);
            assertThat(planar.slotCapacity()).isEqualTo(224 * 224 * 3);
            assertThat(PixelFormat.BGR24.channels()).isEqualTo(3);
        }

        @Test
        void records() {
            RecordsOf boxes = new RecordsOf(RecordSchema.BOXES, Dim.of(100));
            assertThat(boxes.storage()).isEqualTo(Storage.LONG);
            assertThat(boxes.elementCapacity()).isEqualTo(100);
            assertThat(boxes.slotCapacity()).isEqualTo(600);
            assertThat(new RecordsOf(RecordSchema.VALUE, Dim.of(1)).slotCapacity()).isEqualTo(1);
        }

        @Test
        void overflowIsAnErrorNotAWrapAround() {
            MatrixOf huge = new MatrixOf(FLOAT32, Dim.of(65_536), Dim.of(65_536));
            assertThatThrownBy(huge::elementCapacity).isInstanceOf(ArithmeticException.class);
            VectorOf wide = new VectorOf(COMPLEX64, Dim.of(Integer.MAX_VALUE));
            assertThat(wide.elementCapacity()).isEqualTo(Integer.MAX_VALUE);
            assertThatThrownBy(wide::slotCapacity).isInstanceOf(ArithmeticException.class);
        }

        @Test
        void unresolvedDimensionsHaveNoCapacity() {
            SampleStream t = new SampleStream(FLOAT32, Dim.param("chunk"));
            assertThat(t.isResolved()).isFalse();
            assertThatThrownBy(t::elementCapacity).isInstanceOf(IllegalStateException.class)
                    .hasMessage("dimension ${chunk} is not resolved to a fixed size");
            assertThat(new VectorOf(FLOAT32, Dim.any()).isResolved()).isFalse();
            assertThat(new MatrixOf(FLOAT32, Dim.of(2), Dim.param("n")).isResolved()).isFalse();
            assertThat(new ImageOf(PixelFormat.GRAY8, Dim.param("w"), Dim.of(2)).isResolved()).isFalse();
            assertThat(new RecordsOf(RecordSchema.BOXES, Dim.param("max")).isResolved()).isFalse();
        }
    }

    @Nested
    class Resolve {

        private final Params params = Params.of("n", 8, "w", 640, "h", 480, "max", 50);

        @Test
        void everyKindSubstitutesParams() {
            assertThat(new SampleStream(FLOAT32, Dim.param("n")).resolve(params))
                    .isEqualTo(new SampleStream(FLOAT32, Dim.of(8)));
            assertThat(new VectorOf(COMPLEX64, Dim.param("n")).resolve(params))
                    .isEqualTo(new VectorOf(COMPLEX64, Dim.of(8)));
            assertThat(new MatrixOf(FLOAT32, Dim.param("n"), Dim.of(3)).resolve(params))
                    .isEqualTo(new MatrixOf(FLOAT32, Dim.of(8), Dim.of(3)));
            assertThat(new ImageOf(PixelFormat.RGB24, Dim.param("w"), Dim.param("h")).resolve(params))
                    .isEqualTo(new ImageOf(PixelFormat.RGB24, Dim.of(640), Dim.of(480)));
            assertThat(new RecordsOf(RecordSchema.BOXES, Dim.param("max")).resolve(params))
                    .isEqualTo(new RecordsOf(RecordSchema.BOXES, Dim.of(50)));
        }

        @Test
        void resolvedTypesAreUnchanged() {
            VectorOf v = new VectorOf(FLOAT32, Dim.of(4));
            assertThat(v.resolve(Params.empty())).isEqualTo(v);
            assertThat(new VectorOf(FLOAT32, Dim.any()).resolve(Params.empty())).isEqualTo(new VectorOf(FLOAT32, Dim.any()));
        }

        @Test
        void missingParamIsNamed() {
            assertThatThrownBy(() -> new VectorOf(FLOAT32, Dim.param("fft_size")).resolve(Params.empty()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("param 'fft_size' is not set");
        }
    }

    @Nested
    class ChoiceByParam {

        private final ByParam byElement = new ByParam("element", Map.of(
                "float", new SampleStream(FLOAT32, Dim.param("chunk")),
                "records", new RecordsOf(RecordSchema.VALUE, Dim.of(1))));

        @Test
        void resolvePicksTheOptionAndResolvesIt() {
            assertThat(byElement.resolve(Params.of("element", "float", "chunk", 16)))
                    .isEqualTo(new SampleStream(FLOAT32, Dim.of(16)));
            assertThat(byElement.resolve(Params.of("element", "records")))
                    .isEqualTo(new RecordsOf(RecordSchema.VALUE, Dim.of(1)));
        }

        @Test
        void unknownChoiceListsTheOptions() {
            assertThatThrownBy(() -> byElement.resolve(Params.of("element", "complex")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("param 'element' value 'complex' selects no port type; expected one of [float, records]");
            assertThatThrownBy(() -> byElement.resolve(Params.of("element", 1)))
                    .hasMessage("param 'element' must be a string, was integer 1");
        }

        @Test
        void isNeverResolvedItself() {
            assertThat(byElement.isResolved()).isFalse();
            assertThat(byElement.describe()).isEqualTo("${element}");
            for (Runnable r : List.<Runnable>of(byElement::storage, byElement::elementCapacity, byElement::slotCapacity)) {
                assertThatThrownBy(r::run).isInstanceOf(IllegalStateException.class)
                        .hasMessage("type chosen by param 'element' is not resolved");
            }
        }

        @Test
        void feedsAReaderThatOneOptionFeeds() {
            assertThat(byElement.incompatibilityWith(new SampleStream(FLOAT32, Dim.of(4)))).isEmpty();
            assertThat(byElement.incompatibilityWith(new RecordsOf(RecordSchema.VALUE, Dim.of(9)))).isEmpty();
            assertThat(byElement.incompatibilityWith(new SampleStream(COMPLEX64, Dim.of(4))))
                    .contains("${element} cannot feed stream<complex64>");
        }

        @Test
        void needsOptions() {
            assertThatThrownBy(() -> new ByParam("element", Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("type chosen by 'element' has no options");
        }
    }

    @Nested
    class Compatibility {

        @Test
        void streamChunksNeverConflict() {
            SampleStream small = new SampleStream(FLOAT32, Dim.of(64));
            assertThat(small.incompatibilityWith(new SampleStream(FLOAT32, Dim.of(4096)))).isEmpty();
            assertThat(small.incompatibilityWith(new SampleStream(FLOAT32, Dim.param("chunk")))).isEmpty();
            assertThat(new SampleStream(FLOAT32, Dim.any()).incompatibilityWith(small)).isEmpty();
        }

        @Test
        void streamElementsMustMatch() {
            assertThat(new SampleStream(FLOAT32, Dim.of(64)).incompatibilityWith(new SampleStream(COMPLEX64, Dim.of(64))))
                    .contains("stream<float32> cannot feed stream<complex64>");
        }

        @Test
        void vectors() {
            VectorOf v480 = new VectorOf(COMPLEX64, Dim.of(480));
            assertThat(v480.incompatibilityWith(new VectorOf(COMPLEX64, Dim.of(480)))).isEmpty();
            assertThat(v480.incompatibilityWith(new VectorOf(COMPLEX64, Dim.any()))).isEmpty();
            assertThat(new VectorOf(COMPLEX64, Dim.any()).incompatibilityWith(v480)).isEmpty();
            assertThat(v480.incompatibilityWith(new VectorOf(COMPLEX64, Dim.of(512))))
                    .contains("vector length 480 does not match 512");
            assertThat(v480.incompatibilityWith(new VectorOf(FLOAT32, Dim.of(480))))
                    .contains("vector<complex64>[480] cannot feed vector<float32>[480]");
        }

        @Test
        void matrices() {
            MatrixOf m = new MatrixOf(FLOAT32, Dim.of(2), Dim.of(3));
            assertThat(m.incompatibilityWith(new MatrixOf(FLOAT32, Dim.of(2), Dim.of(3)))).isEmpty();
            assertThat(m.incompatibilityWith(new MatrixOf(FLOAT32, Dim.any(), Dim.of(3)))).isEmpty();
            assertThat(m.incompatibilityWith(new MatrixOf(FLOAT32, Dim.any(), Dim.any()))).isEmpty();
            assertThat(m.incompatibilityWith(new MatrixOf(FLOAT32, Dim.of(3), Dim.of(2))))
                    .contains("matrix shape 2x3 does not match 3x2");
            assertThat(m.incompatibilityWith(new MatrixOf(FLOAT64, Dim.of(2), Dim.of(3))))
                    .contains("matrix<float32>[2x3] cannot feed matrix<float64>[2x3]");
        }

        @Test
        void images() {
            ImageOf vga = new ImageOf(PixelFormat.RGB24, Dim.of(640), Dim.of(480));
            assertThat(vga.incompatibilityWith(new ImageOf(PixelFormat.RGB24, Dim.any(), Dim.any()))).isEmpty();
            assertThat(vga.incompatibilityWith(new ImageOf(PixelFormat.RGB24, Dim.of(640), Dim.of(480)))).isEmpty();
            assertThat(vga.incompatibilityWith(new ImageOf(PixelFormat.RGB24, Dim.of(320), Dim.of(240))))
                    .contains("image size 640x480 does not match 320x240");
            assertThat(vga.incompatibilityWith(new ImageOf(PixelFormat.BGR24, Dim.of(640), Dim.of(480))))
                    .contains("image<rgb24>[640x480] cannot feed image<bgr24>[640x480]");
        }

        @Test
        void recordsCompareSchemasNotCounts() {
            RecordsOf boxes = new RecordsOf(RecordSchema.BOXES, Dim.of(10));
            assertThat(boxes.incompatibilityWith(new RecordsOf(RecordSchema.BOXES, Dim.of(100)))).isEmpty();
            assertThat(boxes.incompatibilityWith(new RecordsOf(RecordSchema.VALUE, Dim.of(10))))
                    .contains("records<boxes>[10] cannot feed records<value>[10]");
        }

        @Test
        void differentKindsNeverMeet() {
            DataType stream = new SampleStream(FLOAT32, Dim.of(4));
            DataType vector = new VectorOf(FLOAT32, Dim.of(4));
            assertThat(stream.incompatibilityWith(vector)).contains("stream<float32> cannot feed vector<float32>[4]");
            assertThat(vector.incompatibilityWith(stream)).contains("vector<float32>[4] cannot feed stream<float32>");
            assertThat(new MatrixOf(FLOAT32, Dim.of(1), Dim.of(4)).incompatibilityWith(vector)).isPresent();
            assertThat(new ImageOf(PixelFormat.GRAY8, Dim.of(2), Dim.of(2)).incompatibilityWith(
                    new MatrixOf(UINT8, Dim.of(2), Dim.of(2)))).isPresent();
            assertThat(new RecordsOf(RecordSchema.VALUE, Dim.of(1)).incompatibilityWith(
                    new SampleStream(INT64, Dim.of(1)))).isPresent();
        }

        @Test
        void aWriterMayFeedAChoiceReaderOnlyThroughResolution() {
            // A reader's ByParam is resolved per node before checking; unresolved it matches nothing.
            ByParam reader = new ByParam("t", Map.of("a", new SampleStream(FLOAT32, Dim.of(1))));
            assertThat(new SampleStream(FLOAT32, Dim.of(1)).incompatibilityWith(reader)).isPresent();
        }
    }

    @Test
    void describe() {
        assertThat(new SampleStream(COMPLEX64, Dim.of(64)).describe()).isEqualTo("stream<complex64>");
        assertThat(new VectorOf(COMPLEX64, Dim.of(480)).describe()).isEqualTo("vector<complex64>[480]");
        assertThat(new VectorOf(FLOAT32, Dim.param("fft_size")).describe()).isEqualTo("vector<float32>[${fft_size}]");
        assertThat(new MatrixOf(FLOAT32, Dim.of(64), Dim.any()).describe()).isEqualTo("matrix<float32>[64x*]");
        assertThat(new ImageOf(PixelFormat.PLANAR_F32, Dim.of(224), Dim.of(224)).describe())
                .isEqualTo("image<planar_f32>[224x224]");
        assertThat(new RecordsOf(RecordSchema.BOXES, Dim.of(100)).describe()).isEqualTo("records<boxes>[100]");
    }

    @Test
    void componentsAreRequired() {
        assertThatThrownBy(() -> new SampleStream(null, Dim.of(1))).hasMessage("element");
        assertThatThrownBy(() -> new SampleStream(FLOAT32, null)).hasMessage("chunk");
        assertThatThrownBy(() -> new VectorOf(FLOAT32, null)).hasMessage("length");
        assertThatThrownBy(() -> new MatrixOf(FLOAT32, Dim.of(1), null)).hasMessage("cols");
        assertThatThrownBy(() -> new ImageOf(null, Dim.of(1), Dim.of(1))).hasMessage("format");
        assertThatThrownBy(() -> new RecordsOf(RecordSchema.VALUE, null)).hasMessage("maxCount");
    }

    @Test
    void recordSchemas() {
        assertThat(RecordSchema.BOXES.slots()).isEqualTo(6);
        assertThat(RecordSchema.BOXES.indexOf("score")).isEqualTo(4);
        assertThatThrownBy(() -> RecordSchema.BOXES.indexOf("area"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("record schema 'boxes' has no field 'area'");
        assertThatThrownBy(() -> new RecordSchema("empty", List.of()))
                .hasMessage("record schema 'empty' has no fields");
        RecordSchema.Field f = new RecordSchema.Field("x", RecordSchema.FieldKind.INT64, "");
        assertThatThrownBy(() -> new RecordSchema("twice", List.of(f, f)))
                .hasMessage("record schema 'twice' repeats field 'x'");
    }
}

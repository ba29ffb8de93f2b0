package dev.weir.editor.testing;

import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.dag.DagCodec;
import dev.weir.engine.model.dag.DagFormatException;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real node library and the repository's example graphs, for editor tests. */
public final class TestGraphs {

    /** The node library found through ServiceLoader, as the app finds it. */
    public static final NodeRegistry REGISTRY = NodeRegistry.load(TestGraphs.class.getClassLoader());
    /** A codec over {@link #REGISTRY}. */
    public static final DagCodec CODEC = new DagCodec(REGISTRY);

    private TestGraphs() {
    }

    /** {@code examples/NAME} of the repository. */
    public static Path example(String name) {
        Path p = Path.of("..", "examples", name);
        if (!Files.exists(p)) {
            throw new IllegalStateException("example " + p.toAbsolutePath() + " not found; run tests from graph-editor/");
        }
        return p;
    }

    /** The seed's FFT example: tones -> fft -> spectrum. */
    public static GraphDocument fft() {
        try {
            return CODEC.read(example("fft-sinusoids.dag"));
        } catch (DagFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}

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

    /**
     * The editor tests' fixture: the FFT graph as the seed's example had it, tones -> fft -> spectrum, three nodes
     * and two edges. A copy in the test resources, so that tests about commands and gestures do not change meaning
     * whenever {@code examples/fft-sinusoids.dag} gains a node (it has previews now).
     */
    public static Path example(String name) {
        if (!name.equals("fft-sinusoids.dag")) {
            throw new IllegalArgumentException("no editor test fixture " + name);
        }
        try {
            return Path.of(TestGraphs.class.getResource("/graphs/fft-sinusoids.dag").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The FFT fixture: tones -> fft -> spectrum. */
    public static GraphDocument fft() {
        try {
            return CODEC.read(example("fft-sinusoids.dag"));
        } catch (DagFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.weir.engine.api;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeRegistryTest {

    static final class SignalProvider implements NodeProvider {
        @Override
        public List<NodeDescriptor> descriptors() {
            return List.of(SampleNodes.GAIN, SampleNodes.RECHUNK);
        }
    }

    static final class SourceProvider implements NodeProvider {
        @Override
        public List<NodeDescriptor> descriptors() {
            return List.of(SampleNodes.RAMP, SampleNodes.COUNTER);
        }
    }

    static final class AnotherGainProvider implements NodeProvider {
        @Override
        public List<NodeDescriptor> descriptors() {
            return List.of(SampleNodes.gainLike("test.gain", SampleNodes.Gain::new));
        }
    }

    @Test
    void collectsEveryProvidersTypesSortedById() {
        NodeRegistry r = NodeRegistry.of(new SourceProvider(), new SignalProvider());
        assertThat(r.all()).extracting(NodeDescriptor::id)
                .containsExactly("test.count", "test.gain", "test.ramp", "test.rechunk");
        assertThat(r.find("test.gain")).containsSame(SampleNodes.GAIN);
        assertThat(r.find("test.nope")).isEmpty();
        assertThatThrownBy(() -> r.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void duplicateIdsAcrossProvidersAreRefusedNamingBoth() {
        assertThatThrownBy(() -> NodeRegistry.of(new SignalProvider(), new AnotherGainProvider()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("node type 'test.gain' is declared by both " + SignalProvider.class.getName()
                        + " and " + AnotherGainProvider.class.getName());
    }

    @Test
    void duplicateIdsWithinOneProviderAreRefused() {
        NodeProvider twice = () -> List.of(SampleNodes.GAIN, SampleNodes.GAIN);
        assertThatThrownBy(() -> NodeRegistry.of(twice))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("node type 'test.gain' is declared by both");
    }

    @Test
    void withAddsTypesAndStillRefusesDuplicates() {
        NodeRegistry r = NodeRegistry.of(new SignalProvider()).with(new SourceProvider());
        assertThat(r.all()).hasSize(4);
        assertThatThrownBy(() -> r.with(new AnotherGainProvider()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("node type 'test.gain' is declared by both");
    }

    @Test
    void isAValueNotAGlobal() {
        NodeRegistry a = NodeRegistry.of(new SignalProvider());
        NodeRegistry b = a.with(new SourceProvider());
        assertThat(a.all()).hasSize(2);
        assertThat(b.all()).hasSize(4);
        assertThat(NodeRegistry.of(List.of()).all()).isEmpty();
    }

    @Test
    void discoversProvidersWithServiceLoader() throws Exception {
        URL fixture = getClass().getClassLoader().getResource("registry-fixture/");
        assertThat(fixture).as("test resource registry-fixture/").isNotNull();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {fixture}, getClass().getClassLoader())) {
            NodeRegistry r = NodeRegistry.load(loader);
            assertThat(r.all()).extracting(NodeDescriptor::id).containsExactly("test.count", "test.gain");
        }
    }

    @Test
    void theFixtureIsNotVisibleAtTheClassPathRoot() {
        // Keeps the published test-jar from adding test nodes to other modules' registries.
        assertThat(NodeRegistry.load(getClass().getClassLoader()).all()).isEmpty();
    }
}

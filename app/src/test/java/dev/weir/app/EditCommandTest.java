package dev.weir.app;

import dev.weir.editor.ui.EditorOptions;
import dev.weir.engine.api.InputFiles;
import dev.weir.engine.api.NodeRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code weir edit}, in-process with a stand-in for the window. */
class EditCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final NodeRegistry registry = NodeRegistry.load(getClass().getClassLoader());
    private final List<EditorOptions> opened = new ArrayList<>();

    private final List<EditorOptions> smoked = new ArrayList<>();

    /** Records what it was asked to open instead of opening windows. */
    private class FakeEditor implements Weir.Editor {
        @Override
        public int open(EditorOptions options) {
            opened.add(options);
            return 0;
        }

        @Override
        public String smoke(EditorOptions options) {
            smoked.add(options);
            return "editor window 'x' shown";
        }
    }

    private int weir(Weir.Editor editor, String... args) {
        return new Weir(new Weir.Context(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> registry, Interrupts.manual(), editor))
                .run(args);
    }

    private int weir(String... args) {
        return weir(new FakeEditor(), args);
    }

    private static final Path EXAMPLE = Path.of("..", "examples", "fft-sinusoids.dag");

    @Test
    void opensTheEditorOnTheGivenFileWithTheNodeLibrary() {
        assertThat(weir("edit", EXAMPLE.toString())).as(err.toString()).isZero();
        assertThat(opened).singleElement().satisfies(o -> {
            assertThat(o.file()).isEqualTo(EXAMPLE.toAbsolutePath().normalize());
            assertThat(o.registry()).isSameAs(registry);
            assertThat(o.offerRecovery()).isTrue();
        });
    }

    @Test
    void aBareDagFileOpensTheEditorAsADoubleClickDoes() {
        assertThat(weir(EXAMPLE.toString())).as(err.toString()).isZero();
        assertThat(opened).singleElement().satisfies(o ->
                assertThat(o.file()).isEqualTo(EXAMPLE.toAbsolutePath().normalize()));
        // Only a .dag file counts: anything else is still an unknown subcommand, not a file to open.
        assertThat(weir("examples/fft-sinusoids.json")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unmatched argument");
        assertThat(opened).hasSize(1);
    }

    @Test
    void smokeOpensDrawsAndClosesWithoutTheRecoveryOffer() {
        assertThat(weir(EXAMPLE.toString(), "--smoke")).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("weir: editor window 'x' shown"
                + System.lineSeparator());
        assertThat(opened).isEmpty();
        assertThat(smoked).singleElement().satisfies(o -> {
            assertThat(o.file()).isEqualTo(EXAMPLE.toAbsolutePath().normalize());
            assertThat(o.offerRecovery()).as("a dialog would wait for a user").isFalse();
        });
        int code = weir(new FakeEditor() {
            @Override
            public String smoke(EditorOptions options) {
                throw new IllegalStateException("the editor window did not appear within 60 s");
            }
        }, "edit", "--smoke");
        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("did not appear within 60 s");
    }

    @Test
    void aRelativeFileMissingHereIsFoundInTheWeirHome() {
        String before = System.getProperty(InputFiles.HOME_PROPERTY);
        // The working directory is app/, which has no examples/; the repository root is the home here.
        System.setProperty(InputFiles.HOME_PROPERTY, Path.of("..").toAbsolutePath().normalize().toString());
        try {
            assertThat(Path.of("examples")).doesNotExist();
            assertThat(weir("edit", "examples/fft-sinusoids.dag")).as(err.toString()).isZero();
            assertThat(opened).singleElement().satisfies(o ->
                    assertThat(o.file()).isEqualTo(EXAMPLE.toAbsolutePath().normalize()));
        } finally {
            if (before == null) {
                System.clearProperty(InputFiles.HOME_PROPERTY);
            } else {
                System.setProperty(InputFiles.HOME_PROPERTY, before);
            }
        }
    }

    @Test
    void withoutAFileItOpensANewGraph() {
        assertThat(weir("edit")).isZero();
        assertThat(opened).singleElement().satisfies(o -> assertThat(o.file()).isNull());
    }

    @Test
    void anUnreadableFileIsReportedBeforeAnyWindowOpens() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.dag"), "{ nope");
        assertThat(weir("edit", bad.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.dag");
        assertThat(weir("edit", dir.resolve("missing.dag").toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(opened).isEmpty();
    }

    @Test
    void noDisplayIsOneLineNotAStackTrace() {
        int code = weir(new FakeEditor() {
            @Override
            public int open(EditorOptions options) {
                throw new UnsupportedOperationException("Unable to open DISPLAY");
            }
        }, "edit");
        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("weir: cannot open the editor window: ")
                .contains("Unable to open DISPLAY").doesNotContain("\tat ");
    }

    @Test
    void theWindowRunsGraphsOnTheEngineAndFindsTheExamples() {
        String before = System.getProperty("weir.examples");
        System.clearProperty("weir.examples");
        try {
            assertThat(weir("edit")).isZero();
            assertThat(opened).singleElement().satisfies(o -> assertThat(o.runner()).isInstanceOf(EngineRunner.class));
            assertThat(System.getProperty("weir.examples")).isEqualTo(EditCommand.examplesFolder().toString());
        } finally {
            if (before == null) {
                System.clearProperty("weir.examples");
            } else {
                System.setProperty("weir.examples", before);
            }
        }
    }

    @Test
    void examplesComeFromTheInstallationWhenWeirHomeHasThem() throws Exception {
        String before = System.getProperty("weir.home");
        try {
            System.setProperty("weir.home", dir.toString());
            assertThat(EditCommand.examplesFolder()).as("no examples there yet")
                    .isEqualTo(Path.of("examples").toAbsolutePath().normalize());
            Files.createDirectories(dir.resolve("examples"));
            assertThat(EditCommand.examplesFolder()).isEqualTo(dir.resolve("examples").toAbsolutePath().normalize());
        } finally {
            if (before == null) {
                System.clearProperty("weir.home");
            } else {
                System.setProperty("weir.home", before);
            }
        }
    }
}

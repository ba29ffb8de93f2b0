package dev.weir.engine.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class InputFilesTest {

    @TempDir
    Path tmp;

    private Path work;
    private Path home;

    private void layout() throws Exception {
        work = Files.createDirectories(tmp.resolve("work"));
        home = Files.createDirectories(tmp.resolve("opt/weir"));
        Files.createDirectories(home.resolve("assets/video"));
        Files.writeString(home.resolve("assets/video/vtest.avi"), "installed");
    }

    @Test
    void aRelativeInputMissingFromTheWorkingDirectoryIsFoundInTheHome() throws Exception {
        layout();
        assertThat(InputFiles.resolve(Path.of("assets/video/vtest.avi"), work, Optional.of(home)))
                .isEqualTo(home.resolve("assets/video/vtest.avi"));
    }

    @Test
    void theWorkingDirectoryWins() throws Exception {
        layout();
        Files.createDirectories(work.resolve("assets/video"));
        Files.writeString(work.resolve("assets/video/vtest.avi"), "mine");
        assertThat(InputFiles.resolve(Path.of("assets/video/vtest.avi"), work, Optional.of(home)))
                .isEqualTo(work.resolve("assets/video/vtest.avi"));
    }

    @Test
    void aFileFoundNowhereNamesTheWorkingDirectory() throws Exception {
        layout();
        assertThat(InputFiles.resolve(Path.of("assets/missing.avi"), work, Optional.of(home)))
                .isEqualTo(work.resolve("assets/missing.avi"));
        assertThat(InputFiles.resolve(Path.of("assets/video/vtest.avi"), work, Optional.empty()))
                .as("no home").isEqualTo(work.resolve("assets/video/vtest.avi"));
    }

    @Test
    void absolutePathsAreKeptAndEveryResultIsNormalised() throws Exception {
        layout();
        Path elsewhere = tmp.resolve("x/../y.avi");
        assertThat(InputFiles.resolve(elsewhere, work, Optional.of(home))).isEqualTo(tmp.resolve("y.avi"));
        assertThat(InputFiles.resolve(Path.of("assets/./video/../video/vtest.avi"), work, Optional.of(home)))
                .isEqualTo(home.resolve("assets/video/vtest.avi"));
    }

    @Test
    void anEmptyPathStaysEmptyForTheCallerToReport() {
        assertThat(InputFiles.resolve(Path.of(""), tmp, Optional.of(tmp))).isEqualTo(Path.of(""));
        assertThat(InputFiles.resolve("")).isEqualTo(Path.of(""));
    }

    @Test
    void theHomeComesFromTheSystemProperty() throws Exception {
        layout();
        String before = System.getProperty(InputFiles.HOME_PROPERTY);
        try {
            System.clearProperty(InputFiles.HOME_PROPERTY);
            assertThat(InputFiles.home()).isEmpty();
            System.setProperty(InputFiles.HOME_PROPERTY, " ");
            assertThat(InputFiles.home()).isEmpty();
            System.setProperty(InputFiles.HOME_PROPERTY, home.resolve("lib/app/../..").toString());
            assertThat(InputFiles.home()).contains(home);
            // The working directory of a test is its module, which has no assets/video/vtest.avi of its own.
            assertThat(InputFiles.resolve("assets/video/vtest.avi")).isEqualTo(home.resolve("assets/video/vtest.avi"));
        } finally {
            if (before == null) {
                System.clearProperty(InputFiles.HOME_PROPERTY);
            } else {
                System.setProperty(InputFiles.HOME_PROPERTY, before);
            }
        }
    }
}

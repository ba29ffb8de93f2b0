package dev.weir.app;

import dev.weir.engine.model.Problem;

import java.io.PrintStream;
import java.util.List;

/** Prints validation problems one per line, prefixed with the file, as compilers do. */
final class Problems {

    private Problems() {
    }

    /** Prints every problem; returns the number of errors among them. */
    static int print(String source, List<Problem> problems, PrintStream err) {
        int errors = 0;
        for (Problem p : problems) {
            err.println(source + ": " + (p.isError() ? "error" : "warning") + ": " + p.message());
            if (p.isError()) {
                errors++;
            }
        }
        return errors;
    }
}

package dev.weir.engine.api;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Brings the params of a node written for type version {@code fromVersion} to version {@code fromVersion + 1}.
 * A descriptor of version N lists one migration for each older version it can still read; the loader applies
 * them in order, so a file written years ago still opens with its meaning intact.
 *
 * @param fromVersion the version the params were written for
 * @param description what changed, shown when a user asks why a value moved (for example
 *                    "fft_len renamed to fft_size")
 * @param migrate     a pure function from old params to new params; it must not throw for any params the
 *                    old version accepted
 */
public record ParamMigration(int fromVersion, String description, UnaryOperator<Params> migrate) {
    public ParamMigration {
        if (fromVersion < 1) {
            throw new IllegalArgumentException("migration source version must be >= 1, was " + fromVersion);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(migrate, "migrate");
    }
}

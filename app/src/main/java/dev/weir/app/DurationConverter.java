package dev.weir.app;

import picocli.CommandLine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people type them: {@code 2s}, {@code 500ms}, {@code 1.5m}, {@code 1h}, a bare number of
 * seconds, or ISO-8601 ({@code PT2S}).
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    static Duration parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(v);
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double nanos = amount * switch (unit) {
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            if (nanos > Long.MAX_VALUE / 2) {
                throw new CommandLine.TypeConversionException("duration '" + value + "' is too long");
            }
            return Duration.ofNanos((long) nanos);
        }
        try {
            Duration d = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
            if (d.isNegative()) {
                throw new CommandLine.TypeConversionException("duration '" + value + "' is negative");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not a duration; use e.g. 2s, 500ms, 1.5m, 1h or PT2S");
        }
    }
}

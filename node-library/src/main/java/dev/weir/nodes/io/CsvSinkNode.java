package dev.weir.nodes.io;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Scheduling;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code io.csv_sink}: a float32 stream as text, {@code columns} values per line separated by the delimiter, each
 * value written as {@link Float#toString(float)} writes it: the shortest decimal that reads back as the same
 * float32 ({@code io.csv_source} and numpy's {@code loadtxt} both recover it exactly), NaN and Infinity spelt as
 * Java spells them. An optional {@code header} line comes first. Values are formatted into a reused
 * {@link StringBuilder} and encoded into a direct buffer allocated in {@code open}. When a stop interrupts a write,
 * the file is cut back to the last whole write, and a partly filled last row is ended with a newline.
 */
final class CsvSinkNode extends FileSink {

    private static final int BUFFER_BYTES = 1 << 16;
    /** Longest value Float.toString writes ("-1.17549435E-38"), plus a delimiter. */
    private static final int MAX_VALUE_CHARS = 16;

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("io.csv_sink", 1)
                .label("CSV file sink")
                .category("IO/Sinks")
                .description("Writes float32 samples as text, one or more values per line, with the shortest "
                        + "decimal that reads back exactly.")
                .param(pathParam("The text file to create or replace."))
                .param(ParamSpec.integer("columns", "Columns", 1, 1, 4096, "", false, "Values per line."))
                .param(new ParamSpec("delimiter", "Delimiter", new ParamType.ChoiceType(
                        List.of("comma", "semicolon", "tab", "whitespace")), "comma", "", false,
                        "What separates values on a line (whitespace: one space)."))
                .param(new ParamSpec("header", "Header", new ParamType.TextType(4096), "", "", false,
                        "A first line written as is, such as column names; empty for none."))
                .param(chunkParam())
                .input(PortSpec.of("in", streamType(), "Samples."))
                .scheduling(Scheduling.BLOCKING)
                .factory(CsvSinkNode::new)
                .build();
    }

    private ByteBuffer text;
    private final StringBuilder number = new StringBuilder(32);
    private int columns;
    private byte delimiter;
    /** Column of the next value; bytes of the file that whole writes put there, and the column they end at. */
    private int column;
    private long committed;
    private int committedColumn;

    @Override
    void begin(Params params) throws IOException {
        columns = params.getInt("columns");
        delimiter = switch (params.getString("delimiter")) {
            case "semicolon" -> (byte) ';';
            case "tab" -> (byte) '\t';
            case "whitespace" -> (byte) ' ';
            default -> (byte) ',';
        };
        text = ByteBuffer.allocateDirect(BUFFER_BYTES);
        String header = params.getString("header");
        if (!header.isEmpty()) {
            ByteBuffer h = ByteBuffer.wrap((header + "\n").getBytes(StandardCharsets.UTF_8));
            while (h.hasRemaining()) {
                committed += channel.write(h);
            }
        }
    }

    @Override
    boolean write(float[] a, int count) {
        ByteBuffer b = text;
        b.clear();
        try {
            for (int i = 0; i < count; i++) {
                if (b.remaining() < MAX_VALUE_CHARS) {
                    flush(b);
                }
                StringBuilder s = number;
                s.setLength(0);
                s.append(a[i]);
                for (int j = 0, n = s.length(); j < n; j++) {
                    b.put((byte) s.charAt(j));
                }
                if (++column == columns) {
                    b.put((byte) '\n');
                    column = 0;
                } else {
                    b.put(delimiter);
                }
                values++;
            }
            flush(b);
        } catch (ClosedByInterruptException e) {
            // A stop interrupted the write; the engine is ending the run, so end quietly.
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(who + ": write failed: " + e.getMessage(), e);
        }
        return true;
    }

    private void flush(ByteBuffer b) throws IOException {
        b.flip();
        while (b.hasRemaining()) {
            committed += channel.write(b);
        }
        committedColumn = column;
        b.clear();
    }

    @Override
    void end() throws IOException {
        channel.truncate(committed);
        if (committedColumn != 0) {
            // A partial last row: replace its trailing delimiter with the line's end.
            ByteBuffer nl = ByteBuffer.wrap(new byte[] {'\n'});
            channel.write(nl, committed - 1);
        }
        channel.force(false);
    }
}

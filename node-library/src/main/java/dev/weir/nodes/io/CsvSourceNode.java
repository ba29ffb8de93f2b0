package dev.weir.nodes.io;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputFiles;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.OutputPort;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.Scheduling;
import dev.weir.engine.api.WorkStatus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * {@code io.csv_source}: one numeric column of a delimited text file as a float32 stream.
 *
 * <pre>
 *  file:  skip_rows header lines, then one record per line (LF or CRLF; blank lines are skipped)
 *  line:  cell 0 &lt;delim&gt; cell 1 &lt;delim&gt; ...      (whitespace: runs of spaces and tabs, leading ones ignored)
 *  cell:  spaces around it and one pair of double quotes are dropped, then it must be a number
 * </pre>
 *
 * BLOCKING, like the binary sources: the file is read on the node's own thread through a direct buffer, into a
 * line buffer allocated in {@code open}. Numbers are parsed over the bytes without allocating: a decimal whose
 * digits form an integer below 2^53 (any 15 significant digits) and a power of ten within +-22 is exactly
 * {@code m * 10^e} or {@code m / 10^e} in double (Clinger's fast path, one correctly rounded operation), which is
 * what {@link Double#parseDouble} returns; anything else (longer mantissas, extreme exponents, NaN, Infinity) falls
 * back to {@code Double.parseDouble} on a String. The double is then narrowed to float, as
 * {@code (float) Double.parseDouble(cell)}. A cell that is not a number, or a line without the column, ends the
 * run with one line naming the node, the file, the line and the column (both counted from 1, as editors do).
 */
final class CsvSourceNode implements Processor {

    private static final List<String> DELIMITERS = List.of("comma", "semicolon", "tab", "whitespace");
    /** The longest line accepted; a longer one is an error rather than a reallocation. */
    private static final int MAX_LINE = 1 << 16;
    private static final int MAX_FRAMES_PER_CALL = 8;
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("io.csv_source", 1)
                .label("CSV file source")
                .category("IO/Sources")
                .description("Reads one numeric column of a CSV (or semicolon, tab or whitespace separated) file "
                        + "as float32 samples.")
                .param(FileSource.pathParam("The text file to read."))
                .param(ParamSpec.integer("column", "Column", 0, 0, 1 << 16, "", false,
                        "The column to read, counted from 0."))
                .param(new ParamSpec("delimiter", "Delimiter", new ParamType.ChoiceType(DELIMITERS), "comma", "",
                        false, "What separates cells: comma, semicolon, tab, or any run of spaces and tabs."))
                .param(ParamSpec.integer("skip_rows", "Skip rows", 0, 0, 1 << 20, "lines", false,
                        "Header lines to skip at the start of the file."))
                .param(FileSource.chunkParam())
                .param(FileSource.sampleRateParam("Tag for the frames (the file does not say); 0 when unknown."))
                .param(FileSource.repeatParam())
                .output(PortSpec.of("out", new DataType.SampleStream(ElementType.FLOAT32, Dim.param("chunk")),
                        "The column's values."))
                .scheduling(Scheduling.BLOCKING)
                .factory(CsvSourceNode::new)
                .build();
    }

    private String who;
    private FileChannel channel;
    private ByteBuffer io;
    private byte[] buf;
    /** Unconsumed bytes are buf[start, end). */
    private int start;
    private int end;
    private boolean eof;
    private long lineNo;
    private long valuesThisPass;
    private int column;
    /** The delimiter byte, or 0 for whitespace. */
    private byte delimiter;
    private int skipRows;
    private boolean repeat;
    private double sampleRate;
    private long emitted;
    private boolean haveNext;
    private float next;
    private boolean done;
    private OutputPort out;

    @Override
    public void open(ProcessorContext context) throws IOException {
        Params p = context.params();
        String path = p.getString("path");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("node '" + context.nodeId() + "' (" + context.descriptor().id()
                    + "): param 'path' is not set");
        }
        who = "node '" + context.nodeId() + "' (" + context.descriptor().id() + ") file '" + path + "'";
        Path file = InputFiles.resolve(path);
        if (Files.isDirectory(file)) {
            throw new IOException(who + ": is a directory");
        }
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new IOException(who + ": no such file");
        } catch (IOException | SecurityException e) {
            throw new IOException(who + ": cannot open: " + e.getMessage());
        }
        column = p.getInt("column");
        delimiter = switch (p.getString("delimiter")) {
            case "semicolon" -> (byte) ';';
            case "tab" -> (byte) '\t';
            case "whitespace" -> 0;
            default -> (byte) ',';
        };
        skipRows = p.getInt("skip_rows");
        repeat = p.getBoolean("repeat");
        sampleRate = p.getDouble("sample_rate_hz");
        io = ByteBuffer.allocateDirect(MAX_LINE);
        buf = new byte[2 * MAX_LINE];
    }

    @Override
    public WorkStatus process(Inputs in, Outputs outs) {
        if (out == null) {
            out = outs.port(0);
        }
        int frames = 0;
        while (frames < MAX_FRAMES_PER_CALL) {
            if (!haveNext && !advance()) {
                return WorkStatus.DONE;
            }
            if (out.remaining() == 0) {
                return frames > 0 ? WorkStatus.OK : WorkStatus.NEED_OUTPUT_SPACE;
            }
            Frame f = out.claim();
            float[] dst = f.floats();
            int cap = f.capacity();
            int n = 0;
            boolean wrapped = false;
            while (n < cap) {
                if (!haveNext && !nextValue()) {
                    // End of file: publish the short frame, then start again or end.
                    wrapped = true;
                    break;
                }
                dst[n++] = next;
                haveNext = false;
            }
            f.setLength(n).setIndex(emitted).setSampleRate(sampleRate);
            out.publish();
            emitted += n;
            frames++;
            if (wrapped && !rewind()) {
                done = true;
                return WorkStatus.OK;
            }
        }
        return WorkStatus.OK;
    }

    /** Makes a value pending, rewinding at end of file when repeating; false at the end of the stream. */
    private boolean advance() {
        if (done) {
            return false;
        }
        if (nextValue()) {
            haveNext = true;
            return true;
        }
        if (rewind() && nextValue()) {
            haveNext = true;
            return true;
        }
        done = true;
        return false;
    }

    /** At end of file: starts again at the top when repeating a file that has values. */
    private boolean rewind() {
        if (!repeat || valuesThisPass == 0 || channel == null || !channel.isOpen()) {
            return false;
        }
        try {
            channel.position(0);
        } catch (ClosedByInterruptException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(who + ": seek failed: " + e.getMessage(), e);
        }
        start = 0;
        end = 0;
        eof = false;
        lineNo = 0;
        valuesThisPass = 0;
        return true;
    }

    /** Parses the next data line's cell into {@link #next}; false at end of file (or when a stop interrupted). */
    private boolean nextValue() {
        while (true) {
            int lineEnd = findLineEnd();
            if (lineEnd < 0) {
                return false;
            }
            int from = start;
            int to = lineEnd;
            start = lineEnd < end ? lineEnd + 1 : end;
            lineNo++;
            if (to > from && buf[to - 1] == '\r') {
                to--;
            }
            if (lineNo <= skipRows || blank(from, to)) {
                continue;
            }
            next = cell(from, to);
            valuesThisPass++;
            return true;
        }
    }

    /** Index of the '\n' ending the line at {@link #start}, or {@link #end} for a last line without one; -1 at EOF. */
    private int findLineEnd() {
        int scanned = start;
        while (true) {
            for (int i = scanned; i < end; i++) {
                if (buf[i] == '\n') {
                    return i;
                }
            }
            scanned = end;
            if (eof) {
                return end > start ? end : -1;
            }
            if (end - start >= MAX_LINE) {
                throw new IllegalStateException(who + " line " + (lineNo + 1) + ": is longer than " + MAX_LINE
                        + " bytes");
            }
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                scanned -= start;
                start = 0;
            }
            fill();
        }
    }

    private void fill() {
        ByteBuffer b = io;
        b.clear().limit(Math.min(b.capacity(), buf.length - end));
        try {
            int got = channel.read(b);
            if (got < 0) {
                eof = true;
                return;
            }
        } catch (ClosedByInterruptException e) {
            Thread.currentThread().interrupt();
            eof = true;
            return;
        } catch (IOException e) {
            throw new IllegalStateException(who + ": read failed: " + e.getMessage(), e);
        }
        b.flip();
        int n = b.remaining();
        b.get(buf, end, n);
        end += n;
    }

    private boolean blank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] != ' ' && buf[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean space(byte c) {
        return c == ' ' || c == '\t';
    }

    /** The value of cell {@link #column} of the line buf[from, to). */
    private float cell(int from, int to) {
        int i = from;
        int c = 0;
        int cellStart;
        int cellEnd;
        if (delimiter == 0) {
            while (true) {
                while (i < to && space(buf[i])) {
                    i++;
                }
                cellStart = i;
                while (i < to && !space(buf[i])) {
                    i++;
                }
                cellEnd = i;
                if (c == column || cellStart == to) {
                    break;
                }
                c++;
            }
            if (cellStart == to) {
                throw missing(c);
            }
        } else {
            cellStart = i;
            while (c < column) {
                while (i < to && buf[i] != delimiter) {
                    i++;
                }
                if (i == to) {
                    throw missing(c + 1);
                }
                i++;
                c++;
                cellStart = i;
            }
            while (i < to && buf[i] != delimiter) {
                i++;
            }
            cellEnd = i;
        }
        while (cellStart < cellEnd && space(buf[cellStart])) {
            cellStart++;
        }
        while (cellEnd > cellStart && space(buf[cellEnd - 1])) {
            cellEnd--;
        }
        if (cellEnd - cellStart >= 2 && buf[cellStart] == '"' && buf[cellEnd - 1] == '"') {
            cellStart++;
            cellEnd--;
        }
        return (float) number(cellStart, cellEnd);
    }

    private IllegalStateException missing(int columns) {
        return new IllegalStateException(who + " line " + lineNo + ": has " + columns
                + (columns == 1 ? " column" : " columns") + "; param 'column' " + column + " needs "
                + (column + 1));
    }

    /** The number in buf[from, to): the fast path described on the class, else Double.parseDouble. */
    private double number(int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (buf[i] == '-' || buf[i] == '+')) {
            negative = buf[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean exact = true;
        int intStart = i;
        while (i < to && buf[i] >= '0' && buf[i] <= '9') {
            if (mantissa < 1_000_000_000_000_000L) {
                mantissa = mantissa * 10 + (buf[i] - '0');
            } else {
                exact = false;
            }
            digits++;
            i++;
        }
        int intDigits = i - intStart;
        int fracDigits = 0;
        if (i < to && buf[i] == '.') {
            i++;
            while (i < to && buf[i] >= '0' && buf[i] <= '9') {
                if (mantissa < 1_000_000_000_000_000L) {
                    mantissa = mantissa * 10 + (buf[i] - '0');
                    scale--;
                } else {
                    exact = false;
                }
                fracDigits++;
                i++;
            }
        }
        boolean ok = intDigits + fracDigits > 0;
        if (ok && i < to && (buf[i] == 'e' || buf[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < to && (buf[i] == '-' || buf[i] == '+')) {
                expNegative = buf[i] == '-';
                i++;
            }
            int expStart = i;
            int exp = 0;
            while (i < to && buf[i] >= '0' && buf[i] <= '9') {
                exp = Math.min(exp * 10 + (buf[i] - '0'), 100_000);
                i++;
            }
            ok = i > expStart;
            scale += expNegative ? -exp : exp;
        }
        if (!ok || i != to) {
            return special(from, to);
        }
        if (exact && mantissa < (1L << 53) && scale >= -22 && scale <= 22) {
            double m = mantissa;
            double v = scale >= 0 ? m * POW10[scale] : m / POW10[-scale];
            return negative ? -v : v;
        }
        return Double.parseDouble(new String(buf, from, to - from, StandardCharsets.ISO_8859_1));
    }

    /** NaN, inf, infinity (any case, optional sign); anything else is not a number. */
    private double special(int from, int to) {
        String s = new String(buf, from, to - from, StandardCharsets.UTF_8);
        String t = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        double sign = s.startsWith("-") ? -1 : 1;
        if (t.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        throw new IllegalStateException(who + " line " + lineNo + " column " + (column + 1) + ": '" + s
                + "' is not a number");
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}

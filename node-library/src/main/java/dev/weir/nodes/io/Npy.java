package dev.weir.nodes.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NumPy {@code .npy} header (format versions 1.0, 2.0 and 3.0), read and written the way numpy 1.24 does.
 *
 * <pre>
 *  offset  size  field
 *       0     6  magic "\x93NUMPY"
 *       6     1  major version (1, 2 or 3)
 *       7     1  minor version (0)
 *       8   2|4  header length L, little-endian (uint16 in 1.0, uint32 in 2.0 and 3.0)
 *   10|12     L  "{'descr': '&lt;f4', 'fortran_order': False, 'shape': (N,), }" padded with spaces, ending in
 *                '\n', so that the data starts at a multiple of 64 bytes
 * </pre>
 *
 * The writer, like numpy since 1.23, pads the header for a 21-digit first dimension, so the length can be
 * patched in place once a stream ends without moving the data: the header is the same size for any length.
 */
final class Npy {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final int GROWTH_DIGITS = 21;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** A parsed header: dtype string, shape and where the data starts. */
    record Header(String descr, boolean fortranOrder, long[] shape, long dataOffset) {
    }

    /** Reads and parses the header of an open file; messages start with {@code where}. */
    static Header read(FileChannel ch, long size, String where) throws IOException {
        ByteBuffer pre = FileSource.readAt(ch, 0, 10, where, "a .npy header");
        for (int i = 0; i < MAGIC.length; i++) {
            if (pre.get(i) != MAGIC[i]) {
                throw new IOException(where + ": is not a .npy file (bad magic)");
            }
        }
        int major = pre.get(6);
        long len;
        int start;
        if (major == 1) {
            len = pre.getShort(8) & 0xFFFF;
            start = 10;
        } else if (major == 2 || major == 3) {
            len = FileSource.readAt(ch, 8, 4, where, "a .npy header").getInt(0) & 0xFFFFFFFFL;
            start = 12;
        } else {
            throw new IOException(where + ": .npy format version " + major + " is not supported (1, 2 or 3)");
        }
        if (len > 1 << 20 || start + len > size) {
            throw new IOException(where + ": .npy header length " + len + " does not fit the file");
        }
        ByteBuffer h = FileSource.readAt(ch, start, (int) len, where, "the .npy header");
        String text = new String(h.array(), 0, (int) len, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(text);
        Matcher f = FORTRAN.matcher(text);
        Matcher s = SHAPE.matcher(text);
        if (!d.find() || !f.find() || !s.find()) {
            throw new IOException(where + ": malformed .npy header: " + text.strip());
        }
        String[] dims = s.group(1).split(",");
        long[] shape = new long[0];
        try {
            shape = java.util.Arrays.stream(dims).map(String::strip).filter(x -> !x.isEmpty())
                    .mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            throw new IOException(where + ": malformed .npy shape (" + s.group(1) + ")");
        }
        return new Header(d.group(1), f.group(1).equals("True"), shape, start + len);
    }

    /** The numpy-identical header (version 1.0) for little-endian float32 data of {@code shape}. */
    static ByteBuffer header(long[] shape) {
        StringBuilder dims = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            dims.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        if (shape.length == 1) {
            dims.append(',');
        }
        StringBuilder h = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (")
                .append(dims).append("), }");
        h.append(" ".repeat(GROWTH_DIGITS - Long.toString(shape[0]).length()));
        int pad = ALIGN - (10 + h.length() + 1) % ALIGN;
        h.append(" ".repeat(pad % ALIGN)).append('\n');
        byte[] text = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
        return b.flip();
    }
}

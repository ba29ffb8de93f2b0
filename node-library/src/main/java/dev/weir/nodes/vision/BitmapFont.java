package dev.weir.nodes.vision;

import java.util.Locale;

/**
 * A tiny built-in 5x7 pixel font for box labels, drawn without allocating and without AWT (which may be missing
 * or headless where the engine runs).
 *
 * <p>It holds what class names and scores need: lower-case letters, digits, space and {@code . % - _ : ?}.
 * Upper-case letters are drawn as lower-case ones; any other character as {@code ?}. Each glyph is 5 columns by
 * 7 rows, drawn on a 6-column advance (one column of spacing), each font pixel a {@code scale x scale} block.
 * The glyphs are drawn here as text, {@code #} for ink, so they can be read and checked in the source.
 */
final class BitmapFont {

    /** Glyph width and height in font pixels. */
    static final int WIDTH = 5, HEIGHT = 7;
    /** Horizontal advance per character in font pixels. */
    static final int ADVANCE = 6;

    private static final String[] GLYPHS = {
        " ", ".....|.....|.....|.....|.....|.....|.....",
        "0", ".###.|#...#|#..##|#.#.#|##..#|#...#|.###.",
        "1", "..#..|.##..|..#..|..#..|..#..|..#..|.###.",
        "2", ".###.|#...#|....#|...#.|..#..|.#...|#####",
        "3", "#####|...#.|..#..|...#.|....#|#...#|.###.",
        "4", "...#.|..##.|.#.#.|#..#.|#####|...#.|...#.",
        "5", "#####|#....|####.|....#|....#|#...#|.###.",
        "6", "..##.|.#...|#....|####.|#...#|#...#|.###.",
        "7", "#####|....#|...#.|..#..|.#...|.#...|.#...",
        "8", ".###.|#...#|#...#|.###.|#...#|#...#|.###.",
        "9", ".###.|#...#|#...#|.####|....#|...#.|.##..",
        "a", ".....|.....|.###.|....#|.####|#...#|.####",
        "b", "#....|#....|#.##.|##..#|#...#|#...#|####.",
        "c", ".....|.....|.###.|#....|#....|#...#|.###.",
        "d", "....#|....#|.##.#|#..##|#...#|#...#|.####",
        "e", ".....|.....|.###.|#...#|#####|#....|.###.",
        "f", "..##.|.#..#|.#...|###..|.#...|.#...|.#...",
        "g", ".....|.####|#...#|#...#|.####|....#|.###.",
        "h", "#....|#....|#.##.|##..#|#...#|#...#|#...#",
        "i", "..#..|.....|.##..|..#..|..#..|..#..|.###.",
        "j", "...#.|.....|..##.|...#.|...#.|#..#.|.##..",
        "k", "#....|#....|#..#.|#.#..|##...|#.#..|#..#.",
        "l", ".##..|..#..|..#..|..#..|..#..|..#..|.###.",
        "m", ".....|.....|##.#.|#.#.#|#.#.#|#...#|#...#",
        "n", ".....|.....|#.##.|##..#|#...#|#...#|#...#",
        "o", ".....|.....|.###.|#...#|#...#|#...#|.###.",
        "p", ".....|.....|####.|#...#|####.|#....|#....",
        "q", ".....|.....|.##.#|#..##|.####|....#|....#",
        "r", ".....|.....|#.##.|##..#|#....|#....|#....",
        "s", ".....|.....|.###.|#....|.###.|....#|####.",
        "t", ".#...|.#...|###..|.#...|.#...|.#..#|..##.",
        "u", ".....|.....|#...#|#...#|#...#|#..##|.##.#",
        "v", ".....|.....|#...#|#...#|#...#|.#.#.|..#..",
        "w", ".....|.....|#...#|#...#|#.#.#|#.#.#|.#.#.",
        "x", ".....|.....|#...#|.#.#.|..#..|.#.#.|#...#",
        "y", ".....|.....|#...#|#...#|.####|....#|.###.",
        "z", ".....|.....|#####|...#.|..#..|.#...|#####",
        ".", ".....|.....|.....|.....|.....|.##..|.##..",
        "%", "##...|##..#|...#.|..#..|.#...|#..##|...##",
        "-", ".....|.....|.....|#####|.....|.....|.....",
        "_", ".....|.....|.....|.....|.....|.....|#####",
        ":", ".....|.##..|.##..|.....|.##..|.##..|.....",
        "?", ".###.|#...#|....#|...#.|..#..|.....|..#..",
    };

    /** Ink bits per ASCII code 0..127: bit (row * WIDTH + col) set where the glyph has ink. */
    private static final long[] BITS = new long[128];
    private static final long UNKNOWN;

    static {
        for (int g = 0; g < GLYPHS.length; g += 2) {
            String rows = GLYPHS[g + 1];
            String[] r = rows.split("\\|");
            if (r.length != HEIGHT) {
                throw new IllegalStateException("glyph '" + GLYPHS[g] + "' has " + r.length + " rows");
            }
            long bits = 0;
            for (int y = 0; y < HEIGHT; y++) {
                if (r[y].length() != WIDTH || !r[y].matches("[.#]+")) {
                    throw new IllegalStateException("glyph '" + GLYPHS[g] + "' row " + y + " is '" + r[y] + "'");
                }
                for (int x = 0; x < WIDTH; x++) {
                    if (r[y].charAt(x) == '#') {
                        bits |= 1L << (y * WIDTH + x);
                    }
                }
            }
            BITS[GLYPHS[g].charAt(0)] = bits;
        }
        UNKNOWN = BITS['?'];
    }

    private BitmapFont() {
    }

    /** Whether the font has a glyph of its own for {@code c} (upper case counts, drawn as lower case). */
    static boolean has(char c) {
        char l = Character.toLowerCase(c);
        return l < 128 && (BITS[l] != 0 || l == ' ');
    }

    /** The ink bits of {@code c}'s glyph (see {@link #BITS}); {@code ?} for characters the font lacks. */
    static long glyph(char c) {
        if (c >= 'A' && c <= 'Z') {
            c = (char) (c - 'A' + 'a');
        }
        if (c >= 128) {
            return UNKNOWN;
        }
        long b = BITS[c];
        return b != 0 || c == ' ' ? b : UNKNOWN;
    }

    /** The characters as the font draws them: lower case, unknown characters as {@code ?}. */
    static String normalise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            sb.append(has(c) ? c : '?');
        }
        return sb.toString();
    }

    /** Width in image pixels of {@code n} characters at {@code scale} (the last one without its spacing). */
    static int width(int n, int scale) {
        return n <= 0 ? 0 : (n * ADVANCE - (ADVANCE - WIDTH)) * scale;
    }

    /**
     * Draws {@code text[0..n)} with its top-left corner at {@code (x, y)} into a packed 3-byte-per-pixel image,
     * clipped to the image. Only ink pixels are written. Allocates nothing.
     *
     * @param c0 c1 c2 the ink colour's bytes in the image's channel order
     */
    static void draw(byte[] img, int imgWidth, int imgHeight, char[] text, int n, int x, int y, int scale,
                     byte c0, byte c1, byte c2) {
        for (int i = 0; i < n; i++) {
            long bits = glyph(text[i]);
            int gx = x + i * ADVANCE * scale;
            for (int row = 0; row < HEIGHT; row++) {
                for (int col = 0; col < WIDTH; col++) {
                    if ((bits >>> (row * WIDTH + col) & 1) != 0) {
                        Drawing.fill(img, imgWidth, imgHeight, gx + col * scale, y + row * scale, scale, scale,
                                c0, c1, c2);
                    }
                }
            }
        }
    }
}

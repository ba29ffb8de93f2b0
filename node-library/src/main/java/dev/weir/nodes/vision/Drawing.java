package dev.weir.nodes.vision;

/**
 * Rectangles on packed 3-byte-per-pixel images (BGR24 or RGB24: the caller passes the colour's bytes in the
 * image's order), clipped to the image. Pure functions, allocation-free.
 */
final class Drawing {

    /**
     * Ultralytics' 20-colour palette (its {@code Colors} class), as 0xRRGGBB: class {@code c} gets colour
     * {@code c % 20}, so boxes look the same as in Ultralytics' own plots.
     */
    static final int[] PALETTE = {
        0xFF3838, 0xFF9D97, 0xFF701F, 0xFFB21D, 0xCFD231, 0x48F90A, 0x92CC17, 0x3DDB86, 0x1A9334, 0x00D4BB,
        0x2C99A8, 0x00C2FF, 0x344593, 0x6473FF, 0x0018EC, 0x8438FF, 0x520085, 0xCB38FF, 0xFF95C8, 0xFF37C7,
    };

    private Drawing() {
    }

    /** The 0xRRGGBB colour of class {@code classId} (negative ids wrap too). */
    static int classColour(long classId) {
        return PALETTE[(int) Math.floorMod(classId, (long) PALETTE.length)];
    }

    /**
     * Fills the rectangle of {@code w x h} pixels with its top-left corner at {@code (x, y)}, clipped to the
     * image.
     */
    static void fill(byte[] img, int width, int height, int x, int y, int w, int h, byte c0, byte c1, byte c2) {
        int xa = Math.max(x, 0);
        int xb = Math.min(x + w, width);
        int ya = Math.max(y, 0);
        int yb = Math.min(y + h, height);
        for (int row = ya; row < yb; row++) {
            int i = (row * width + xa) * 3;
            for (int col = xa; col < xb; col++, i += 3) {
                img[i] = c0;
                img[i + 1] = c1;
                img[i + 2] = c2;
            }
        }
    }

    /**
     * Draws the outline of the pixel rectangle {@code [x1, x2) x [y1, y2)}, {@code t} pixels thick, inside it (so
     * the outline never covers pixels outside the box); clipped to the image.
     */
    static void outline(byte[] img, int width, int height, int x1, int y1, int x2, int y2, int t,
                        byte c0, byte c1, byte c2) {
        int w = x2 - x1;
        int h = y2 - y1;
        if (w <= 0 || h <= 0) {
            return;
        }
        int tx = Math.min(t, w);
        int ty = Math.min(t, h);
        fill(img, width, height, x1, y1, w, ty, c0, c1, c2);
        fill(img, width, height, x1, y2 - ty, w, ty, c0, c1, c2);
        fill(img, width, height, x1, y1, tx, h, c0, c1, c2);
        fill(img, width, height, x2 - tx, y1, tx, h, c0, c1, c2);
    }
}

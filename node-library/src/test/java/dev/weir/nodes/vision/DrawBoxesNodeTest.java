package dev.weir.nodes.vision;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.testing.Assets;
import dev.weir.engine.api.testing.Frames;
import dev.weir.engine.api.testing.ProcessorVerifier;
import dev.weir.engine.api.testing.TestContext;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static dev.weir.nodes.vision.VisionTestSupport.boxesFrame;
import static dev.weir.nodes.vision.VisionTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code vision.draw_boxes}: outlines against a per-pixel painter written here, labels pixel by pixel, the pairing
 * rule, and the node through every verifier scenario (allocation check included).
 */
class DrawBoxesNodeTest {

    private static final NodeDescriptor DRAW = DrawBoxesNode.descriptor();
    private static final int W = 40;
    private static final int H = 30;

    private static Frame image(PixelFormat format, int w, int h, long seed) {
        Frame f = new Frame(new DataType.ImageOf(format, Dim.of(w), Dim.of(h)));
        new SplittableRandom(seed).nextBytes(f.bytes());
        return f;
    }

    /**
     * The expected picture, painted pixel by pixel from the definition: a pixel is on a box's outline when it lies in
     * {@code [rint(cx - w/2), rint(cx + w/2)) x [rint(cy - h/2), rint(cy + h/2))} and within {@code t} pixels of
     * that rectangle's edge; it takes the class colour (Ultralytics' palette) in the frame's byte order.
     */
    private static Frame painted(Frame image, int t, Frame boxes) {
        Frame out = Frames.copyOf(image);
        boolean bgr = ((DataType.ImageOf) image.type()).format() == PixelFormat.BGR24;
        int w = ((DataType.ImageOf) image.type()).width().size();
        int h = ((DataType.ImageOf) image.type()).height().size();
        for (int b = 0; b < boxes.length(); b++) {
            double cx = boxes.recordDouble(b, 0), cy = boxes.recordDouble(b, 1);
            double bw = boxes.recordDouble(b, 2), bh = boxes.recordDouble(b, 3);
            long x1 = (long) Math.rint(cx - bw / 2), x2 = (long) Math.rint(cx + bw / 2);
            long y1 = (long) Math.rint(cy - bh / 2), y2 = (long) Math.rint(cy + bh / 2);
            int rgb = Drawing.PALETTE[(int) (boxes.recordLong(b, 5) % 20)];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    boolean inBox = x >= x1 && x < x2 && y >= y1 && y < y2;
                    boolean nearEdge = x < x1 + t || x >= x2 - t || y < y1 + t || y >= y2 - t;
                    if (inBox && nearEdge) {
                        int i = (y * w + x) * 3;
                        out.bytes()[i] = (byte) (bgr ? rgb : rgb >> 16);
                        out.bytes()[i + 1] = (byte) (rgb >> 8);
                        out.bytes()[i + 2] = (byte) (bgr ? rgb >> 16 : rgb);
                    }
                }
            }
        }
        return out;
    }

    private static Frame empty() {
        return boxesFrame(8);
    }

    /**
     * Three images with their boxes (one box; none; two, one partly outside the image), a thickness change after
     * the first, and the zero-allocation check.
     */
    @Test
    void drawsOutlinesInEveryScenarioAndTakesANewThicknessBetweenImages() {
        List<Frame> images = Frames.numbered(new ArrayList<>(List.of(image(PixelFormat.BGR24, W, H, 1),
                image(PixelFormat.BGR24, W, H, 2), image(PixelFormat.BGR24, W, H, 3))));
        List<Frame> boxes = List.of(
                boxesFrame(8, new double[] {20.2, 15.1, 20.4, 12.2, 0.9, 16}),
                empty(),
                boxesFrame(8, new double[] {10, 10, 8, 6, 0.8, 1}, new double[] {38, 28, 10, 9.6, 0.5, 62}));
        ProcessorVerifier.of(DRAW)
                .params(Params.of("labels", false))
                .input("image", images)
                .input("boxes", boxes)
                .paramChange(1, Params.of("thickness", 3))
                .expectOutput("image", List.of(painted(images.get(0), 2, boxes.get(0))))
                .expectOutputAfterParamChange("image", List.of(painted(images.get(1), 3, boxes.get(1)),
                        painted(images.get(2), 3, boxes.get(2))))
                .verify();
        // the painter itself must paint: otherwise the check above would prove little
        assertThat(Frames.difference(images.get(0), painted(images.get(0), 2, boxes.get(0)), 0)).isPresent();
    }

    @Test
    void rgbImagesGetTheColourInRgbOrder() {
        Frame img = image(PixelFormat.RGB24, W, H, 4);
        Frame boxes = boxesFrame(8, new double[] {20, 15, 20, 12, 0.9, 0}); // person: 0xFF3838
        ProcessorVerifier.of(DRAW)
                .params(Params.of("labels", false, "format", "rgb24"))
                .input("image", List.of(img))
                .input("boxes", List.of(boxes))
                .expectOutput("image", List.of(painted(img, 2, boxes)))
                .verify();
        int i = (9 * W + 10) * 3; // top-left corner pixel of the box: x 10..29, y 9..20
        Frame out = painted(img, 2, boxes);
        assertThat(new int[] {out.bytes()[i] & 0xFF, out.bytes()[i + 1] & 0xFF, out.bytes()[i + 2] & 0xFF})
                .containsExactly(0xFF, 0x38, 0x38);
    }

    /**
     * A labelled box on a grey picture: the outline has the class colour, the label bar sits above the box with
     * exactly as many ink pixels as the glyphs of "dog 93%" have at scale 2, and every other pixel is untouched.
     */
    @Test
    void labelsShowTheNameAndScoreAboveTheBox() throws Exception {
        int w = 160;
        int h = 100;
        Frame grey = new Frame(new DataType.ImageOf(PixelFormat.BGR24, Dim.of(w), Dim.of(h)));
        java.util.Arrays.fill(grey.bytes(), (byte) 100);
        Frame boxes = boxesFrame(8, new double[] {60, 60, 80, 40, 0.93, 16}); // x 20..99, y 40..79
        Frame out = run(DRAW, Params.of(), Map.of("image", List.of(grey), "boxes", List.of(boxes))).getFirst();
        int dog = Drawing.PALETTE[16];
        byte[] b = out.bytes();
        // outline pixels, 2 px thick, in B, G, R
        for (int[] p : new int[][] {{20, 40}, {99, 79}, {21, 60}, {98, 60}, {60, 41}, {60, 78}}) {
            int i = (p[1] * w + p[0]) * 3;
            assertThat(new int[] {b[i] & 0xFF, b[i + 1] & 0xFF, b[i + 2] & 0xFF}).as("outline at (%d, %d)", p[0], p[1])
                    .containsExactly(dog & 0xFF, dog >> 8 & 0xFF, dog >> 16 & 0xFF);
        }
        // label bar: 7 characters at 6 px advance, scale 2 -> (7*6 - 1)*2 + 2*2 = 86 wide, (7+2)*2 = 18 high, above
        String text = "dog 93%";
        int barW = BitmapFont.width(text.length(), 2) + 4;
        assertThat(barW).isEqualTo(86);
        int ink = 0;
        int bar = 0;
        int expectedInk = 0;
        for (char c : text.toCharArray()) {
            expectedInk += Long.bitCount(BitmapFont.glyph(c)) * 4;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                int px = (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16; // as 0xRRGGBB
                boolean inBar = x >= 20 && x < 20 + barW && y >= 22 && y < 40;
                boolean onOutline = x >= 20 && x < 100 && y >= 40 && y < 80 && (x < 22 || x >= 98 || y < 42 || y >= 78);
                if (inBar) {
                    if (px == 0xFFFFFF) {
                        ink++; // white text on the dark purple of class 16
                    } else {
                        assertThat(px).as("bar at (%d, %d)", x, y).isEqualTo(dog);
                        bar++;
                    }
                } else if (!onOutline) {
                    assertThat(px).as("untouched pixel at (%d, %d)", x, y).isEqualTo(0x646464);
                }
            }
        }
        assertThat(ink).isEqualTo(expectedInk);
        assertThat(ink + bar).isEqualTo(barW * 18);
    }

    /**
     * The delay-edge pairing: the boxes input starts with the delay's empty list, so image 0 passes unchanged, image
     * N gets the boxes of image N-1, and the boxes of the last image are taken and dropped once the images end.
     */
    @Test
    void withADelayedBoxesStreamImageNGetsTheBoxesOfImageNMinusOne() throws Exception {
        List<Frame> images = List.of(image(PixelFormat.BGR24, W, H, 5), image(PixelFormat.BGR24, W, H, 6),
                image(PixelFormat.BGR24, W, H, 7));
        Frame b0 = boxesFrame(8, new double[] {10, 10, 10, 10, 0.9, 3});
        Frame b1 = boxesFrame(8, new double[] {30, 20, 10, 10, 0.9, 5});
        Frame b2 = boxesFrame(8, new double[] {20, 15, 30, 20, 0.9, 7});
        List<Frame> delayed = List.of(empty(), b0, b1, b2);
        ProcessorVerifier.of(DRAW)
                .params(Params.of("labels", false))
                .input("image", images)
                .input("boxes", delayed)
                .expectOutput("image", List.of(Frames.copyOf(images.get(0)), painted(images.get(1), 2, b0),
                        painted(images.get(2), 2, b1)))
                .verify();
    }

    @Test
    void passesImagesThroughWithoutBoxesOrAfterTheBoxesEnd() {
        List<Frame> images = List.of(image(PixelFormat.BGR24, W, H, 8), image(PixelFormat.BGR24, W, H, 9));
        ProcessorVerifier.of(DRAW)
                .input("image", images)
                .unconnectedInput("boxes")
                .expectOutput("image", Frames.copyOf(images))
                .verify();
        Frame b0 = boxesFrame(8, new double[] {10, 10, 10, 10, 0.9, 3});
        ProcessorVerifier.of(DRAW)
                .params(Params.of("labels", false))
                .input("image", images)
                .input("boxes", List.of(b0))
                .expectOutput("image", List.of(painted(images.get(0), 2, b0), Frames.copyOf(images.get(1))))
                .verify();
    }

    @Test
    void readsLabelsFromAModelOrATextFileAndNamesAMissingFile(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Frame img = image(PixelFormat.BGR24, 200, 60, 10);
        Frame box = boxesFrame(8, new double[] {100, 40, 100, 30, 0.5, 1});
        Path names = dir.resolve("two.names");
        Files.writeString(names, "zero\nwheel\n");
        Frame fromText = run(DRAW, Params.of("class_names", names.toString()),
                Map.of("image", List.of(img), "boxes", List.of(box))).getFirst();
        Frame fromModel = run(DRAW, Params.of("class_names", Assets.require("models/yolov8n.onnx").toString()),
                Map.of("image", List.of(img), "boxes", List.of(box))).getFirst();
        Frame builtIn = run(DRAW, Params.of(), Map.of("image", List.of(img), "boxes", List.of(box))).getFirst();
        // "bicycle 50%" from the model's metadata and from the bundled names; "wheel 50%" from the text file
        assertThat(Frames.difference(fromModel, builtIn, 0)).isEmpty();
        assertThat(Frames.difference(fromText, builtIn, 0)).isPresent();

        Processor p = DRAW.factory().create();
        assertThatThrownBy(() -> {
            try {
                p.open(TestContext.inferred("draw", DRAW, Params.of("class_names", "missing/names.txt"), Set.of(),
                        Map.of("image", img.type(), "boxes", box.type())));
            } finally {
                p.close();
            }
        }).hasMessageContaining("node 'draw' (vision.draw_boxes)").hasMessageContaining("missing/names.txt");
    }

    @Test
    void theFontDrawsWhatItHasAndAQuestionMarkForTheRest() {
        assertThat(BitmapFont.normalise("Teddy Bear 12%")).isEqualTo("teddy bear 12%");
        assertThat(BitmapFont.normalise("Zoë!")).isEqualTo("zo??");
        assertThat(BitmapFont.glyph('A')).isEqualTo(BitmapFont.glyph('a'));
        assertThat(BitmapFont.glyph(' ')).isZero();
        assertThat(BitmapFont.glyph('~')).isEqualTo(BitmapFont.glyph('?')).isNotZero();
        // every glyph of a-z and 0-9 differs from every other
        Set<Long> seen = new java.util.HashSet<>();
        for (char c : "abcdefghijklmnopqrstuvwxyz0123456789.%-_:?".toCharArray()) {
            assertThat(seen.add(BitmapFont.glyph(c))).as("glyph '%s' is unique", c).isTrue();
        }
    }

    /**
     * yolov8n's boxes drawn on dog.jpg: the dog's outline has the dog's colour. The picture is also written to
     * {@code target/vision/dog-boxes.png} for a look.
     */
    @Test
    void drawsTheDetectionsOfTheRealModel() throws Exception {
        Frame dog = VisionTestSupport.bgrFrame(Assets.require("images/dog.jpg"));
        Frame boxes = run(YoloNode.descriptor(), Params.of("model", Assets.require("models/yolov8n.onnx").toString()),
                Map.of("image", List.of(dog))).getFirst();
        Frame drawn = run(DRAW, Params.of(), Map.of("image", List.of(dog), "boxes", List.of(boxes))).getFirst();
        var found = VisionTestSupport.boxes(boxes, ClassNames.coco80());
        var d = found.stream().filter(x -> x.name().equals("dog")).findFirst().orElseThrow();
        int x = (int) Math.rint((d.x1() + d.x2()) / 2);
        int y = (int) Math.rint(d.y2()) - 1; // bottom edge, inside the box
        int i = (y * 768 + x) * 3;
        int dogColour = Drawing.PALETTE[16];
        assertThat(new int[] {drawn.bytes()[i] & 0xFF, drawn.bytes()[i + 1] & 0xFF, drawn.bytes()[i + 2] & 0xFF})
                .containsExactly(dogColour & 0xFF, dogColour >> 8 & 0xFF, dogColour >> 16 & 0xFF);

        BufferedImage png = new BufferedImage(768, 576, BufferedImage.TYPE_3BYTE_BGR);
        System.arraycopy(drawn.bytes(), 0, ((DataBufferByte) png.getRaster().getDataBuffer()).getData(), 0,
                drawn.bytes().length);
        Path dir = Files.createDirectories(Path.of("target", "vision"));
        ImageIO.write(png, "png", dir.resolve("dog-boxes.png").toFile());
    }
}

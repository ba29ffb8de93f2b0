package dev.weir.kernels.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PixelFormat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helpers: the OpenCV goldens of {@code tools/oracles/opencv_filters.py} (uint8 {@code .npy} files and their
 * manifest) as image frames.
 */
final class Images {

    private static final String ROOT = "/oracles/images/";
    private static final Pattern SHAPE = Pattern.compile("'shape': \\((\\d+), (\\d+)(?:, (\\d+))?\\)");

    private Images() {
    }

    /** A uint8 image read from a {@code .npy} file: height x width (x channels). */
    record Image(int width, int height, int channels, byte[] bytes) {

        /** A frame of {@code format} holding these pixels. */
        Frame frame(PixelFormat format) {
            if (format.channels() != channels) {
                throw new IllegalArgumentException(format + " has " + format.channels() + " channels, the image "
                        + channels);
            }
            Frame f = new Frame(new DataType.ImageOf(format, Dim.of(width), Dim.of(height)));
            System.arraycopy(bytes, 0, f.bytes(), 0, bytes.length);
            return f;
        }
    }

    /** One oracle case of the manifest. */
    record Case(String name, String node, Params params, String input, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Reads {@code name} (a file of the oracle folder) as an image. */
    static Image load(String name) {
        try (InputStream in = Images.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no oracle file " + name + "; run tools/oracles/opencv_filters.py");
            }
            return parse(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a version 1.0 {@code .npy} holding a C-ordered {@code |u1} array of 2 or 3 dimensions. */
    static Image parse(String name, byte[] file) {
        if (file.length < 10 || file[0] != (byte) 0x93 || file[1] != 'N' || file[6] != 1) {
            throw new IllegalArgumentException(name + " is not a version 1 .npy file");
        }
        int headerLen = (file[8] & 0xFF) | (file[9] & 0xFF) << 8;
        String header = new String(file, 10, headerLen, StandardCharsets.ISO_8859_1);
        if (!header.contains("'descr': '|u1'") || !header.contains("'fortran_order': False")) {
            throw new IllegalArgumentException(name + " is not a C-ordered uint8 array: " + header.trim());
        }
        Matcher m = SHAPE.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException(name + " has no 2- or 3-dimensional shape: " + header.trim());
        }
        int h = Integer.parseInt(m.group(1));
        int w = Integer.parseInt(m.group(2));
        int c = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        int offset = 10 + headerLen;
        if (file.length - offset != w * h * c) {
            throw new IllegalArgumentException(name + " holds " + (file.length - offset) + " bytes, expected " + w * h * c);
        }
        byte[] pixels = new byte[w * h * c];
        System.arraycopy(file, offset, pixels, 0, pixels.length);
        return new Image(w, h, c, pixels);
    }

    /** Every case of the manifest, in order. */
    static List<Case> cases() {
        JsonNode root;
        try (InputStream in = Images.class.getResourceAsStream(ROOT + "manifest.json")) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Case> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            Params p = Params.empty();
            for (Iterator<Map.Entry<String, JsonNode>> it = c.get("params").properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                Object value = v.isBoolean() ? (Object) v.asBoolean() : v.isIntegralNumber() ? (Object) v.asLong()
                        : v.isNumber() ? (Object) v.asDouble() : v.asText();
                p = p.with(e.getKey(), value);
            }
            out.add(new Case(c.get("name").asText(), c.get("node").asText(), p, c.get("input").asText() + ".npy",
                    c.get("expected").asText()));
        }
        return out;
    }

    /** The case called {@code name}. */
    static Case oracle(String name) {
        return cases().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no oracle case " + name));
    }

    /** The pixel format the case's {@code format} param names. */
    static PixelFormat format(Params params) {
        return ImageParams.FORMATS.get(params.getString("format"));
    }

    /** {@code n} copies of {@code frame} numbered 0.. with a frame rate and the frame-start flag on the first. */
    static List<Frame> numbered(Frame frame, int n) {
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Frame f = new Frame(frame.type());
            f.copyFrom(frame);
            f.setIndex(i).setSampleRate(25).setFlags(i == 0 ? Frame.FLAG_FRAME_START : 0);
            out.add(f);
        }
        return out;
    }

    /** How many bytes of two equally long arrays differ, and by how much at most. */
    static int[] diff(byte[] expected, byte[] actual) {
        int count = 0;
        int max = 0;
        for (int i = 0; i < expected.length; i++) {
            int d = Math.abs((expected[i] & 0xFF) - (actual[i] & 0xFF));
            if (d != 0) {
                count++;
                max = Math.max(max, d);
            }
        }
        return new int[] {count, max};
    }
}

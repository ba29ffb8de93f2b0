package dev.weir.nodes.vision;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * One ONNX Runtime session of an image model with one float32 {@code [1, 3, H, W]} input, plus the tensors it
 * runs on: the input tensor wraps a direct buffer the caller fills in place, and the first output is pinned to a
 * direct buffer ORT writes into, so a run creates no tensor and copies nothing on the Java side.
 *
 * <p>Threads: ORT runs the model on the calling thread plus {@code intraOpThreads - 1} pool threads of its own
 * (0 lets ORT pick one per physical core). Their spinning after each run is turned off
 * ({@code session.intra_op.allow_spinning = 0}): in a pipeline the next frame is tens of milliseconds away, and
 * spinning pool threads would take the cores the other nodes need in the meantime. Measured here on yolov8n, the
 * runs themselves were as fast without spinning (within 3%).
 *
 * <p>Allocation: {@link #run()} calls {@link OrtSession#run(Map, Set, Map)} with maps built once, but ORT's Java
 * binding itself still allocates per call: the name and handle arrays it passes to JNI, the {@code boolean[]}
 * JNI returns and the {@code Result} with its map and list (568 bytes per run measured with ORT 1.29.0). No ORT
 * API avoids that. Not thread-safe: one owner thread.
 */
final class OrtModel implements AutoCloseable {

    private final OrtSession session;
    private final int inputWidth;
    private final int inputHeight;
    private final MemorySegment inputSegment;
    private final OnnxTensor inputTensor;
    private final Map<String, OnnxTensor> inputs;
    private final long[] outputShape;
    private final FloatBuffer output;
    private final OnnxTensor outputTensor;
    private final Map<String, OnnxTensor> pinned;
    private final Map<String, String> metadata;

    private OrtModel(OrtSession session, String inputName, String outputName, int inputWidth, int inputHeight,
                     FloatBuffer input, OnnxTensor inputTensor, long[] outputShape, FloatBuffer output,
                     OnnxTensor outputTensor, Map<String, String> metadata) {
        this.session = session;
        this.inputWidth = inputWidth;
        this.inputHeight = inputHeight;
        this.inputSegment = MemorySegment.ofBuffer(input);
        this.inputTensor = inputTensor;
        this.inputs = Map.of(inputName, inputTensor);
        this.outputShape = outputShape;
        this.output = output;
        this.outputTensor = outputTensor;
        this.pinned = Map.of(outputName, outputTensor);
        this.metadata = metadata;
    }

    /**
     * Loads {@code file}, checks its input, and runs it once on a grey image to learn the output's shape (which
     * may be dynamic in the file) and to take ORT's first-run set-up out of the stream.
     *
     * @param who            "node 'id' (type)", to start messages with
     * @param intraOpThreads ORT intra-op threads, 0 for ORT's default
     * @throws IllegalArgumentException with one line naming {@code who} and the file when the file is missing, is
     *                                  not a model ORT can load, or does not take one RGB image
     */
    static OrtModel load(Path file, int intraOpThreads, String who) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(who + ": model file '" + file.toAbsolutePath() + "' does not exist"
                    + (Files.exists(file) ? " as a regular file" : "") + " (param 'model')");
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            session = env.createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new IllegalArgumentException(who + ": cannot load model file '" + file.toAbsolutePath() + "': "
                    + oneLine(e.getMessage()), e);
        }
        OnnxTensor inputTensor = null;
        OnnxTensor outputTensor = null;
        try {
            Map<String, NodeInfo> ins = session.getInputInfo();
            Map<String, NodeInfo> outs = session.getOutputInfo();
            if (ins.size() != 1 || outs.isEmpty()) {
                throw new IllegalArgumentException(who + ": model file '" + file + "' has " + ins.size()
                        + " inputs and " + outs.size() + " outputs; a YOLO detector has one image input and a"
                        + " detection output");
            }
            NodeInfo in = ins.values().iterator().next();
            long[] shape = in.getInfo() instanceof TensorInfo t && t.type == OnnxJavaType.FLOAT ? t.getShape() : null;
            if (shape == null || shape.length != 4 || (shape[0] != 1 && shape[0] > 0) || shape[1] != 3) {
                throw new IllegalArgumentException(who + ": model file '" + file + "' input '" + in.getName()
                        + "' is " + in.getInfo() + "; expected float32 [1, 3, height, width]");
            }
            Map<String, String> metadata = session.getMetadata().getCustomMetadata();
            int[] size = inputSize(shape, metadata.get("imgsz"));
            int h = size[0];
            int w = size[1];
            ByteBuffer inBytes = ByteBuffer.allocateDirect(3 * h * w * Float.BYTES).order(ByteOrder.nativeOrder());
            FloatBuffer inFloats = inBytes.asFloatBuffer();
            long[] inShape = {1, 3, h, w};
            inputTensor = OnnxTensor.createTensor(env, inFloats, inShape);
            for (int i = 0; i < inFloats.capacity(); i++) {
                inFloats.put(i, Letterbox.PAD_VALUE);
            }
            String outName = outs.keySet().iterator().next();
            long[] outShape;
            try (OrtSession.Result first = session.run(Map.of(in.getName(), inputTensor), Set.of(outName))) {
                if (!(first.get(0) instanceof OnnxTensor t) || t.getInfo().type != OnnxJavaType.FLOAT) {
                    throw new IllegalArgumentException(who + ": model file '" + file + "' output '" + outName
                            + "' is not a float32 tensor");
                }
                outShape = t.getInfo().getShape();
            }
            long outSize = 1;
            for (long d : outShape) {
                outSize = Math.multiplyExact(outSize, d);
            }
            if (outSize > Integer.MAX_VALUE / Float.BYTES) {
                throw new IllegalArgumentException(who + ": model file '" + file + "' output shape "
                        + Arrays.toString(outShape) + " is too large");
            }
            FloatBuffer outFloats = ByteBuffer.allocateDirect((int) outSize * Float.BYTES)
                    .order(ByteOrder.nativeOrder()).asFloatBuffer();
            outputTensor = OnnxTensor.createTensor(env, outFloats, outShape);
            return new OrtModel(session, in.getName(), outName, w, h, inFloats, inputTensor, outShape, outFloats,
                    outputTensor, Map.copyOf(metadata));
        } catch (OrtException | RuntimeException e) {
            closeQuietly(outputTensor, e);
            closeQuietly(inputTensor, e);
            closeQuietly(session, e);
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException(who + ": cannot run model file '" + file.toAbsolutePath() + "': "
                    + oneLine(e.getMessage()), e);
        }
    }

    /**
     * The model's input height and width: the file's static dimensions, else Ultralytics' {@code imgsz} metadata
     * ({@code [640, 640]}), else 640 square.
     */
    private static int[] inputSize(long[] shape, String imgsz) {
        int h = shape[2] > 0 ? (int) shape[2] : -1;
        int w = shape[3] > 0 ? (int) shape[3] : -1;
        if ((h < 0 || w < 0) && imgsz != null) {
            String[] parts = imgsz.replaceAll("[\\[\\]() ]", "").split(",");
            try {
                int mh = Integer.parseInt(parts[0]);
                int mw = parts.length > 1 ? Integer.parseInt(parts[1]) : mh;
                h = h < 0 ? mh : h;
                w = w < 0 ? mw : w;
            } catch (NumberFormatException e) {
                // not Ultralytics' format: fall through to the default
            }
        }
        return new int[] {h > 0 ? h : 640, w > 0 ? w : 640};
    }

    private static String oneLine(String s) {
        return s == null ? "(no message)" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static void closeQuietly(AutoCloseable c, Exception into) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                into.addSuppressed(e);
            }
        }
    }

    /** Model input width in pixels. */
    int inputWidth() {
        return inputWidth;
    }

    /** Model input height in pixels. */
    int inputHeight() {
        return inputHeight;
    }

    /** The input tensor's memory, float32 {@code [1, 3, H, W]} in native order, filled in place by the caller. */
    MemorySegment input() {
        return inputSegment;
    }

    /** The shape of the first output. */
    long[] outputShape() {
        return outputShape.clone();
    }

    /** The first output as ORT wrote it in the last {@link #run()}; absolute reads only. */
    FloatBuffer output() {
        return output;
    }

    /** The model file's custom metadata (Ultralytics: names, imgsz, stride, license, ...). */
    Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Runs the model on the input tensor; the first output lands in {@link #output()}. Blocks for the inference
     * (tens of milliseconds for yolov8n on two cores); not interruptible.
     */
    void run() throws OrtException {
        session.run(inputs, Set.of(), pinned).close();
    }

    /** Closes the tensors and the session; the direct buffers go with their last reference. */
    @Override
    public void close() throws OrtException {
        try {
            outputTensor.close();
            inputTensor.close();
        } finally {
            session.close();
        }
    }
}

package dev.weir.nodes.vision;

import ai.onnxruntime.OrtException;
import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputFiles;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.OutputPort;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.RecordSchema;
import dev.weir.engine.api.ResolvedPort;
import dev.weir.engine.api.Scheduling;
import dev.weir.engine.api.WorkStatus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code vision.yolo}: object detection with a YOLOv8-style ONNX model on ONNX Runtime (CPU).
 *
 * <pre>
 *  image (bgr24 | rgb24, any size) ──▶ letterbox + RGB planes /255 ──▶ ORT session.run ──▶ best class per anchor,
 *  conf threshold, class filter ──▶ NMS (per class) ──▶ boxes mapped back to image pixels ──▶ records&lt;boxes&gt;
 * </pre>
 *
 * <h2>Output</h2>
 * One {@code records<boxes>} frame ({@link RecordSchema#BOXES}) per image, best score first, at most
 * {@code max_detections}: {@code cx, cy, w, h} in pixels of the <em>original</em> image (the letterbox undone and
 * the corners clipped to the image, as Ultralytics' {@code scale_boxes}), {@code score} in 0..1 and
 * {@code class_id}. The frame carries the image's header (index, time stamp, sample rate, flags), so a
 * downstream node can pair boxes with images by index.
 *
 * <h2>Model</h2>
 * Any model exported like Ultralytics YOLOv8 (also v5u, v9, v11 detect exports): one float32 {@code [1, 3, H, W]}
 * RGB input in 0..1, one output of {@code 4 + classes} channels by anchors (see {@link YoloDecoder}). The input
 * size comes from the model (static dims, else its {@code imgsz} metadata, else 640). Class names come from the
 * model's {@code names} metadata, else the bundled COCO names for an 80-class model, else {@code class<N>}
 * ({@link #classNames()}). The default model, {@code yolov8n.onnx}, is Ultralytics' and AGPL-3.0; the node itself
 * takes any model path. A relative path is looked up in the working directory, then in Weir's home
 * ({@link dev.weir.engine.api.InputFiles}).
 *
 * <h2>Scheduling: BLOCKING</h2>
 * One inference blocks in native code for tens of milliseconds (about 75 ms for yolov8n on two cores), far beyond
 * the sub-millisecond budget of a cooperative call, and would stall every node sharing the worker. As a BLOCKING
 * node it gets its own thread; ORT adds its intra-op pool (param {@code threads}). ORT cannot be interrupted in
 * the middle of a run, so a stop takes effect after the current inference, at most one inference later.
 *
 * <h2>Threads and allocation</h2>
 * Every method runs on the node's own thread. {@code open} loads the model (a missing or unloadable file fails it
 * with one line naming the node and the file), runs it once, and allocates every buffer: the input tensor (a
 * direct buffer wrapped once as an {@code OnnxTensor}), the pinned output tensor, the decode and NMS arrays. The
 * letterbox padding is written once there, since the geometry is fixed for the run. {@code process} handles one
 * image per call; its own work (preprocessing, decoding, NMS, writing records) allocates nothing, but ORT's Java
 * binding allocates about 568 bytes per run (see {@link OrtModel}), which no ORT API avoids.
 *
 * <p>{@code conf}, {@code iou} and {@code agnostic_nms} can change while running; they apply from the next image.
 */
public final class YoloNode implements Processor {

    /** Node type id. */
    public static final String ID = "vision.yolo";
    /**
     * The default model path, relative to the working directory or Weir's home ({@code tools/fetch-assets.sh} puts it
     * in the repository's {@code assets/}; the installed package carries it in {@code /opt/weir/assets/}).
     */
    public static final String DEFAULT_MODEL = "assets/models/yolov8n.onnx";

    static final String BGR24 = "bgr24";
    static final String RGB24 = "rgb24";

    /** Field indexes of {@link RecordSchema#BOXES}. */
    static final int F_CX = 0, F_CY = 1, F_W = 2, F_H = 3, F_SCORE = 4, F_CLASS = 5;

    /** Runs the model on its input tensor; replaced in tests by a replay of a recorded output. */
    @FunctionalInterface
    interface Runner {
        void run(OrtModel model) throws OrtException;
    }

    static NodeDescriptor descriptor() {
        return descriptor(OrtModel::run);
    }

    /** The descriptor with another way of running the model (tests replay a recorded output). */
    static NodeDescriptor descriptor(Runner runner) {
        return NodeDescriptor.builder(ID, 1)
                .label("YOLO detector")
                .category("Video/Vision")
                .description("Object detection with a YOLOv8-style ONNX model on ONNX Runtime: letterbox, inference, "
                        + "per-class NMS; boxes in image pixels. Default model yolov8n (Ultralytics, AGPL-3.0).")
                .param(new ParamSpec("model", "Model", new ParamType.PathType(ParamType.PathMode.READ_FILE),
                        DEFAULT_MODEL, "", false, "ONNX file of a YOLOv8-style detector (Ultralytics export: one "
                        + "[1,3,H,W] input, a [1,4+classes,anchors] output, no NMS inside)."))
                .param(formatParam())
                .param(ParamSpec.real("conf", "Confidence", 0.25, 0, 1, "", true,
                        "Boxes whose best class score is not above this are dropped."))
                .param(ParamSpec.real("iou", "NMS IoU", 0.7, 0, 1, "", true,
                        "A box overlapping a better one of its class by more than this IoU is dropped "
                                + "(Ultralytics' default 0.7)."))
                .param(ParamSpec.bool("agnostic_nms", "Class-agnostic NMS", false, true,
                        "Let boxes of different classes suppress each other (off: per-class NMS, as Ultralytics)."))
                .param(ParamSpec.integer("max_detections", "Max detections", 100, 1, 1000, "", false,
                        "Most boxes reported per image, the best first."))
                .param(new ParamSpec("classes", "Classes", new ParamType.TextType(4096), "", "", false,
                        "Only these classes, by name or id, separated by commas (person, car, 16); empty for all."))
                .param(ParamSpec.integer("threads", "Threads", 0, 0, 256, "", false,
                        "ONNX Runtime intra-op threads, the node's own thread included; 0 lets ORT choose "
                                + "(one per physical core)."))
                .input(PortSpec.of("image", imageType(), "Image to detect objects in."))
                .output(PortSpec.of("boxes", new DataType.RecordsOf(RecordSchema.BOXES, Dim.param("max_detections")),
                        "Detections of one image, best first, in image pixels (cx, cy, w, h, score, class_id)."))
                .scheduling(Scheduling.BLOCKING)
                .factory(() -> new YoloNode(runner))
                .build();
    }

    /** The {@code format} choice param shared by the vision nodes. */
    static ParamSpec formatParam() {
        return new ParamSpec("format", "Pixel format", new ParamType.ChoiceType(List.of(BGR24, RGB24)), BGR24, "",
                false, "Byte order of the image's pixels.");
    }

    /** An image of any size whose pixel format the {@code format} param picks. */
    static DataType imageType() {
        return new DataType.ByParam("format", Map.of(
                BGR24, new DataType.ImageOf(PixelFormat.BGR24, Dim.any(), Dim.any()),
                RGB24, new DataType.ImageOf(PixelFormat.RGB24, Dim.any(), Dim.any())));
    }

    private final Runner runner;
    private String who;
    private OrtModel model;
    private Letterbox letterbox;
    private YoloDecoder decoder;
    private float[] raw;
    private boolean[] allowed;
    private List<String> names;
    private boolean bgr;
    private float conf;
    private float iou;
    private boolean agnostic;
    private int maxDetections;
    private InputPort in;
    private OutputPort out;

    YoloNode(Runner runner) {
        this.runner = runner;
    }

    /**
     * Loads the model, checks the input image's size, allocates every buffer and pads the input tensor. Called
     * once on the node's thread; blocks while ORT loads and runs the model once (a fraction of a second).
     *
     * @throws IllegalArgumentException naming the node and the file when the model is missing or unusable, the
     *                                  input size is unknown, or {@code classes} names an unknown class
     */
    @Override
    public void open(ProcessorContext context) {
        Params p = context.params();
        who = "node '" + context.nodeId() + "' (" + ID + ")";
        ResolvedPort image = context.inputs().getFirst();
        if (!(image.type() instanceof DataType.ImageOf img) || !img.isResolved()) {
            throw new IllegalArgumentException(who + ": the size of input 'image' is not known (" + image.type().describe()
                    + "); connect it to an output that states its image size");
        }
        bgr = img.format() == PixelFormat.BGR24;
        Path file = InputFiles.resolve(p.getString("model"));
        model = OrtModel.load(file, p.getInt("threads"), who);
        decoder = decoderFor(model, file);
        names = namesFor(model.metadata(), decoder.classes(), context.logger(), file);
        allowed = classFilter(p.getString("classes"), names, who);
        letterbox = new Letterbox(img.width().size(), img.height().size(), model.inputWidth(), model.inputHeight());
        letterbox.pad(model.input());
        raw = new float[decoder.outputSize()];
        maxDetections = p.getInt("max_detections");
        readHotParams(p);
    }

    private YoloDecoder decoderFor(OrtModel m, Path file) {
        try {
            return YoloDecoder.forShape(m.outputShape());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who + ": model file '" + file + "' is not a YOLOv8-style detector: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The model's class names, one per class channel: its {@code names} metadata, else COCO's for 80 classes, else
     * {@code class<N>}. Metadata that does not parse or does not match the class count is logged and ignored.
     */
    static List<String> namesFor(Map<String, String> metadata, int classes, System.Logger log, Path file) {
        String text = metadata.get("names");
        if (text != null) {
            try {
                List<String> parsed = ClassNames.parseUltralytics(text);
                if (parsed.size() == classes) {
                    return parsed;
                }
                log.log(System.Logger.Level.WARNING, "model file ''{0}'' names {1} classes but its output has {2}; "
                        + "using default names", file, parsed.size(), classes);
            } catch (IllegalArgumentException e) {
                log.log(System.Logger.Level.WARNING, "model file ''{0}'': cannot read its names metadata ({1}); "
                        + "using default names", file, e.getMessage());
            }
        }
        if (classes == ClassNames.coco80().size()) {
            return ClassNames.coco80();
        }
        List<String> generic = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            generic.add("class" + c);
        }
        return List.copyOf(generic);
    }

    /**
     * The class filter for the {@code classes} param: null for all classes, else a flag per class.
     *
     * @throws IllegalArgumentException naming the node and the unknown entry
     */
    static boolean[] classFilter(String spec, List<String> names, String who) {
        if (spec.isBlank()) {
            return null;
        }
        boolean[] allowed = new boolean[names.size()];
        for (String part : spec.split(",")) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            int id = names.indexOf(item);
            if (id < 0) {
                for (int c = 0; c < names.size() && id < 0; c++) {
                    if (names.get(c).equalsIgnoreCase(item)) {
                        id = c;
                    }
                }
            }
            if (id < 0 && item.chars().allMatch(Character::isDigit) && item.length() < 7) {
                id = Integer.parseInt(item);
                if (id >= names.size()) {
                    throw new IllegalArgumentException(who + ": param 'classes' names class id " + id
                            + ", but the model has classes 0.." + (names.size() - 1));
                }
            }
            if (id < 0) {
                throw new IllegalArgumentException(who + ": param 'classes' names '" + item
                        + "', which is not a class of the model (" + preview(names) + ")");
            }
            allowed[id] = true;
        }
        return allowed;
    }

    private static String preview(List<String> names) {
        return names.size() <= 12 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 12)) + ", ... (" + names.size() + " classes)";
    }

    private void readHotParams(Params p) {
        conf = (float) p.getDouble("conf");
        iou = (float) p.getDouble("iou");
        agnostic = p.getBoolean("agnostic_nms");
    }

    /** Takes the new thresholds between two images. Called on the node's thread; allocates nothing. */
    @Override
    public void onParamsChanged(Params previous, Params next) {
        readHotParams(next);
    }

    /** The class names by class id; valid after {@code open}. For labels and tests. */
    public List<String> classNames() {
        return names;
    }

    /**
     * Detects on one image: preprocess into the input tensor, run the model, decode, NMS, write the records.
     * Blocks for the inference (BLOCKING node); allocates nothing itself (ORT's binding does, see the class doc).
     */
    @Override
    public WorkStatus process(Inputs ins, Outputs outs) {
        if (in == null) {
            in = ins.port(0);
            out = outs.port(0);
        }
        if (in.available() == 0) {
            return WorkStatus.NEED_INPUT;
        }
        if (out.remaining() == 0) {
            return WorkStatus.NEED_OUTPUT_SPACE;
        }
        Frame src = in.peek();
        letterbox.fill(src.bytes(), bgr, model.input());
        try {
            runner.run(model);
        } catch (OrtException e) {
            throw new IllegalStateException(who + ": inference failed: " + e.getMessage(), e);
        }
        model.output().get(0, raw);
        decoder.decode(raw, conf, allowed);
        int kept = decoder.suppress(iou, agnostic, maxDetections);

        Frame dst = out.claim();
        dst.copyHeaderFrom(src);
        writeBoxes(dst, kept);
        out.publish();
        in.release();
        return WorkStatus.OK;
    }

    /** The kept boxes, mapped back through the letterbox and clipped to the image, as records. */
    private void writeBoxes(Frame dst, int kept) {
        Letterbox lb = letterbox;
        double w = lb.srcWidth();
        double h = lb.srcHeight();
        dst.setLength(kept);
        for (int k = 0; k < kept; k++) {
            int c = decoder.kept(k);
            double x1 = Math.clamp(lb.toSourceX(decoder.x1(c)), 0, w);
            double y1 = Math.clamp(lb.toSourceY(decoder.y1(c)), 0, h);
            double x2 = Math.clamp(lb.toSourceX(decoder.x2(c)), 0, w);
            double y2 = Math.clamp(lb.toSourceY(decoder.y2(c)), 0, h);
            dst.setRecordDouble(k, F_CX, (x1 + x2) / 2);
            dst.setRecordDouble(k, F_CY, (y1 + y2) / 2);
            dst.setRecordDouble(k, F_W, x2 - x1);
            dst.setRecordDouble(k, F_H, y2 - y1);
            dst.setRecordDouble(k, F_SCORE, decoder.score(c));
            dst.setRecordLong(k, F_CLASS, decoder.classId(c));
        }
    }

    /** Releases the ORT session and tensors. Called once on the node's thread, also after a failed open. */
    @Override
    public void close() throws OrtException {
        if (model != null) {
            model.close();
            model = null;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s[conf=%.2f, iou=%.2f]", ID, conf, iou);
    }
}

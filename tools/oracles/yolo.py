"""Reference YOLOv8 detections from OpenCV DNN, for YoloNodeTest.

An inference engine independent of ONNX Runtime (OpenCV 4.6's own ONNX importer and CPU backend) runs the same
model on the same images, with Ultralytics' pre- and post-processing written out here:

- letterbox: scale r = min(640 / h, 640 / w), cv2.resize to (round(w r), round(h r)) with INTER_LINEAR, pad with
  (114, 114, 114) centred (top = round(dh - 0.1), left = round(dw - 0.1), as Ultralytics' LetterBox does);
- inference: every layer but the head's last three element-wise ones in OpenCV (see forward());
- blob: BGR -> RGB, / 255, HWC -> CHW;
- decode: output0 [1, 84, 8400] -> per anchor the best class; keep score > conf;
- NMS per class (cv2.dnn.NMSBoxes on each class's boxes), IoU threshold iou; at most max_det, best first;
- boxes mapped back through the letterbox and clipped to the image.

Run: /usr/bin/python3 tools/oracles/yolo.py   (needs Debian's python3-opencv and python3-numpy and the assets
fetched by tools/fetch-assets.sh). Writes node-library/src/test/resources/oracles/yolo_opencv.json.
"""
import json
import pathlib

import cv2
import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[2]
MODEL = ROOT / "assets/models/yolov8n.onnx"
NAMES = (ROOT / "assets/models/coco80.names").read_text().split("\n")
OUT = ROOT / "node-library/src/test/resources/oracles/yolo_opencv.json"
SIZE = 640
CONF = 0.25
IOU = 0.7
MAX_DET = 100


def letterbox(img):
    h, w = img.shape[:2]
    r = min(SIZE / h, SIZE / w)
    nw, nh = int(round(w * r)), int(round(h * r))
    dw, dh = (SIZE - nw) / 2, (SIZE - nh) / 2
    if (nw, nh) != (w, h):
        img = cv2.resize(img, (nw, nh), interpolation=cv2.INTER_LINEAR)
    top, bottom = int(round(dh - 0.1)), int(round(dh + 0.1))
    left, right = int(round(dw - 0.1)), int(round(dw + 0.1))
    img = cv2.copyMakeBorder(img, top, bottom, left, right, cv2.BORDER_CONSTANT, value=(114, 114, 114))
    return img, r, left, top


def forward(net, blob):
    """output0 [84, 8400] of the model.

    OpenCV 4.6 runs every layer of yolov8n except the head's last three (Mul_2 by the stride tensor, Sigmoid,
    Concat_5), which fail in shape_utils 'total'. Those three are element-wise, so they are done here with numpy
    on the last outputs OpenCV computes: the decoded boxes in grid units (Concat_4) and the class logits
    (Slice_1). The strides are the model's three detection scales: 80x80 cells of 8 px, 40x40 of 16, 20x20 of 32.
    """
    net.setInput(blob)
    boxes = net.forward("onnx_node!/model.22/Concat_4")[0]  # [4, 8400], grid units
    net.setInput(blob)
    logits = net.forward("onnx_node!/model.22/Slice_1")[0]  # [80, 8400]
    strides = np.concatenate([np.full((SIZE // s) ** 2, s, np.float32) for s in (8, 16, 32)])
    return np.concatenate([boxes * strides, 1 / (1 + np.exp(-logits))], axis=0)


def detect(net, path):
    img = cv2.imread(str(path))
    h, w = img.shape[:2]
    boxed, r, left, top = letterbox(img)
    blob = cv2.dnn.blobFromImage(boxed, 1 / 255.0, (SIZE, SIZE), swapRB=True, crop=False)
    out = forward(net, blob).T  # [8400, 84]
    scores = out[:, 4:]
    cls = scores.argmax(axis=1)
    best = scores[np.arange(len(cls)), cls]
    keep = best > CONF
    boxes_cxcywh, cls, best = out[keep, :4], cls[keep], best[keep]
    dets = []
    for c in np.unique(cls):
        idx = np.where(cls == c)[0]
        b = boxes_cxcywh[idx]
        xywh = [[float(x - bw / 2), float(y - bh / 2), float(bw), float(bh)] for x, y, bw, bh in b]
        kept = cv2.dnn.NMSBoxes(xywh, [float(s) for s in best[idx]], CONF, IOU)
        for k in np.array(kept).flatten():
            cx, cy, bw, bh = b[k]
            x1 = np.clip((cx - bw / 2 - left) / r, 0, w)
            y1 = np.clip((cy - bh / 2 - top) / r, 0, h)
            x2 = np.clip((cx + bw / 2 - left) / r, 0, w)
            y2 = np.clip((cy + bh / 2 - top) / r, 0, h)
            dets.append({"class_id": int(c), "name": NAMES[int(c)], "score": round(float(best[idx][k]), 4),
                         "x1": round(float(x1), 1), "y1": round(float(y1), 1),
                         "x2": round(float(x2), 1), "y2": round(float(y2), 1)})
    dets.sort(key=lambda d: -d["score"])
    return {"width": w, "height": h, "detections": dets[:MAX_DET]}


def main():
    net = cv2.dnn.readNetFromONNX(str(MODEL))
    images = {}
    for name in ["dog.jpg", "person.jpg"]:
        images[name] = detect(net, ROOT / "assets/images" / name)
        for d in images[name]["detections"]:
            print(name, d)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({
        "source": "OpenCV " + cv2.__version__ + " cv2.dnn.readNetFromONNX(yolov8n.onnx), tools/oracles/yolo.py",
        "conf": CONF, "iou": IOU, "input_size": SIZE, "images": images}, indent=1) + "\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()

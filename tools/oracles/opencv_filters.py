"""Golden images for the image.* kernel nodes (ImageFilterOracleTest), computed with Debian's OpenCV 4.6 (cv2).

Run once with /usr/bin/python3 (python3-opencv, python3-numpy); the outputs are committed under
tornado-kernels/src/test/resources/oracles/images/ and described in the README written there.

Inputs are synthetic and deterministic: a 97x61 RGB picture with gradients, hard-edged shapes, saturated pixels
and seeded noise (odd sizes catch border and stride bugs), its transpose (a portrait frame for the letterbox), a
96x60 crop (an exact 2x downscale, which OpenCV routes through INTER_AREA) and a 5x3 grey image smaller than most
kernels (border reflection must fold more than once). Every golden is a uint8 .npy, HxW for grey and HxWx3 for
colour, and manifest.json lists each case: the node, its params, the input file and the expected file.
"""
import json
import pathlib

import cv2
import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[2] / "tornado-kernels/src/test/resources/oracles/images"
SEED = 20240605


def synthetic_rgb(w=97, h=61):
    """Gradients (R along x, G along y, B along the diagonal), a bright rectangle, a dark disc, a few saturated
    pixels, then seeded noise in -20..20, clipped to 0..255."""
    y, x = np.mgrid[0:h, 0:w]
    img = np.zeros((h, w, 3), np.int32)
    img[..., 0] = x * 255 // (w - 1)
    img[..., 1] = y * 255 // (h - 1)
    img[..., 2] = (x + y) * 255 // (w + h - 2)
    img[10:31, 20:46] = (250, 30, 60)
    img[(x - 70) ** 2 + (y - 40) ** 2 <= 12 ** 2] = (10, 200, 20)
    img[0, 0] = (255, 255, 255)
    img[h - 1, w - 1] = (0, 0, 0)
    img[h // 2, 3] = (255, 0, 255)
    rng = np.random.default_rng(SEED)
    img += rng.integers(-20, 21, size=img.shape)
    return np.clip(img, 0, 255).astype(np.uint8)


def letterbox(img, new_w, new_h, scale_up=True, pad=114):
    """Ultralytics' LetterBox (auto=False, scaleFill=False, center=True), as ultralytics/data/augment.py has it."""
    shape = img.shape[:2]
    r = min(new_h / shape[0], new_w / shape[1])
    if not scale_up:
        r = min(r, 1.0)
    new_unpad = int(round(shape[1] * r)), int(round(shape[0] * r))
    dw, dh = (new_w - new_unpad[0]) / 2, (new_h - new_unpad[1]) / 2
    if shape[::-1] != new_unpad:
        img = cv2.resize(img, new_unpad, interpolation=cv2.INTER_LINEAR)
    top, bottom = int(round(dh - 0.1)), int(round(dh + 0.1))
    left, right = int(round(dw - 0.1)), int(round(dw + 0.1))
    return cv2.copyMakeBorder(img, top, bottom, left, right, cv2.BORDER_CONSTANT, value=(pad, pad, pad))


def sobel_magnitude(gray):
    """|grad| from 3x3 Sobel derivatives in float, rounded and saturated to 8 bits."""
    gx = cv2.Sobel(gray, cv2.CV_32F, 1, 0, ksize=3, borderType=cv2.BORDER_REFLECT_101)
    gy = cv2.Sobel(gray, cv2.CV_32F, 0, 1, ksize=3, borderType=cv2.BORDER_REFLECT_101)
    return cv2.convertScaleAbs(cv2.magnitude(gx, gy))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rgb = synthetic_rgb()
    inputs = {
        "rgb_97x61": rgb,
        "rgb_61x97": np.ascontiguousarray(rgb.transpose(1, 0, 2)),
        "rgb_96x60": np.ascontiguousarray(rgb[:60, :96]),
        "gray_5x3": np.random.default_rng(SEED + 1).integers(0, 256, size=(3, 5)).astype(np.uint8),
    }
    # The grey input of the grey filters is OpenCV's own conversion, itself a golden.
    inputs["gray_97x61"] = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    bgr = rgb  # the same bytes read as B, G, R
    cases = []

    def case(name, node, params, source, expected):
        assert expected.dtype == np.uint8
        np.save(OUT / f"{name}.npy", expected)
        cases.append({"name": name, "node": node, "params": params, "input": source, "expected": f"{name}.npy"})

    case("grey_rgb", "image.grey", {"format": "rgb24"}, "rgb_97x61", inputs["gray_97x61"])
    case("grey_bgr", "image.grey", {"format": "bgr24"}, "rgb_97x61", cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY))

    def gauss(src, ksize, sigma):
        return cv2.GaussianBlur(inputs[src], (ksize, ksize), sigma, borderType=cv2.BORDER_REFLECT_101)

    for src, fmt in [("gray_97x61", "gray8"), ("rgb_97x61", "rgb24")]:
        for ksize, sigma in [(0, 1.0), (0, 2.0), (5, 1.5), (3, 0.8), (0, 4.5)]:
            case(f"gaussian_{fmt}_k{ksize}_s{sigma}", "image.gaussian_blur",
                 {"format": fmt, "ksize": ksize, "sigma": sigma}, src, gauss(src, ksize, sigma))
    case("gaussian_gray8_tiny_s2.0", "image.gaussian_blur", {"format": "gray8", "ksize": 0, "sigma": 2.0},
         "gray_5x3", gauss("gray_5x3", 0, 2.0))

    for src, fmt in [("gray_97x61", "gray8"), ("rgb_97x61", "rgb24")]:
        for k in [3, 4, 5, 16]:
            case(f"box_{fmt}_k{k}", "image.box_blur", {"format": fmt, "ksize": k}, src,
                 cv2.blur(inputs[src], (k, k), borderType=cv2.BORDER_REFLECT_101))
    case("box_gray8_tiny_k7", "image.box_blur", {"format": "gray8", "ksize": 7}, "gray_5x3",
         cv2.blur(inputs["gray_5x3"], (7, 7), borderType=cv2.BORDER_REFLECT_101))

    for src, fmt in [("gray_97x61", "gray8"), ("rgb_97x61", "rgb24")]:
        for k in [1, 3]:
            lap = cv2.Laplacian(inputs[src], cv2.CV_16S, ksize=k, borderType=cv2.BORDER_REFLECT_101)
            case(f"laplacian_{fmt}_k{k}", "image.laplacian", {"format": fmt, "ksize": k}, src,
                 cv2.convertScaleAbs(lap))
    case("sobel_gray8", "image.sobel", {"format": "gray8"}, "gray_97x61", sobel_magnitude(inputs["gray_97x61"]))
    case("sobel_rgb24", "image.sobel", {"format": "rgb24"}, "rgb_97x61", sobel_magnitude(rgb))
    case("sobel_gray8_tiny", "image.sobel", {"format": "gray8"}, "gray_5x3", sobel_magnitude(inputs["gray_5x3"]))

    for fmt, src in [("gray8", "gray_97x61"), ("rgb24", "rgb_97x61")]:
        for mode, thresh, maxval in [("binary", 127.5, 255.0), ("binary_inv", 100.0, 200.0)]:
            kind = cv2.THRESH_BINARY if mode == "binary" else cv2.THRESH_BINARY_INV
            _, t = cv2.threshold(inputs[src], thresh, maxval, kind)
            case(f"threshold_{fmt}_{mode}", "image.threshold",
                 {"format": fmt, "mode": mode, "thresh": thresh, "maxval": maxval}, src, t)

    for fmt, src in [("gray8", "gray_97x61"), ("rgb24", "rgb_97x61")]:
        for w, h in [(64, 40), (120, 80), (200, 33), (31, 77)]:
            case(f"resize_{fmt}_{w}x{h}", "image.resize", {"format": fmt, "width": w, "height": h}, src,
                 cv2.resize(inputs[src], (w, h), interpolation=cv2.INTER_LINEAR))
    case("resize_rgb24_half", "image.resize", {"format": "rgb24", "width": 48, "height": 30}, "rgb_96x60",
         cv2.resize(inputs["rgb_96x60"], (48, 30), interpolation=cv2.INTER_LINEAR))

    for src, w, h, up in [("rgb_97x61", 64, 64, True), ("rgb_97x61", 128, 96, True), ("rgb_61x97", 64, 64, True),
                          ("rgb_97x61", 97, 61, True), ("rgb_97x61", 128, 96, False), ("rgb_61x97", 50, 90, True)]:
        case(f"letterbox_{src}_{w}x{h}{'' if up else '_noup'}", "image.letterbox",
             {"format": "rgb24", "width": w, "height": h, "scale_up": up}, src, letterbox(inputs[src], w, h, up))
    case("letterbox_rgb_97x61_64x64_pad0", "image.letterbox",
         {"format": "rgb24", "width": 64, "height": 64, "pad_value": 0}, "rgb_97x61",
         letterbox(inputs["rgb_97x61"], 64, 64, pad=0))
    case("letterbox_gray8_97x61_40x40", "image.letterbox", {"format": "gray8", "width": 40, "height": 40},
         "gray_97x61", letterbox(inputs["gray_97x61"], 40, 40))

    for name, arr in inputs.items():
        np.save(OUT / f"{name}.npy", arr)
    manifest = {"source": f"OpenCV {cv2.__version__} (cv2), numpy {np.__version__}; tools/oracles/opencv_filters.py",
                "inputs": {k: f"{k}.npy" for k in inputs}, "cases": cases}
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    print(f"wrote {len(cases)} cases and {len(inputs)} inputs to {OUT}")


if __name__ == "__main__":
    main()

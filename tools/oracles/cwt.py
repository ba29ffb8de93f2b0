"""Reference scalograms from pywt.cwt with a complex Morlet wavelet, for CwtMorletNodeTest.

pywt.cwt(x, scales, 'cmorB-C', sampling_period=1/fs) with scales = C * fs / f, f log-spaced from min_hz to max_hz
(the same scales dsp.cwt_morlet uses). pywt convolves with zeros outside the signal, as the node does inside each
window, so whole frames are compared, edges included. Magnitudes are rounded to 6 significant digits.
"""
import json
import pathlib

import numpy as np
import pywt

OUT = pathlib.Path(__file__).resolve().parents[2] / "node-library/src/test/resources/oracles/cwt.json"

fs, B, C = 256.0, 1.5, 1.0
min_hz, max_hz, n_scales = 4.0, 40.0, 12
n = 256
t = np.arange(n) / fs
x = np.sin(2 * np.pi * 6 * t) + 0.5 * np.sin(2 * np.pi * 20 * t + 0.3)
freqs = np.geomspace(min_hz, max_hz, n_scales)
scales = C * fs / freqs


def scalogram(seg):
    coef, _ = pywt.cwt(seg, scales, f"cmor{B}-{C}", sampling_period=1 / fs)
    return [[float(f"{v:.6g}") for v in row] for row in np.abs(coef)]


cases = []
for window, hop in [(256, 256), (128, 64)]:
    frames = [scalogram(x[s:s + window]) for s in range(0, n - window + 1, hop)]
    cases.append({"window": window, "hop": hop, "frames": frames})

OUT.write_text(json.dumps({
    "pywt": pywt.__version__, "sample_rate_hz": fs, "bandwidth": B, "center": C,
    "min_hz": min_hz, "max_hz": max_hz, "n_scales": n_scales,
    "signal": [float(v) for v in x.astype(np.float32)], "cases": cases}))
print("wrote", OUT)

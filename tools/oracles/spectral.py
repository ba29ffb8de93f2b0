"""Reference vectors for the spectral and filter nodes (SpectralOracleTest), from numpy.fft and scipy.signal.

Run once with /usr/bin/python3; the JSON is committed. The test signal is defined here and rebuilt in Java
from the same formula, so only results are stored.
"""
import json
import pathlib

import numpy as np
from scipy.signal import firwin, get_window, lfilter

OUT = pathlib.Path(__file__).resolve().parents[2] / "node-library/src/test/resources/oracles/spectral.json"


def signal(n):
    """x[i] = cos(2 pi 0.0625 i) + 0.5 sin(2 pi 0.21 i + 0.3) + 0.25 (i mod 7) / 7: tones plus a deterministic ramp."""
    i = np.arange(n)
    return np.cos(2 * np.pi * 0.0625 * i) + 0.5 * np.sin(2 * np.pi * 0.21 * i + 0.3) + 0.25 * (i % 7) / 7


def csignal(n):
    """A complex signal: signal(n) + 1j * signal(n)[::-1]."""
    s = signal(n)
    return s + 1j * s[::-1]


def r(a):
    """10 significant digits: far below the float32 tolerances of the tests, and half the file size."""
    return [float(f"{v:.10g}") for v in np.asarray(a).ravel()]


ffts = []
for n in [16, 48, 100]:
    for norm in ["backward", "ortho", "forward"]:
        for window in ["hann", "rectangular"]:
            for kind in ["real", "complex"]:
                x = signal(n) if kind == "real" else csignal(n)
                w = get_window("boxcar" if window == "rectangular" else window, n, fftbins=True)
                X = np.fft.fft(w * x, norm=norm)
                ffts.append({"n": n, "norm": norm, "window": window, "input": kind,
                             "re": r(X.real), "im": r(X.imag)})

fs = 48000.0
firs = []
for name, numtaps, cutoff, pass_zero, window in [
    ("lowpass", 31, [6000.0], True, "hamming"),
    ("highpass", 33, [9000.0], False, "hann"),
    ("bandpass", 64, [4000.0, 12000.0], False, "hamming"),
    ("bandstop", 41, [5000.0, 15000.0], True, "blackman"),
    ("kaiser_lowpass", 51, [3000.0], True, ("kaiser", 8.6)),
]:
    taps = firwin(numtaps, cutoff, window=window, pass_zero=pass_zero, scale=True, fs=fs)
    x = signal(300).astype(np.float32).astype(np.float64)  # the Java stream is float32
    y = lfilter(taps, 1.0, x)
    firs.append({"name": name, "numtaps": numtaps, "cutoff_hz": cutoff, "pass_zero": pass_zero,
                 "window": window if isinstance(window, str) else window[0], "fs": fs,
                 "taps": r(taps), "signal_n": 300, "lfilter": r(y)})

OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps({"source": "numpy.fft.fft, scipy.signal.firwin/get_window/lfilter",
                           "numpy": np.__version__, "ffts": ffts, "firs": firs}) + "\n")
print("wrote", OUT, len(ffts), "ffts", len(firs), "firs", OUT.stat().st_size, "bytes")

"""Reference vectors for the radar nodes (RadarNodesTest): LFM chirp, noise-free echoes, pulse compression and
the MTD power map, for a small case (64 samples per pulse, 8 pulses per CPI). Run once with Debian's numpy:

    /usr/bin/python3 tools/oracles/radar.py            # writes node-library/src/test/resources/oracles/radar.json
    /usr/bin/python3 tools/oracles/radar.py --scenario # prints CA-CFAR detections for the ASSETS.md scenario

The model is the one documented in dev.weir.nodes.radar.PulseSimNode:
  chirp     s(t) = exp(j*pi*(B/tau)*t^2 - j*pi*B*t), 0 <= t < L/fs, L = round(tau*fs)  (sweeps -B/2 .. +B/2)
  echo      a * s(t - d/fs) * exp(-j*4*pi*f0*R/c) * exp(j*2*pi*fd*p*prt), d = 2*R*fs/c (fractional samples),
            fd = 2*v*f0/c (positive velocity = approaching = positive Doppler), a = sqrt(power)
  PC        y = ifft(fft(x) * conj(fft(replica))), FFT size = samples per pulse (circular)
  MTD       |fftshift(fft(w[:, None] * cpi, axis=0), axes=0)|^2, w periodic (scipy get_window default)
"""
import json
import pathlib
import sys

import numpy as np
from scipy.signal import get_window

C = 299_792_458.0
OUT = pathlib.Path(__file__).resolve().parents[2] / "node-library/src/test/resources/oracles/radar.json"


def chirp(bw, tau, fs, window="rectangular", beta=0.0):
    n = int(round(tau * fs))
    t = np.arange(n) / fs
    c = np.exp(1j * np.pi * (bw / tau) * t ** 2 - 1j * np.pi * bw * t)
    if window != "rectangular":
        w = get_window(window if window != "kaiser" else ("kaiser", beta), n, fftbins=False)
        c = c * w
    return c


def echoes(bw, tau, fs, prt, f0, spp, pulses, targets, first_pulse=0):
    """targets: list of (range_m, velocity_mps, power). Returns complex array [pulses, spp]."""
    L = int(round(tau * fs))
    x = np.zeros((pulses, spp), dtype=complex)
    n = np.arange(spp)
    for (r, v, pw) in targets:
        d = 2 * r * fs / C
        fd = 2 * v * f0 / C
        u = n - d
        inside = (u >= 0) & (u < L)
        t = u / fs
        s = np.exp(1j * np.pi * (bw / tau) * t ** 2 - 1j * np.pi * bw * t) * inside
        for p in range(pulses):
            ph = -4 * np.pi * f0 * r / C + 2 * np.pi * fd * (first_pulse + p) * prt
            x[p] += np.sqrt(pw) * s * np.exp(1j * ph)
    return x


def pulse_compress(x, replica):
    spp = x.shape[-1]
    h = np.zeros(spp, dtype=complex)
    h[: len(replica)] = replica
    return np.fft.ifft(np.fft.fft(x, axis=-1) * np.conj(np.fft.fft(h)), axis=-1)


def mtd(cpi, window="hann"):
    p = cpi.shape[0]
    w = get_window(window, p, fftbins=True) if window != "rectangular" else np.ones(p)
    return np.abs(np.fft.fftshift(np.fft.fft(w[:, None] * cpi, axis=0), axes=0)) ** 2


def inter(a):
    a = np.asarray(a, dtype=np.complex64)
    out = np.empty(a.size * 2, dtype=np.float32)
    out[0::2] = a.real.ravel()
    out[1::2] = a.imag.ravel()
    return [float(v) for v in out]


def small_case():
    cfg = dict(bw=1e6, tau=8e-6, fs=2e6, prt=32e-6, f0=1.0e9, spp=64, pulses=8)
    targets = [(600.0, 300.0, 1.0), (1912.5, -700.0, 0.5)]
    x = echoes(cfg["bw"], cfg["tau"], cfg["fs"], cfg["prt"], cfg["f0"], cfg["spp"], cfg["pulses"], targets)
    x32 = x.astype(np.complex64)
    rep = chirp(cfg["bw"], cfg["tau"], cfg["fs"])
    rep_h = chirp(cfg["bw"], cfg["tau"], cfg["fs"], "hamming")
    pc = pulse_compress(x32.astype(complex), rep)
    pc_h = pulse_compress(x32.astype(complex), rep_h)
    pc32 = pc.astype(np.complex64)
    rd = mtd(pc32.astype(complex), "hann")
    rd_rect = mtd(pc32.astype(complex), "rectangular")
    return {
        "source": "numpy " + np.__version__ + ", tools/oracles/radar.py",
        "config": {"bandwidth_hz": cfg["bw"], "pulse_width_s": cfg["tau"], "sample_rate_hz": cfg["fs"],
                   "prt_s": cfg["prt"], "carrier_hz": cfg["f0"], "samples_per_pulse": cfg["spp"],
                   "pulses_per_cpi": cfg["pulses"]},
        "targets": {"range_m": [t[0] for t in targets], "velocity_mps": [t[1] for t in targets],
                    "power": [t[2] for t in targets]},
        "chirp": inter(rep),
        "echoes": [inter(row) for row in x32],
        "pc_rectangular": [inter(row) for row in pc32],
        "pc_hamming": [inter(row) for row in pc_h.astype(np.complex64)],
        "mtd_hann": [float(v) for v in rd.astype(np.float32).ravel()],
        "mtd_rectangular": [float(v) for v in rd_rect.astype(np.float32).ravel()],
    }


def cacfar(rd, gr, gd, tr, td, pfa):
    P, R = rd.shape
    hd, hr = gd + td, gr + tr
    N = (2 * hd + 1) * (2 * hr + 1) - (2 * gd + 1) * (2 * gr + 1)
    alpha = N * (pfa ** (-1.0 / N) - 1)
    det = []
    for d in range(P):
        rows_o = [(d + k) % P for k in range(-hd, hd + 1)]
        rows_g = [(d + k) % P for k in range(-gd, gd + 1)]
        for r in range(hr, R - hr):
            s = rd[rows_o][:, r - hr:r + hr + 1].sum() - rd[rows_g][:, r - gr:r + gr + 1].sum()
            noise = s / N
            x = rd[d, r]
            if x > alpha * noise:
                nb = rd[[(d - 1) % P, d, (d + 1) % P]][:, max(0, r - 1):r + 2]
                if x >= nb.max():
                    det.append((r, d, 10 * np.log10(x / noise)))
    return det


def scenario():
    bw, tau, fs, prt, f0, spp, P = 2e6, 42e-6, 2e6, 240e-6, 1.57e9, 480, 16
    targets = [(3000, 50, 1), (8025, 0, 1), (15800, 204, 1), (8025, 100, 0.25)]
    rng = np.random.default_rng(1)
    for cpi in range(3):
        x = echoes(bw, tau, fs, prt, f0, spp, P, targets, cpi * P)
        sigma2 = 10 ** (-12 / 10)
        x = x + np.sqrt(sigma2 / 2) * (rng.standard_normal(x.shape) + 1j * rng.standard_normal(x.shape))
        for rw in ["rectangular", "hamming"]:
            for dw in ["hann"]:
                pc = pulse_compress(x, chirp(bw, tau, fs, rw))
                rd = mtd(pc, dw)
                det = cacfar(rd, 2, 1, 8, 2, 1e-6)
                print(cpi, rw, dw, len(det), sorted(det))
    lam = C / f0
    prf = 1 / prt
    for (r, v, pw) in targets:
        fd = 2 * v / lam
        print("R", r, "bin", 2 * r * fs / C, "v", v, "dopbin", fd / prf * P)


if __name__ == "__main__":
    if "--scenario" in sys.argv:
        scenario()
    else:
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(json.dumps(small_case()) + "\n")
        print("wrote", OUT, OUT.stat().st_size, "bytes")

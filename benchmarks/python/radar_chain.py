"""The radar chain of Weir's RadarChainBenchmark, in numpy/scipy, vectorised over the pulses of a CPI.

Same work as the Java graph: simulate a CPI of LFM echoes from four targets in complex white noise, pulse
compression by FFT (ifft(fft(x) * conj(fft(h)))), a Hann-windowed Doppler FFT across the pulses (MTD), and a 2-D
cell-averaging CFAR with local-maximum detection. Prints one JSON line with pulses per second.

Run with Debian's Python (numpy and scipy are Debian packages): /usr/bin/python3 radar_chain.py --cpis 300
"""
import argparse
import json
import time

import numpy as np
from scipy import ndimage

C = 299_792_458.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--samples", type=int, default=1000)
    ap.add_argument("--prt", type=float, default=350e-6)
    ap.add_argument("--pulses", type=int, default=16)
    ap.add_argument("--cpis", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=3)
    a = ap.parse_args()

    n, prt, p = a.samples, a.prt, a.pulses
    fs = n / prt
    bw, tau, f0, noise_db = 2e6, 42e-6, 1.57e9, -12.0
    ranges = np.array([3000.0, 8025.0, 15800.0, 8025.0])
    velocities = np.array([50.0, 0.0, 204.0, 100.0])
    powers = np.array([1.0, 1.0, 1.0, 0.25])

    t = np.arange(n) / fs
    chirp_len = int(round(tau * fs))

    def chirp_at(times):
        inside = (times >= 0) & (times < tau)
        return np.where(inside, np.exp(1j * np.pi * bw / tau * (times - tau / 2) ** 2), 0)

    h = chirp_at(t)
    H = np.conj(np.fft.fft(h))
    delays = 2 * ranges / C
    echoes = np.stack([np.sqrt(pw) * chirp_at(t - d) for pw, d in zip(powers, delays)])  # targets x n
    fd = 2 * velocities * f0 / C
    win = np.hanning(p + 1)[:-1][:, None]  # periodic Hann, as the Java MTD uses
    guard_r, guard_d, train_r, train_d, pfa = 2, 1, 8, 2, 1e-6
    kernel = np.ones((2 * (guard_d + train_d) + 1, 2 * (guard_r + train_r) + 1))
    kernel[train_d:train_d + 2 * guard_d + 1, train_r:train_r + 2 * guard_r + 1] = 0
    n_train = kernel.sum()
    pad_d = guard_d + train_d
    alpha = n_train * (pfa ** (-1 / n_train) - 1)
    rng = np.random.default_rng(1)
    sigma = np.sqrt(10 ** (noise_db / 10) / 2)

    def cpi(k):
        slow = (k * p + np.arange(p)) * prt
        doppler = np.exp(2j * np.pi * np.outer(slow, fd))  # pulses x targets
        x = doppler @ echoes
        x += sigma * (rng.standard_normal((p, n)) + 1j * rng.standard_normal((p, n)))
        pc = np.fft.ifft(np.fft.fft(x, axis=1) * H, axis=1)
        rd = np.fft.fftshift(np.fft.fft(pc * win, axis=0), axes=0)
        power = (rd.real ** 2 + rd.imag ** 2).astype(np.float32)
        # Doppler wraps (pad by wrapping), range does not (zeros beyond the edges).
        padded = np.pad(power, ((pad_d, pad_d), (0, 0)), mode="wrap")
        noise = ndimage.correlate(padded, kernel, mode="constant")[pad_d:-pad_d]
        hits = power > alpha * noise / n_train
        peaks = ndimage.maximum_filter(power, size=3, mode="wrap") == power
        return np.count_nonzero(hits & peaks)

    for k in range(10):
        cpi(k)
    best = 0.0
    detections = 0
    for _ in range(a.repeats):
        t0 = time.perf_counter()
        detections = sum(cpi(k) for k in range(a.cpis))
        dt = time.perf_counter() - t0
        best = max(best, a.cpis * p / dt)
    print(json.dumps({"impl": "numpy", "pulses_per_s": best, "samples_per_pulse": n, "pulses_per_cpi": p,
                      "cpis": a.cpis, "detections_last_run": detections,
                      "numpy": np.__version__}))


if __name__ == "__main__":
    main()

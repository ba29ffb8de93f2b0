"""Golden files for io.wav_source (WavCsvNodesTest), written and read back by scipy.io.wavfile.

- u8_stereo.wav (8-bit PCM, 2 ch), s32_mono.wav (32-bit PCM), f64_3ch.wav (64-bit float, 3 ch): scipy writes them.
- s24_ext.wav: 24-bit PCM in WAVE_FORMAT_EXTENSIBLE, 2 ch, with an odd-sized LIST chunk (and its pad byte) before
  fmt and a fact chunk between fmt and data; built here by hand, read back by scipy as the independent parser.
- expected.json: for these and eegio's stereo_s16.wav / mono_f32.wav, the rate, every channel scaled to [-1, 1)
  as scipy/soundfile do (int16 / 32768, (uint8 - 128) / 128, int32 / 2**31) narrowed to float32, and the float64
  mean over channels narrowed to float32.
"""
import json
import pathlib
import struct

import numpy as np
import scipy.io.wavfile as wavfile

RES = pathlib.Path(__file__).resolve().parents[2] / "node-library/src/test/resources/oracles"
ROOT = RES / "wavcsv"
ROOT.mkdir(parents=True, exist_ok=True)

k = np.arange(60)
wavfile.write(ROOT / "u8_stereo.wav", 11025,
              np.stack([128 + 100 * np.sin(0.3 * k), 128 - 60 * np.cos(0.1 * k)], axis=1).astype(np.uint8))
wavfile.write(ROOT / "s32_mono.wav", 44100, (np.sin(0.05 * k) * 2.1e9).astype("<i4"))
wavfile.write(ROOT / "f64_3ch.wav", 250, np.stack([np.sin(0.1 * k), 0.5 * np.cos(0.2 * k), k / 60.0], axis=1))

s24 = np.stack([(np.sin(0.15 * k) * 8_000_000).astype(np.int64), (k * 1000 - 30000)], axis=1)
s24[0] = [-(1 << 23), (1 << 23) - 1]
frames = b"".join(int(v).to_bytes(3, "little", signed=True) for v in s24.ravel())
guid_pcm = struct.pack("<H", 1) + bytes([0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xAA, 0, 0x38, 0x9B, 0x71])
fmt = struct.pack("<HHIIHHHHI", 0xFFFE, 2, 48000, 48000 * 6, 6, 24, 22, 24, 3) + guid_pcm
chunks = (b"LIST" + struct.pack("<I", 5) + b"INFOx" + b"\0"
          + b"fmt " + struct.pack("<I", len(fmt)) + fmt
          + b"fact" + struct.pack("<II", 4, len(s24))
          + b"data" + struct.pack("<I", len(frames)) + frames)
(ROOT / "s24_ext.wav").write_bytes(b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WAVE" + chunks)


def scaled(x):
    if x.dtype == np.uint8:
        return (x.astype(np.float64) - 128) / 128
    if x.dtype == np.int16:
        return x / 32768.0
    if x.dtype == np.int32:  # scipy left-justifies 24-bit samples in int32
        return x / 2.0 ** 31
    return x.astype(np.float64)


expected = {}
for path in [RES / "eegio/stereo_s16.wav", RES / "eegio/mono_f32.wav"] + sorted(ROOT.glob("*.wav")):
    rate, x = wavfile.read(path)
    y = scaled(x).reshape(len(x), -1)
    expected[path.name] = {
        "rate": rate,
        "channels": [y[:, c].astype(np.float32).tolist() for c in range(y.shape[1])],
        "mean": y.mean(axis=1).astype(np.float32).tolist(),
    }
(ROOT / "expected.json").write_text(json.dumps(expected))
print("wrote", sorted(p.name for p in ROOT.iterdir()))

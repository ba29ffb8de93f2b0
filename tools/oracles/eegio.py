"""Golden files for the io.* file nodes (EegIoNodesTest, NpyNodesTest), written by numpy and scipy.

- ecg_208_f8.npy: samples 0..1199 of scipy's MIT-BIH record 208 (scipy/misc/ecg.dat, 360 Hz) in mV,
  (raw - 1024) / 200 as <f8; ecg_208.json holds the raw uint16 values so the test checks every sample.
- ramp_f4.npy: what io.npy_sink must write byte for byte for the ramp i * 0.25 - 3, i = 0..999.
- scalogram_f4.npy: a (2, 3, 4) float32 array, what io.npy_sink writes for two 3x4 matrix frames.
- tones_c8.npy, tones_f4.npy: small arrays the sources must read back; bad_i4.npy and bad_2d.npy are refused.
- stereo_s16.wav, mono_f32.wav: scipy.io.wavfile; the WAV source takes the first channel.
"""
import json
import pathlib

import numpy as np
import scipy.io.wavfile as wavfile

ROOT = pathlib.Path(__file__).resolve().parents[2] / "node-library/src/test/resources/oracles/eegio"
ROOT.mkdir(parents=True, exist_ok=True)

with np.load(pathlib.Path(np.__file__).parents[1] / "scipy/misc/ecg.dat") as z:
    raw = z["ecg"][:1200].astype(np.int64)
np.save(ROOT / "ecg_208_f8.npy", ((raw - 1024) / 200.0).astype("<f8"))
(ROOT / "ecg_208.json").write_text(json.dumps({"record": 208, "fs": 360, "raw": raw.tolist()}))

np.save(ROOT / "ramp_f4.npy", (np.arange(1000) * 0.25 - 3).astype("<f4"))
np.save(ROOT / "scalogram_f4.npy", (np.arange(24).reshape(2, 3, 4) * 0.5).astype("<f4"))
k = np.arange(10)
np.save(ROOT / "tones_c8.npy", (np.exp(1j * 0.3 * k) * (1 + k / 10)).astype("<c8"))
np.save(ROOT / "tones_f4.npy", np.sin(0.3 * k).astype("<f4"))
np.save(ROOT / "bad_i4.npy", k.astype("<i4"))
np.save(ROOT / "bad_2d.npy", np.zeros((2, 3), dtype="<f4"))

left = (np.sin(0.2 * np.arange(100)) * 20000).astype("<i2")
right = (-left).astype("<i2")
wavfile.write(ROOT / "stereo_s16.wav", 8000, np.stack([left, right], axis=1))
wavfile.write(ROOT / "mono_f32.wav", 16000, np.linspace(-1, 1, 50).astype("<f4"))
print("wrote", sorted(p.name for p in ROOT.iterdir()))

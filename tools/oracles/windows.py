"""Reference windows from scipy.signal.get_window, for WindowsTest."""
import json
import pathlib

from scipy.signal import get_window

OUT = pathlib.Path(__file__).resolve().parents[2] / "node-library/src/test/resources/oracles/windows.json"

cases = []
for shape in ["boxcar", "hann", "hamming", "blackman", ("kaiser", 8.6)]:
    for n in [1, 2, 7, 64]:
        for periodic in [True, False]:
            w = get_window(shape, n, fftbins=periodic)
            name = shape if isinstance(shape, str) else shape[0]
            cases.append({
                "shape": "rectangular" if name == "boxcar" else name,
                "beta": shape[1] if not isinstance(shape, str) else 0.0,
                "n": n,
                "periodic": periodic,
                "values": [float(v) for v in w],
            })
OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps({"source": "scipy.signal.get_window", "cases": cases}, indent=1) + "\n")
print("wrote", OUT, len(cases), "cases")

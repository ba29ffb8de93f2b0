#!/usr/bin/env python3
"""Draws Weir's icon, weir.png (256x256 RGBA), with the standard library only.

A small graph (one source feeding two nodes) above a weir: a low dam with water flowing over its crest. Shapes are
signed distance fields with one pixel of analytic antialiasing. The PNG is committed; run this again only to change
the icon:  python3 make-icon.py weir.png
"""
import math
import struct
import sys
import zlib

SIZE = 256


def rounded_rect(x, y, x0, y0, x1, y1, r):
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    hx, hy = (x1 - x0) / 2 - r, (y1 - y0) / 2 - r
    qx, qy = abs(x - cx) - hx, abs(y - cy) - hy
    outside = math.hypot(max(qx, 0), max(qy, 0))
    return outside + min(max(qx, qy), 0) - r


def circle(x, y, cx, cy, r):
    return math.hypot(x - cx, y - cy) - r


def polyline(points):
    """Distance to a polyline, as a function of (x, y)."""
    segs = list(zip(points, points[1:]))

    def dist(x, y):
        best = 1e9
        for (ax, ay), (bx, by) in segs:
            dx, dy = bx - ax, by - ay
            t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
            best = min(best, math.hypot(x - ax - t * dx, y - ay - t * dy))
        return best
    return dist


def bezier(p0, p1, p2, p3, n=24):
    pts = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        pts.append((u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
                    u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1]))
    return polyline(pts)


def wave(y0, amplitude, x0=36, x1=220, n=48):
    return polyline([(x0 + (x1 - x0) * i / n, y0 + amplitude * math.sin(i / n * 4 * math.pi)) for i in range(n + 1)])


EDGE_A = bezier((72, 104), (120, 104), (136, 70), (184, 70))
EDGE_B = bezier((72, 104), (120, 104), (136, 138), (184, 138))
WAVE_1 = wave(205, 4)
WAVE_2 = wave(222, 4)


def coverage(d):
    return max(0.0, min(1.0, 0.5 - d))


def over(dst, rgb, alpha):
    r, g, b, a = dst
    out_a = alpha + a * (1 - alpha)
    if out_a == 0:
        return (0, 0, 0, 0)
    mix = [(c * alpha + d * a * (1 - alpha)) / out_a for c, d in zip(rgb, (r, g, b))]
    return (mix[0], mix[1], mix[2], out_a)


def pixel(x, y):
    px = (0.0, 0.0, 0.0, 0.0)
    bg = rounded_rect(x, y, 8, 8, 248, 248, 44)
    t = (y - 8) / 240
    top, bottom = (0.17, 0.42, 0.69), (0.07, 0.22, 0.40)
    px = over(px, tuple(a + (b - a) * t for a, b in zip(top, bottom)), coverage(bg))
    if bg > 1:
        return px
    light = (0.75, 0.89, 0.97)
    for edge in (EDGE_A, EDGE_B):
        px = over(px, light, coverage(edge(x, y) - 5))
    for cx, cy in ((72, 104), (184, 70), (184, 138)):
        px = over(px, (0.96, 0.62, 0.18), coverage(circle(x, y, cx, cy, 21)))
        px = over(px, (1.0, 1.0, 1.0), coverage(circle(x, y, cx, cy, 14)))
    # the weir: a dam whose crest the water runs over
    px = over(px, (0.84, 0.87, 0.90), coverage(rounded_rect(x, y, 36, 172, 220, 192, 6)))
    for w in (WAVE_1, WAVE_2):
        px = over(px, (0.55, 0.82, 0.98), coverage(w(x, y) - 3))
    return px


def png(path):
    rows = []
    for y in range(SIZE):
        row = bytearray([0])
        for x in range(SIZE):
            r, g, b, a = pixel(x + 0.5, y + 0.5)
            row += bytes([round(r * 255), round(g * 255), round(b * 255), round(a * 255)])
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(b"".join(rows), 9)))
        f.write(chunk(b"IEND", b""))


if __name__ == "__main__":
    png(sys.argv[1] if len(sys.argv) > 1 else "weir.png")

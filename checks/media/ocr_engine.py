"""PP-OCR text detection and recognition run directly on onnxruntime, with numpy and Pillow only.

Why not the `rapidocr` wrapper itself: starting it costs about a second before the first picture
can be read (its configuration layer and imports), and its pre/post-processing pulls in OpenCV,
Shapely and pyclipper — OpenCV alone is 170 MB of the frozen app. Text on self-media posts is
upright, so the lighter pipeline below does what the wrapper does for such text: the DB detector's
probability map is thresholded, dilated and split into connected regions; each region's box is
grown by the DB "unclip" distance (area × 1.6 / perimeter — for a rectangle exactly what the
polygon offset yields), cropped, and read by the CTC recogniser in width-sorted batches.
The models, their normalisation and thresholds are PP-OCR's (as configured in rapidocr 3.x);
`rapidocr` is still the package that ships the model files.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

DET_THRESH = 0.3  # pixel probability that counts as text
BOX_THRESH = 0.5  # mean probability a region needs to be a line
UNCLIP_RATIO = 1.6
MIN_SIZE = 3
MAX_CANDIDATES = 1000
REC_HEIGHT = 48
REC_MIN_RATIO = 320 / 48
REC_BATCH = 6
REC_BATCH_SPREAD = 1.5  # a batch's widest crop is at most this much wider than its narrowest
SAME_ROW_PX = 10  # boxes whose tops differ less than this are one row, read left to right


Quad = tuple[tuple[float, float], tuple[float, float], tuple[float, float], tuple[float, float]]


@dataclass(frozen=True)
class Detected:
    """One line found and read, in the input picture's pixels: its corners (top-left, top-right,
    bottom-right, bottom-left; a slanted line's box is slanted) and their axis-aligned bounds."""

    quad: Quad
    text: str
    score: float

    @property
    def box(self) -> tuple[int, int, int, int]:
        xs = [p[0] for p in self.quad]
        ys = [p[1] for p in self.quad]
        return round(min(xs)), round(min(ys)), round(max(xs)), round(max(ys))


class PpOcr:
    """The two ONNX sessions and the recogniser's alphabet, created once per process."""

    def __init__(self, det_model: Path, rec_model: Path, *, threads: int = 1) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        options.enable_cpu_mem_arena = True  # reuse buffers across pictures: measured ~10% less CPU per run
        providers = ["CPUExecutionProvider"]
        self.det = ort.InferenceSession(str(det_model), options, providers=providers)
        self.rec = ort.InferenceSession(str(rec_model), options, providers=providers)
        meta = self.rec.get_modelmeta().custom_metadata_map
        if "character" not in meta:
            raise ValueError(f"{rec_model.name} carries no character list")
        self.alphabet = ["", *meta["character"].splitlines(), " "]  # CTC blank first, space last

    def __call__(self, image: Image.Image, det_side: int) -> list[Detected]:
        """Lines on an RGB picture, top to bottom then left to right."""
        quads = self.detect(image, det_side)
        if not quads:
            return []
        read = self.recognise([_crop(image, quad) for quad in quads])
        return [Detected(quad, text, score) for quad, (text, score) in zip(quads, read, strict=True)]

    # ------------------------------------------------------------------ detection

    def detect(self, image: Image.Image, det_side: int) -> list[Quad]:
        import numpy as np

        w, h = image.size
        ratio = min(1.0, det_side / max(w, h))
        rw, rh = max(32, round(int(w * ratio) / 32) * 32), max(32, round(int(h * ratio) / 32) * 32)
        small = _point_resize(image, (rw, rh)) if (rw, rh) != (w, h) else image
        x = _normalise(np.asarray(small)[:, :, ::-1])  # the models were trained on BGR
        prob = self.det.run(None, {self.det.get_inputs()[0].name: x[None]})[0][0, 0]
        mask = prob > DET_THRESH
        grown = mask.copy()  # PP-OCR's 2×2 dilation: a pixel is set when it or a pixel above/left is
        grown[1:, :] |= mask[:-1, :]
        grown[:, 1:] |= mask[:, :-1]
        grown[1:, 1:] |= mask[:-1, :-1]
        sx, sy = w / rw, h / rh
        quads = []
        for rect in _rectangles(grown)[:MAX_CANDIDATES]:
            if min(rect.width, rect.height) < MIN_SIZE or _mean_inside(prob, rect) < BOX_THRESH:
                continue
            d = rect.width * rect.height * UNCLIP_RATIO / (2 * (rect.width + rect.height))
            if min(rect.width, rect.height) + 2 * d < MIN_SIZE + 2:
                continue
            corners = [
                (min(max(round(px * sx), 0), w - 1), min(max(round(py * sy), 0), h - 1))
                for px, py in rect.grown(d).corners()
            ]
            tl, tr, _, bl = corners
            if math.dist(tl, tr) <= 3 or math.dist(tl, bl) <= 3:
                continue
            quads.append(tuple(corners))
        return _reading_order(quads)  # type: ignore[arg-type]

    # ------------------------------------------------------------------ recognition

    def recognise(self, crops: list[Image.Image]) -> list[tuple[str, float]]:
        import numpy as np

        ratios = [c.width / max(1, c.height) for c in crops]
        order = sorted(range(len(crops)), key=ratios.__getitem__)
        out: list[tuple[str, float]] = [("", 0.0)] * len(crops)
        name = self.rec.get_inputs()[0].name
        for batch in _batches(order, ratios):
            width = int(REC_HEIGHT * max(REC_MIN_RATIO, *(ratios[i] for i in batch)))
            x = np.zeros((len(batch), 3, REC_HEIGHT, width), dtype=np.float32)
            for row, i in enumerate(batch):
                rw = min(width, math.ceil(REC_HEIGHT * ratios[i]))
                line = crops[i].resize((max(1, rw), REC_HEIGHT), Image.Resampling.BILINEAR)
                x[row, :, :, : line.width] = _normalise(np.asarray(line)[:, :, ::-1])
            preds = self.rec.run(None, {name: x})[0]
            for row, i in enumerate(batch):
                out[i] = self._decode(preds[row])
        return out

    def _decode(self, pred: Any) -> tuple[str, float]:
        import numpy as np

        idx = pred.argmax(axis=1)
        prob = pred.max(axis=1)
        keep = np.ones(len(idx), dtype=bool)
        keep[1:] = idx[1:] != idx[:-1]
        keep &= idx != 0
        chars = [self.alphabet[i] if i < len(self.alphabet) else "" for i in idx[keep]]
        score = float(prob[keep].mean()) if keep.any() else 0.0
        return "".join(chars), round(score, 5)


def _batches(order: list[int], ratios: list[float]) -> list[list[int]]:
    """Crops in ascending width order, in batches of up to REC_BATCH whose widths differ by at most
    half: every crop of a batch is padded to its widest, so a short mark batched with a long
    headline would cost as much as the headline."""
    batches: list[list[int]] = []
    for i in order:
        if batches and len(batches[-1]) < REC_BATCH:
            first = max(REC_MIN_RATIO, ratios[batches[-1][0]])
            if max(REC_MIN_RATIO, ratios[i]) <= first * REC_BATCH_SPREAD:
                batches[-1].append(i)
                continue
        batches.append([i])
    return batches


def default_threads(workers: int) -> int:
    """ONNX threads per session: the cores shared out over the reader threads that run at once."""
    return max(1, (os.cpu_count() or 1) // max(1, workers))


def _normalise(rgb_or_bgr: Any) -> Any:
    """HWC uint8 → CHW float32 in [-1, 1] (PP-OCR's mean 0.5, std 0.5)."""
    import numpy as np

    return (rgb_or_bgr.astype(np.float32).transpose(2, 0, 1) * (2 / 255.0)) - 1.0


def _point_resize(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Bilinear resize that samples at the mapped pixel centres without smoothing (as OpenCV's
    INTER_LINEAR does, which the detector was trained with): Pillow's antialiased downscale blurs
    14–16 px characters enough that the detector misses some (measured: 84% vs 88% read)."""
    sx, sy = image.width / size[0], image.height / size[1]
    return image.transform(
        size,
        Image.Transform.AFFINE,
        (sx, 0, 0.5 * sx - 0.5, 0, sy, 0.5 * sy - 0.5),
        resample=Image.Resampling.BILINEAR,
    )


def _crop(image: Image.Image, quad: Quad) -> Image.Image:
    """The line straightened: its (possibly slanted) box mapped onto an upright rectangle."""
    tl, tr, br, bl = quad
    width = max(1, int(max(math.dist(tl, tr), math.dist(bl, br))))
    height = max(1, int(max(math.dist(tl, bl), math.dist(tr, br))))
    crop = image.transform(
        (width, height), Image.Transform.QUAD, (*tl, *bl, *br, *tr), resample=Image.Resampling.BICUBIC
    )
    if crop.height >= 1.5 * crop.width:  # a vertical strip: read it turned, as PP-OCR does
        crop = crop.transpose(Image.Transpose.ROTATE_90)
    return crop


@dataclass(frozen=True)
class Rect:
    """A region's smallest box along its own axes: u runs along the line, v across it (the angle
    is the line's slant, within ±45°); extents measured between the outermost pixel centres."""

    angle: float
    u0: float
    u1: float
    v0: float
    v1: float

    @property
    def width(self) -> float:
        return self.u1 - self.u0

    @property
    def height(self) -> float:
        return self.v1 - self.v0

    def grown(self, d: float) -> Rect:
        return Rect(self.angle, self.u0 - d, self.u1 + d, self.v0 - d, self.v1 + d)

    def corners(self) -> list[tuple[float, float]]:
        """Top-left, top-right, bottom-right, bottom-left in (x, y)."""
        c, s = math.cos(self.angle), math.sin(self.angle)
        return [(u * c - v * s, u * s + v * c) for u, v in
                ((self.u0, self.v0), (self.u1, self.v0), (self.u1, self.v1), (self.u0, self.v1))]  # fmt: skip


def _mean_inside(prob: Any, rect: Rect) -> float:
    """Mean probability of the pixels whose centres lie in the rectangle (DB's box score)."""
    import numpy as np

    h, w = prob.shape
    xs = [p[0] for p in rect.corners()]
    ys = [p[1] for p in rect.corners()]
    x0, x1 = max(0, math.floor(min(xs))), min(w - 1, math.ceil(max(xs)))
    y0, y1 = max(0, math.floor(min(ys))), min(h - 1, math.ceil(max(ys)))
    if x1 < x0 or y1 < y0:
        return 0.0
    gy, gx = np.mgrid[y0 : y1 + 1, x0 : x1 + 1]
    c, s = math.cos(rect.angle), math.sin(rect.angle)
    u = gx * c + gy * s
    v = -gx * s + gy * c
    inside = (u >= rect.u0 - 0.5) & (u <= rect.u1 + 0.5) & (v >= rect.v0 - 0.5) & (v <= rect.v1 + 0.5)
    if not inside.any():
        return 0.0
    return float(prob[y0 : y1 + 1, x0 : x1 + 1][inside].mean())


def _rectangles(mask: Any) -> list[Rect]:
    """Each 8-connected region as a `Rect` along its principal axis (from the pixels' second
    moments), its extents from the runs' end pixels — which include every corner of the region's
    convex hull, so the projections' extremes are exact."""
    import numpy as np

    runs = _label_runs(mask)
    if runs is None:
        return []
    sy, sx, ex, group, count = runs
    n = (ex - sx).astype(np.float64)
    y = sy.astype(np.float64)
    a, b = sx.astype(np.float64), (ex - 1).astype(np.float64)
    sum_x = n * (a + b) / 2
    sum_xx = (b * (b + 1) * (2 * b + 1) - (a - 1) * a * (2 * a - 1)) / 6
    moments = np.zeros((count, 6))
    for k, values in enumerate((n, sum_x, n * y, sum_xx, n * y * y, sum_x * y)):
        np.add.at(moments[:, k], group, values)
    m0, mx, my, mxx, myy, mxy = moments.T
    cx, cy = mx / m0, my / m0
    cov_xx, cov_yy, cov_xy = mxx / m0 - cx * cx, myy / m0 - cy * cy, mxy / m0 - cx * cy
    angle = 0.5 * np.arctan2(2 * cov_xy, cov_xx - cov_yy)
    angle = (angle + np.pi / 4) % (np.pi / 2) - np.pi / 4  # the axis nearest horizontal runs along u
    angle[np.abs(angle) < np.radians(0.5)] = 0.0  # upright text: exactly axis-aligned boxes
    c, s = np.cos(angle)[group], np.sin(angle)[group]
    big = np.inf
    extent = np.stack([np.full(count, big), np.full(count, -big), np.full(count, big), np.full(count, -big)])
    for px in (a, b):
        u = px * c + y * s
        v = -px * s + y * c
        np.minimum.at(extent[0], group, u)
        np.maximum.at(extent[1], group, u)
        np.minimum.at(extent[2], group, v)
        np.maximum.at(extent[3], group, v)
    return [
        Rect(
            float(angle[i]),
            float(extent[0, i]),
            float(extent[1, i]),
            float(extent[2, i]),
            float(extent[3, i]),
        )
        for i in range(count)
    ]


def _regions(mask: Any) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (x0, y0, x1, y1, inclusive) of the 8-connected regions of a boolean mask."""
    import numpy as np

    runs = _label_runs(mask)
    if runs is None:
        return []
    sy, sx, ex, group, count = runs
    h, w = mask.shape
    x0 = np.full(count, w)
    y0 = np.full(count, h)
    x1 = np.full(count, -1)
    y1 = np.full(count, -1)
    np.minimum.at(x0, group, sx)
    np.minimum.at(y0, group, sy)
    np.maximum.at(x1, group, ex - 1)
    np.maximum.at(y1, group, sy)
    return list(zip(x0.tolist(), y0.tolist(), x1.tolist(), y1.tolist(), strict=True))


def _label_runs(mask: Any) -> tuple[Any, Any, Any, Any, int] | None:
    """The mask's horizontal runs (row, start, end exclusive) and the 8-connected region of each.

    Runs are found at once; runs touching in consecutive rows are joined by repeated min-label
    propagation with pointer jumping (a handful of numpy passes for text blobs).
    """
    import numpy as np

    h, w = mask.shape
    padded = np.zeros((h, w + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    edges = np.diff(padded, axis=1)
    sy, sx = np.nonzero(edges == 1)  # run starts (row-major order)
    _, ex = np.nonzero(edges == -1)  # run ends, exclusive
    n = len(sx)
    if n == 0:
        return None
    # Runs in row r and r+1 touch (8-connectivity) when their column spans overlap or meet diagonally:
    # for each run, the touching runs of the next row are one contiguous range [lo, hi).
    row_start = np.searchsorted(sy, np.arange(h + 2))
    nxt0 = row_start[np.minimum(sy + 1, h)]  # the next row's first and end run index, per run
    nxt1 = row_start[np.minimum(sy + 2, h)]
    lo = np.empty(n, dtype=np.int64)
    hi = np.empty(n, dtype=np.int64)
    for r in np.unique(sy):  # one vectorised search per row
        i0, i1 = row_start[r], row_start[r + 1]
        j0, j1 = nxt0[i0], nxt1[i0]
        lo[i0:i1] = j0 + np.searchsorted(ex[j0:j1], sx[i0:i1], side="left")
        hi[i0:i1] = j0 + np.searchsorted(sx[j0:j1], ex[i0:i1], side="right")
    counts = np.maximum(hi - lo, 0)
    total = int(counts.sum())
    a_list, b_list = [], []
    if total:
        a = np.repeat(np.arange(n), counts)
        offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        a_list, b_list = [a], [np.repeat(lo, counts) + offsets]
    label = np.arange(n)
    if a_list:
        a, b = np.concatenate(a_list), np.concatenate(b_list)
        while True:
            m = np.minimum(label[a], label[b])
            before = label.copy()
            np.minimum.at(label, a, m)
            np.minimum.at(label, b, m)
            while True:  # pointer jumping
                nxt = label[label]
                if np.array_equal(nxt, label):
                    break
                label = nxt
            if np.array_equal(label, before):
                break
    roots, group = np.unique(label, return_inverse=True)
    return sy, sx, ex, group, len(roots)


def _reading_order(quads: list[Quad]) -> list[Quad]:
    """Top to bottom by the top-left corner; quads whose tops are within SAME_ROW_PX of the previous
    one share a row, read left to right."""
    by_top = sorted(quads, key=lambda q: q[0][1])
    rows: list[int] = []
    row = 0
    for k, quad in enumerate(by_top):
        if k and quad[0][1] - by_top[k - 1][0][1] >= SAME_ROW_PX:
            row += 1
        rows.append(row)
    ordered = sorted(zip(rows, by_top, strict=True), key=lambda rq: (rq[0], rq[1][0][0]))
    return [q for _, q in ordered]

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
SAME_ROW_PX = 10  # boxes whose tops differ less than this are one row, read left to right


@dataclass(frozen=True)
class Detected:
    """One line found and read: box (x0, y0, x1, y1) in the input picture's pixels."""

    box: tuple[int, int, int, int]
    text: str
    score: float


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
        boxes = self.detect(image, det_side)
        if not boxes:
            return []
        read = self.recognise([_crop(image, box) for box in boxes])
        return [Detected(box, text, score) for box, (text, score) in zip(boxes, read, strict=True)]

    # ------------------------------------------------------------------ detection

    def detect(self, image: Image.Image, det_side: int) -> list[tuple[int, int, int, int]]:
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
        boxes = []
        for x0, y0, x1, y1 in _regions(grown)[:MAX_CANDIDATES]:
            bw, bh = x1 - x0, y1 - y0  # contour extents (through pixel centres)
            if min(bw, bh) < MIN_SIZE:
                continue
            if float(prob[y0 : y1 + 1, x0 : x1 + 1].mean()) < BOX_THRESH:
                continue
            d = bw * bh * UNCLIP_RATIO / (2 * (bw + bh))
            if min(bw, bh) + 2 * d < MIN_SIZE + 2:
                continue
            sx, sy = w / rw, h / rh
            box = (
                int(min(max(round((x0 - d) * sx), 0), w - 1)),
                int(min(max(round((y0 - d) * sy), 0), h - 1)),
                int(min(max(round((x1 + d) * sx), 0), w - 1)),
                int(min(max(round((y1 + d) * sy), 0), h - 1)),
            )
            if box[2] - box[0] <= 3 or box[3] - box[1] <= 3:
                continue
            boxes.append(box)
        return _reading_order(boxes)

    # ------------------------------------------------------------------ recognition

    def recognise(self, crops: list[Image.Image]) -> list[tuple[str, float]]:
        import numpy as np

        ratios = [c.width / max(1, c.height) for c in crops]
        order = sorted(range(len(crops)), key=ratios.__getitem__)
        out: list[tuple[str, float]] = [("", 0.0)] * len(crops)
        name = self.rec.get_inputs()[0].name
        for start in range(0, len(order), REC_BATCH):
            batch = order[start : start + REC_BATCH]
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


def _crop(image: Image.Image, box: tuple[int, int, int, int]) -> Image.Image:
    crop = image.crop(box)
    if crop.height >= 1.5 * crop.width:  # a vertical strip: read it turned, as PP-OCR does
        crop = crop.transpose(Image.Transpose.ROTATE_90)
    return crop


def _regions(mask: Any) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (x0, y0, x1, y1, inclusive) of the 8-connected regions of a boolean mask.

    Horizontal runs are labelled at once; runs touching in consecutive rows are joined by
    repeated min-label propagation with pointer jumping (a handful of numpy passes for text blobs).
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
        return []
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
    count = len(roots)
    x0 = np.full(count, w)
    y0 = np.full(count, h)
    x1 = np.full(count, -1)
    y1 = np.full(count, -1)
    np.minimum.at(x0, group, sx)
    np.minimum.at(y0, group, sy)
    np.maximum.at(x1, group, ex - 1)
    np.maximum.at(y1, group, sy)
    return list(zip(x0.tolist(), y0.tolist(), x1.tolist(), y1.tolist(), strict=True))


def _reading_order(boxes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Top to bottom; boxes whose tops are within SAME_ROW_PX of the previous one share a row."""
    by_top = sorted(boxes, key=lambda b: b[1])
    rows: list[int] = []
    row = 0
    for k, box in enumerate(by_top):
        if k and box[1] - by_top[k - 1][1] >= SAME_ROW_PX:
            row += 1
        rows.append(row)
    return [b for _, b in sorted(zip(rows, by_top, strict=True), key=lambda rb: (rb[0], rb[1][0]))]

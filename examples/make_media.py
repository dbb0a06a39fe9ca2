"""Regenerate the example draft's media (made here with Pillow, not copied from anywhere).

IMG_0412.jpg: a "phone photo" with EXIF capture time and GPS at 断桥, West Lake, Hangzhou.
ai_teahouse.png: an illustration carrying Stable Diffusion (A1111) generation parameters.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, PngImagePlugin

HERE = Path(__file__).resolve().parent / "media"


def dms(value: float) -> tuple[float, float, float]:
    deg = int(value)
    minutes = int((value - deg) * 60)
    return (float(deg), float(minutes), round((value - deg - minutes / 60) * 3600, 2))


def scene(size: tuple[int, int], sky: tuple[int, int, int], ground: tuple[int, int, int]) -> Image.Image:
    img = Image.new("RGB", size, sky)
    d = ImageDraw.Draw(img)
    w, h = size
    d.rectangle((0, h * 2 // 3, w, h), fill=ground)
    for i in range(12):  # a queue of people
        x = 60 + i * (w - 120) // 12
        d.ellipse((x, h * 2 // 3 - 60, x + 24, h * 2 // 3 - 36), fill=(60, 40, 30))
        d.rectangle((x + 4, h * 2 // 3 - 36, x + 20, h * 2 // 3), fill=(30 + i * 15, 60, 120))
    return img


def main() -> None:
    HERE.mkdir(exist_ok=True)
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0131] = "Apple", "iPhone 15", "18.1"
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = sub[0x9004] = "2026:11:21 15:42:10"
    sub[0x9011] = "+08:00"
    gps = exif.get_ifd(0x8825)
    gps[0] = b"\x02\x02\x00\x00"
    gps[1], gps[2] = "N", dms(30.2617)
    gps[3], gps[4] = "E", dms(120.1515)
    scene((1200, 900), (180, 200, 220), (90, 110, 90)).save(HERE / "IMG_0412.jpg", exif=exif, quality=85)

    info = PngImagePlugin.PngInfo()
    info.add_text(
        "parameters",
        "a cosy tea house by a lake at dusk, watercolor\nNegative prompt: blurry\n"
        "Steps: 25, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 20261121, Size: 768x512, Model: sdxl",
    )
    scene((768, 512), (250, 200, 150), (70, 90, 120)).save(HERE / "ai_teahouse.png", pnginfo=info)


if __name__ == "__main__":
    main()

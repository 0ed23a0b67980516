"""Kho dữ liệu rác — a fixed-seed generator of hostile inputs for the parser sweeps.

Deterministic (``random.Random(seed)``): the same seed gives the same strings on every
machine, so a failure names its input by index. The pieces are what broke parsers
before: control characters and odd line breaks, NFD Vietnamese, long digit runs,
nested and unclosed brackets, scale words repeated, near-dates and near-references.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator

_PIECES = (
    "0",
    "1",
    "9",
    "05",
    "12.418",
    "1.5",
    "1,5",
    "18,46",
    "1.234.567",
    "-",
    "−",
    "+",
    "%",
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\u2028",
    "\u2029",
    "\x85",
    "\x00",
    "\x1b",
    "\u200b",
    "\u00a0",
    "\u202f",
    "\ufeff",
    "/",
    "//",
    ".",
    ",",
    ";",
    ":",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "tỷ",
    "tỉ",
    "triệu",
    "nghìn",
    "ngàn",
    "đồng",
    "đ",
    "VNĐ",
    "₫",
    "ngày",
    "tháng",
    "năm",
    "quý",
    "Quý II",
    "6 tháng",
    "năm 2024",
    "15/01/2024",
    "31/02/2025",
    "2025-02-09",
    "QĐ-UBND",
    "NĐ-CP",
    "CT/TU",
    "TTLT/BTC-BKHCN",
    "216-CP",
    "số",
    "Quyết định",
    "Ð",
    "trong đó",
    "bao gồm",
    "gồm",
    "đạt",
    "loại bỏ",
    "và",
    "tăng",
    "so với cùng kỳ",
    "Nghiệm thu",
    "nhiệm vụ",
    "PTĐ",
    "hồ sơ",
    "x",
    "é",
    "😀",
    "\udcff",
)


def junk(count: int, *, seed: int = 17) -> Iterator[str]:
    """``count`` hostile strings, the same for the same ``seed``."""
    rng = random.Random(seed)
    for i in range(count):
        shape = i % 8
        if shape == 0:  # a long digit run, maybe grouped, maybe with a scale word
            text = rng.choice(("", "-", "1.")) + "9" * rng.choice((40, 500, 4001, 5000))
            text += rng.choice(("", " tỷ", ",5", "%", "/QĐ-UBND"))
        elif shape == 1:  # nested or unclosed brackets around a figure
            depth = rng.randint(1, 300)
            text = "(" * depth + "12 nhiệm vụ" + ")" * rng.randint(0, depth)
        elif shape == 2:  # control characters and line breaks between pieces
            text = "".join(rng.choice(_PIECES) + chr(rng.randint(0, 0x1F)) for _ in range(6))
        elif shape == 3:  # long runs of spaces
            text = rng.choice(_PIECES) + " " * rng.choice((100, 3000)) + rng.choice(_PIECES)
        else:  # a short sentence of pieces, NFD half of the time
            text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 12)))
        if rng.random() < 0.5:
            text = unicodedata.normalize("NFD", text)
        yield text

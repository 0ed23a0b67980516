"""Ảnh chụp kết quả soát — the audit's findings on a fixed set of inputs, to prove that a
change to the scanner's hot path leaves every finding as it was.

Inputs: the strings the audit tests pass to ``audit_text`` (captured once into
``audit_inputs.json``), every real-text passage and each of its single-changed-figure
variants, the benchmark paragraph, 3.000 strings of the fixed-seed junk corpus and 600
fixed-seed concatenations of the above (claims across sentences and lines). The digest
of each input's findings is stored in ``audit_snapshot.json``.

Regenerate (only when a change of findings is intended and reviewed):
``python tests/reporting/audit_snapshot.py``
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
INPUTS = HERE / "audit_inputs.json"
SNAPSHOT = HERE / "audit_snapshot.json"


def _load(name: str, path: Path) -> object:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    sys.path.insert(0, str(path.parent))  # a benchmark script imports its siblings
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module


def cases() -> Iterator[str]:
    """Every input of the snapshot, in a fixed order."""
    captured: list[str] = json.loads(INPUTS.read_text(encoding="utf-8"))
    real = _load("_snapshot_real_text", HERE / "real_text.py")
    junk_module = _load("_snapshot_junk", HERE.parent / "property" / "junk_corpus.py")
    bench = _load("_snapshot_bench", HERE.parents[1] / "benchmarks" / "bench_audit.py")
    texts = list(captured)
    for p in real.ALL_PASSAGES:  # type: ignore[attr-defined]
        texts.append(p.text)
        for claim in p.claims:
            for figure in real._figures(claim):  # type: ignore[attr-defined]
                texts.append(
                    real._figure_at(figure).sub(real._bumped(figure), p.text, count=1)  # type: ignore[attr-defined]
                )
    texts.append(bench.PARAGRAPH * 3)  # type: ignore[attr-defined]
    yield from texts
    yield from junk_module.junk(3_000, seed=29)  # type: ignore[attr-defined]
    rng = random.Random(41)
    for _ in range(600):
        glue = rng.choice((" ", ". ", "\n", "; ", ": ", " trong đó ", "\r\n"))
        yield glue.join(rng.choice(texts) for _ in range(rng.randint(2, 4)))


def describe(text: str) -> str:
    """A digest of every field of every finding of ``text``."""
    from vn_skt.reporting import audit_text

    rows = [
        [
            f.ok,
            f.kind.value,
            list(f.span),
            str(f.stated),
            str(f.computed),
            f.message,
            f.reason.value,
            [str(x) for x in f.figures],
            list(f.sentence),
            f.certainty.value,
        ]
        for f in audit_text(text)
    ]
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()[:20]


def key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def main() -> None:
    snapshot = {key(text): describe(text) for text in cases()}
    SNAPSHOT.write_text(json.dumps(snapshot, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(snapshot)} inputs -> {SNAPSHOT}")


if __name__ == "__main__":
    main()

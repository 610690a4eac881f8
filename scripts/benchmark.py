#!/usr/bin/env python3
"""Measure pressparse on real files: speed, per-stage cost, memory, start-up.

    python scripts/benchmark.py [--scale ../shared/corpus/scale] [--dev ../shared/corpus/dev]
                                [--limit N] [--pipeline FILE] [--json OUT]

Reports, on this machine: documents and words per second of the text path over
the scale corpus (one process, one core), milliseconds per 1,000 words of each
stage and spaCy component, records per second loaded into SQLite, whole
`pressparse extract` runs with 1 and 2 workers
(speed-up, peak memory per process), pages per second on the dev PDFs for the
whole run and for the bare PDF reader, and the cold start-up time of
`pressparse extract` on one file. Not part of the test run.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pressparse.config import load_settings  # noqa: E402
from pressparse.output import dumps  # noqa: E402
from pressparse.pipeline import Pipeline  # noqa: E402
from pressparse.record import Record  # noqa: E402


def startup_seconds(sample: Path, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pressparse.cli", "extract", str(sample), "-o",
                        "/dev/null"], check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


def text_path(pipeline: Pipeline, files: list[Path], keep: list[str]) -> dict:
    words = errors = 0
    start = time.perf_counter()
    for path in files:
        result = pipeline.process(path)
        if isinstance(result, Record):
            words += len(result.text.split())
            keep.append(dumps(result))
        else:
            errors += 1
    seconds = time.perf_counter() - start
    per_kw = {stage: round(1000 * secs / max(words, 1) * 1000, 3)
              for stage, secs in sorted((pipeline.timings or {}).items())}
    return {"documents": len(files), "errors": errors, "words": words,
            "seconds": round(seconds, 2), "docs_per_second": round(len(files) / seconds, 1),
            "words_per_second": round(words / seconds), "ms_per_1000_words": per_kw}


def database_load(lines: list[str]) -> dict:
    """Records per second into a fresh SQLite file, and again (all unchanged)."""
    import tempfile

    from pressparse.db import Database

    with tempfile.TemporaryDirectory() as tmp, Database.open(f"{tmp}/bench.sqlite") as db:
        first = db.load(lines)
        again = db.load(lines)
    return {"records": len(lines),
            "records_per_second": round(first.records / first.seconds),
            "unchanged_records_per_second": round(again.records / again.seconds)}


def workers_speedup(files_dir: Path, limit: int, pipeline_file: str | None) -> dict:
    """Whole `pressparse extract` runs with 1 and 2 workers on the same documents."""
    import shutil
    import tempfile

    work = Path(tempfile.mkdtemp(prefix="pressparse-bench-"))
    try:
        docs = work / "docs"
        docs.mkdir()
        for path in sorted(files_dir.glob("*.txt"))[: limit or None]:
            shutil.copy(path, docs / path.name)
        results = {}
        for workers in (1, 2):
            cmd = [sys.executable, "-m", "pressparse.cli", "extract", str(docs), "-o",
                   str(work / f"out{workers}.jsonl"), "-q", "-w", str(workers)]
            if pipeline_file:
                cmd += ["--pipeline", pipeline_file]
            start = time.perf_counter()
            subprocess.run(cmd, check=False, capture_output=True)
            results[workers] = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        return {"documents": len(list(docs.iterdir())), "seconds_1_worker": round(results[1], 2),
                "seconds_2_workers": round(results[2], 2),
                "speedup_2_over_1": round(results[1] / results[2], 2),
                "peak_rss_mb_per_process": round(peak)}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def bare_pdf_seconds(files: list[Path], reader: str) -> tuple[float, int]:
    pages = 0
    start = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        if reader == "pdfium":
            import pypdfium2 as pdfium

            pdf = pdfium.PdfDocument(data)
            for page in pdf:
                page.get_textpage().get_text_range()
                pages += 1
            pdf.close()
        else:
            import pdfplumber

            with pdfplumber.open(io.BytesIO(data)) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    pages += 1
    return time.perf_counter() - start, pages


def run_seconds(pipeline: Pipeline, files: list[Path]) -> tuple[float, int]:
    pages = 0
    start = time.perf_counter()
    for path in files:
        result = pipeline.process(path)
        if isinstance(result, Record):
            pages += result.source.pages or 0
    return time.perf_counter() - start, pages


def pdf_path(settings_file: str | None, files: list[Path], reader: str,
             texts: list[Path]) -> dict:
    """The whole run on PDFs against the bare reader, and against reader plus text path.

    The second ratio isolates what the PDF path itself adds (layout, furniture,
    page map): a fast reader leaves the text path as most of the work.
    """
    settings = load_settings(settings_file)
    settings.load.pdf_reader = reader  # type: ignore[assignment]
    pipeline = Pipeline(settings)
    whole, pages = run_seconds(pipeline, files)
    bare, bare_pages = bare_pdf_seconds(files, reader)
    text, _ = run_seconds(pipeline, texts)
    return {"reader": reader, "documents": len(files), "pages": pages,
            "pages_per_second": round(pages / whole, 1),
            "bare_reader_pages_per_second": round(bare_pages / bare, 1),
            "ratio_whole_to_bare": round(whole / bare, 2),
            "ratio_whole_to_bare_plus_text_path": round(whole / (bare + text), 2),
            "whole_seconds": round(whole, 2), "bare_seconds": round(bare, 2),
            "text_path_seconds": round(text, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=Path, default=ROOT.parent / "shared/corpus/scale")
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared/corpus/dev")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N scale files")
    parser.add_argument("--pipeline", default=None, help="pipeline file (default pipeline)")
    parser.add_argument("--readers", default="pdfplumber,pdfium")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()

    results: dict = {}
    start = time.perf_counter()
    pipeline = Pipeline(load_settings(args.pipeline), profile=True)
    results["pipeline_build_seconds"] = round(time.perf_counter() - start, 2)
    results["ner"] = pipeline.info.ner
    results["startup_seconds"] = round(startup_seconds(ROOT / "samples" /
                                                       "bw-seed-2019-03-31.txt"), 2)
    scale = sorted(args.scale.glob("*.txt"))
    if args.limit:
        scale = scale[: args.limit]
    if scale:
        lines: list[str] = []
        results["text"] = text_path(pipeline, scale, lines)
        results["sqlite_load"] = database_load(lines)
    if scale:
        results["workers"] = workers_speedup(args.scale, args.limit, args.pipeline)
    pdfs = sorted((args.dev / "pdf").glob("*.pdf"))
    if pdfs:
        results["pdf"] = []
        texts = [args.dev / f"{pdf.stem}.txt" for pdf in pdfs]
        texts = [path for path in texts if path.exists()]
        for reader in args.readers.split(","):
            try:
                results["pdf"].append(pdf_path(args.pipeline, pdfs, reader, texts))
            except ImportError as exc:
                results["pdf"].append({"reader": reader, "skipped": str(exc)})
        measured = {run["reader"]: run for run in results["pdf"] if "bare_seconds" in run}
        if {"pdfium", "pdfplumber"} <= measured.keys():
            results["pdfium_whole_to_pdfplumber_bare"] = round(
                measured["pdfium"]["whole_seconds"] / measured["pdfplumber"]["bare_seconds"], 2)
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    text = json.dumps(results, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

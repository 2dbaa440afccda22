#!/usr/bin/env python3
"""Benchmarks that print numbers (never assertions): how long the archive's steps take on this machine.

Usage: python scripts/bench.py [normalize]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

from archive.files import plan

ROOT = Path(__file__).resolve().parent.parent


def bench_normalize(raw: Path, repeat: int = 20) -> None:
    """Plan every page of raw/ (read, decode, parse, render: all but the final write) `repeat` times."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = plan(raw, ROOT / "docs")
        times.append(time.perf_counter() - start)
    assert not result.problems, result.problems
    print(f"normalize {len(result.pages)} seed texts: median {statistics.median(times) * 1000:.1f} ms, "
          f"min {min(times) * 1000:.1f} ms over {repeat} runs")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", nargs="*", help="which benchmarks: normalize (default: all)")
    args = parser.parse_args(argv)
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
          f"{len(__import__('os').sched_getaffinity(0))} cores")
    if not args.what or "normalize" in args.what:
        bench_normalize(ROOT / "raw")
    return 0


if __name__ == "__main__":
    sys.exit(main())

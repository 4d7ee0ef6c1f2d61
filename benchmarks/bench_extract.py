"""Speed and memory of `tuijin extract` against one jieba.lcut pass.

    .venv/bin/python benchmarks/bench_extract.py [--mb 4] [--junk-mb 20] [--check] [--source]

Builds two ~4 MB plain texts from the corpus documents (../shared/corpus, read at run time; the
engine's own test snippets when that folder is absent): "repeated" (the documents over and over)
and "varied" (paragraphs reshuffled and numbers rewritten in every copy, so nothing repeats).
For each, interleaved over --runs runs, it times
  (a) a fresh `tuijin extract FILE --out TMPDIR` process (the console script installed beside
      this Python; `python -m tuijin.ingest` if there is none), start to finish, and
  (b) one `jieba.lcut` over the same text, with and without jieba's dictionary load,
prints the medians and the ratio, and runs a 20 MB junk text reporting the child's peak memory.
The engine runs as `make install` left it: compiled by mypyc when that build is current (the
first line says which), or from its source with --source (TUIJIN_ENGINE=python).
With --check the exit code is 1 when, on either text, extraction is less than 5x faster than
jieba (dictionary load excluded, the stricter figure).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

_JIEBA = """
import sys, time
t0 = time.perf_counter()
import jieba
jieba.setLogLevel(60)
jieba.initialize()
t1 = time.perf_counter()
text = open(sys.argv[1], encoding="utf-8").read()
t2 = time.perf_counter()
jieba.lcut(text)
t3 = time.perf_counter()
print(f"{t1 - t0:.3f} {t3 - t2:.3f}")
"""


def seed_text() -> str:
    docs = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    if docs:
        return "\n".join(p.read_text(encoding="utf-8") for p in docs)
    sys.path.insert(0, str(ROOT))
    from tuijin.ingest.tests.test_pipeline import PLAN

    return PLAN


def build(mb: float) -> str:
    seed = seed_text()
    target = int(mb * 1024 * 1024)
    reps = max(1, target // len(seed.encode("utf-8")) + 1)
    return (seed + "\n") * reps


_NUMBER = re.compile(r"\d+")


def build_varied(mb: float, seed: int = 7) -> str:
    """A text of the same genre in which no copy repeats another.

    Each copy takes the seed documents' paragraphs in a fresh random order and rewrites every
    number that is not a year (19xx/20xx) with random digits of the same length, so no sentence
    with a figure, and no ordering of paragraphs, comes round twice. This keeps any per-sentence
    shortcut from flattering the figure.
    """
    rng = random.Random(seed)
    paragraphs = [p for p in seed_text().split("\n") if p.strip()]
    target = int(mb * 1024 * 1024)
    out: list[str] = []
    size = 0

    def renumber(m: re.Match[str]) -> str:
        digits = m.group()
        if len(digits) == 4 and digits.startswith(("19", "20")):
            return digits
        first = str(rng.randint(1, 9)) if digits[0] != "0" else "0"
        return first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])

    while size < target:
        order = paragraphs[:]
        rng.shuffle(order)
        for para in order:
            line = _NUMBER.sub(renumber, para) + "\n"
            out.append(line)
            size += len(line.encode("utf-8"))
            if size >= target:
                break
    return "".join(out)


def junk(mb: float) -> str:
    rng = random.Random(1)
    alphabet = (
        "一二三四五六七八九十、。，；：（）()〔〕\n 0123456789号年月日"
        "责任单位牵头负责市局委亿元万吨%项目工程"
    )
    block = "".join(rng.choice(alphabet) for _ in range(100_000))
    reps = int(mb * 1024 * 1024 / len(block.encode("utf-8"))) + 1
    return block * reps


_WRAP = """
import resource, subprocess, sys, time
t0 = time.perf_counter()
rc = subprocess.run(sys.argv[1:], capture_output=True).returncode
wall = time.perf_counter() - t0
print(rc, wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def engine_build() -> str:
    """Which build of the engine `tuijin extract` runs here: compiled or python."""
    code = "from tuijin.ingest import compiled; print(compiled.build())"
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return proc.stdout.strip()


def extract_command() -> list[str]:
    """The installed `tuijin extract` program; `python -m tuijin.ingest` where it is missing."""
    script = Path(sys.executable).parent / "tuijin"
    if script.is_file():
        return [str(script), "extract"]
    return [sys.executable, "-m", "tuijin.ingest"]


def run_extract(path: Path, out: Path, serial: bool = False) -> tuple[float, float]:
    """Wall time and peak RSS (MB, getrusage of the child) of one fresh CLI run."""
    cmd = [*extract_command(), str(path), "--out", str(out)]
    cmd += ["--serial"] if serial else []
    proc = subprocess.run(
        [sys.executable, "-c", _WRAP, *cmd], cwd=ROOT, capture_output=True, text=True, check=True
    )
    rc, wall, rss = proc.stdout.split()
    if rc != "0":
        print(f"extraction exited with {rc}", file=sys.stderr)
    return float(wall), int(rss) / 1024


def run_jieba(path: Path) -> tuple[float, float]:
    proc = subprocess.run(
        [sys.executable, "-c", _JIEBA, str(path)], capture_output=True, text=True, check=True
    )
    load, cut = (float(x) for x in proc.stdout.split())
    return load, cut


def measure(label: str, text: str, tmpdir: Path, runs: int, serial: bool) -> float:
    """Time extraction and jieba `runs` times each, interleaved; return the median ratio."""
    path = tmpdir / f"{label}.txt"
    path.write_text(text, encoding="utf-8")
    size = path.stat().st_size / 1024 / 1024
    ratios: list[float] = []
    walls: list[float] = []
    cuts: list[float] = []
    peak = load = 0.0
    for _ in range(runs):
        wall, peak = run_extract(path, tmpdir / "out", serial)
        load, cut = run_jieba(path)
        walls.append(wall)
        cuts.append(cut)
        ratios.append(cut / wall)
    wall, cut, ratio = (statistics.median(x) for x in (walls, cuts, ratios))
    mode = "tuijin extract --serial" if serial else "tuijin extract"
    print(f"[{label}] text: {size:.2f} MB, {mode}, {runs} interleaved runs, medians:")
    print(f"  extract (fresh subprocess, start to finish): {wall:.2f} s", end="")
    print(f"  ({size / wall:.2f} MB/s), peak {peak:.0f} MB")
    print(f"  jieba.lcut: {cut:.2f} s without dictionary load, {cut + load:.2f} s with it")
    print(f"  ratio jieba/extract: {ratio:.2f}x (dictionary excluded), ", end="")
    print(f"{(cut + load) / wall:.2f}x (included); per run: ", end="")
    print(", ".join(f"{r:.2f}" for r in ratios))
    return ratio


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--mb", type=float, default=4.0, help="size of the plan text (MB)")
    ap.add_argument("--junk-mb", type=float, default=20.0, help="size of the junk text (MB)")
    ap.add_argument("--runs", type=int, default=3, help="interleaved runs per text (median)")
    ap.add_argument("--serial", action="store_true", help="extract on one core (--serial)")
    ap.add_argument("--check", action="store_true", help="exit 1 when a ratio is below 5")
    ap.add_argument("--source", action="store_true", help="run the engine from its source")
    args = ap.parse_args(argv)
    if args.source:
        os.environ["TUIJIN_ENGINE"] = "python"
    # Byte-compile the engine as an installed package would be, so that no run pays for it.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "tuijin")], check=True)
    engine = engine_build()
    print(f"engine: {'compiled by mypyc' if engine == 'compiled' else 'Python source'}", end="")
    print(f"; command: {' '.join(Path(c).name for c in extract_command())}")
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        ratios = [
            measure("repeated", build(args.mb), tmpdir, args.runs, args.serial),
            measure("varied", build_varied(args.mb), tmpdir, args.runs, args.serial),
        ]
        if args.junk_mb > 0:
            junk_path = tmpdir / "junk.txt"
            junk_path.write_text(junk(args.junk_mb), encoding="utf-8")
            jsize = junk_path.stat().st_size / 1024 / 1024
            jwall, jpeak = run_extract(junk_path, tmpdir / "out")
            print(f"junk: {jsize:.1f} MB in {jwall:.2f} s, child peak RSS {jpeak:.0f} MB")
    if args.check and min(ratios) < 5:
        print("FAIL: extraction is less than 5x faster than jieba", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`tuijin extract FILE... --out DIR`: one JSON file per document, in the SCHEMA.md shape.

Files are processed one at a time and nothing is kept, so memory follows the largest document.
A file that cannot be read is reported as `name: [I00x] message` and the batch goes on; the exit
code is 1 when any file failed. The rule modules load on first use; importing this one costs
the package's checks of the compiled build and the regex cache (about 12 ms).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import is_dataclass
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

import orjson

_PROGRESS_MIN = 5  # show a progress bar for batches at least this long (on a terminal)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tuijin extract",
        description="从规划文件中提取标题、文号、标题层级、责任分工、指标和项目，输出 JSON。",
        epilog="示例：tuijin extract 方案.docx 通知.txt --out out/   （--out - 输出到标准输出）",
    )
    parser.add_argument(
        "files", nargs="+", type=Path, help="要提取的文件（.txt .docx .pdf .html .xlsx）"
    )
    parser.add_argument(
        "--out", required=True, help="输出目录，每个文件写成 <文件名>.json；- 表示标准输出"
    )
    parser.add_argument("--text", action="store_true", help="在 JSON 中附带全文（text 字段）")
    parser.add_argument(
        "--serial",
        action="store_true",
        help="只用一个进程（默认对长文档另开一个子进程并行提取项目）",
    )
    return parser


def _progress(files: Sequence[Path]) -> Iterable[Path]:
    if len(files) < _PROGRESS_MIN or not sys.stderr.isatty():
        return files
    from tqdm import tqdm

    bar: Iterable[Path] = tqdm(files, file=sys.stderr, unit="file")
    return bar


_COMPACT_ITEMS = 2_000  # past this many items a file is written compact (see write_json)
_BATCH = 1_000  # items encoded per call, so that a long result is never held twice


def _tuple_as_list(value: object) -> list[Any]:
    """orjson's fallback: a Span (a named tuple) is written as [start, end]."""
    if isinstance(value, tuple):
        return list(value)
    raise TypeError(f"{type(value).__name__} 无法写成 JSON")


def _dumps(value: Any) -> bytes:
    return orjson.dumps(value, default=_tuple_as_list, option=orjson.OPT_NON_STR_KEYS)


def write_json(data: dict[str, Any], fh: BinaryIO) -> None:
    """One top-level key a line and one list item a line: readable and diffable.

    `data` is `Extraction.to_json(shallow=True, items=False)`: its facets hold the result's own
    item objects, which orjson writes directly (dataclasses included), a batch at a time; the
    standard json module spent longer on a multi-megabyte result than some stages did. A result
    of more items than anyone reads by eye is written compact, a batch per call. UTF-8 bytes.
    """
    compact = sum(len(v) for v in data.values() if isinstance(v, list)) > _COMPACT_ITEMS
    item_sep = b"," if compact else b",\n  "
    fh.write(b"{" if compact else b"{\n")
    for n, (key, value) in enumerate(data.items()):
        if n:
            fh.write(b"," if compact else b",\n")
        fh.write(_dumps(key) + b": ")
        if not (isinstance(value, list) and value and is_dataclass(value[0])):
            fh.write(_dumps(value))
            continue
        fh.write(b"[" if compact else b"[\n  ")
        for k in range(0, len(value), _BATCH):
            if k:
                fh.write(item_sep)
            batch = value[k : k + _BATCH]
            if compact:
                fh.write(_dumps(batch)[1:-1])
            else:
                fh.write(item_sep.join([_dumps(v) for v in batch]))
        fh.write(b"]" if compact else b"\n]")
    fh.write(b"}\n" if compact else b"\n}\n")


def main(argv: list[str] | None = None) -> int:
    """Run the command and return its exit status."""
    return _run(argv)[0]


def _run(argv: list[str] | None) -> tuple[int, object]:
    """Run the command; return its exit status and the last document's result, which a caller
    that ends the process at once (os._exit) keeps, so the system reclaims it in one go."""
    args_in = list(sys.argv[1:] if argv is None else argv)
    if args_in[:1] == ["extract"]:
        args_in = args_in[1:]
    args = build_parser().parse_args(args_in)
    to_stdout = args.out == "-"
    out_dir = Path(args.out)
    if not to_stdout:
        out_dir.mkdir(parents=True, exist_ok=True)
    files: list[Path] = list(args.files)
    # A batch builds large results with no reference cycles worth collecting: the cycle
    # collector would only walk them over and over. Each result is freed as soon as it is
    # written, and one collection before the next file clears anything left. An in-process
    # caller gets the collector back as it was.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _extract_files(files, args, to_stdout, out_dir)
    finally:
        if collecting:
            gc.enable()


def _extract_files(
    files: list[Path], args: argparse.Namespace, to_stdout: bool, out_dir: Path
) -> tuple[int, object]:
    from .errors import ExtractionError
    from .pipeline import extract_file

    failed = 0
    last: object = None
    for n, path in enumerate(_progress(files)):
        if n:
            gc.collect()
        try:
            result = extract_file(path, parallel=not args.serial)
        except ExtractionError as exc:
            print(f"{path.name}: [{exc.code}] {exc.message}", file=sys.stderr)
            failed += 1
            continue
        except Exception as exc:  # never stop a batch on one document
            print(f"{path.name}: [I004] 处理失败：{type(exc).__name__}", file=sys.stderr)
            failed += 1
            continue
        data = result.to_json(include_text=args.text, shallow=True, items=False)
        del result
        if to_stdout:
            try:
                sys.stdout.flush()
                write_json(data, sys.stdout.buffer)
                sys.stdout.buffer.flush()
            except BrokenPipeError:  # the reader stopped (… | head): nothing more to write
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                return 1, data
        else:
            with (out_dir / f"{path.stem}.json").open("wb") as fh:
                write_json(data, fh)
        last = data if n == len(files) - 1 else None
        del data
    return (1 if failed else 0), last


def run_and_exit(argv: list[str] | None = None) -> NoReturn:
    """Run as the program (`python -m tuijin.ingest`, `tuijin extract`) and end the process.

    Every output file is closed by then. The process leaves without the interpreter's teardown,
    which would walk and free, object by object, the heap of a long document that the system
    frees at once.
    """
    code, _kept = _run(argv)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run_and_exit()

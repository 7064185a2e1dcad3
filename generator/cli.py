"""Command line: check, build, new, schema. Prints problems, never a traceback."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import build, checker
from .problems import ContentError, format_all

DEFAULT_CONTENT = Path("content")
DEFAULT_OUT = Path("docs")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate every record and print every problem")
    check.add_argument("--content", type=Path, default=DEFAULT_CONTENT, help="content folder (default: content)")
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="text: file:line:col lines; github: annotations for GitHub Actions",
    )
    build = sub.add_parser("build", help="check the records, then write the Markdown pages")
    build.add_argument("--content", type=Path, default=DEFAULT_CONTENT, help="content folder (default: content)")
    build.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder for generated pages (default: docs)")
    build.add_argument("--format", choices=("text", "github"), default="text", help="how to print problems")
    build.add_argument("--site-url", default="", help="published address, for absolute links in the feed")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            catalog = checker.check(args.content)
            counts = ", ".join(f"{len(catalog.table(k))} {k}" for k in ("operations", "agencies", "sources", "countries"))
            print(f"All records are valid: {counts}.")
            return 0
        if args.command == "build":
            result = build.build(args.content, args.out, site_url=args.site_url)
            r = result.report
            steps = ", ".join(f"{k} {v:.2f}s" for k, v in result.timings.items())
            print(
                f"Wrote {len(r.written)} file(s), {r.unchanged} unchanged, {len(r.removed)} removed "
                f"({result.pages} pages) in {args.out}. {steps}."
            )
            return 0
    except ContentError as exc:
        print(format_all(exc.problems, getattr(args, "format", "text")), file=sys.stdout)
        return 1
    except KeyboardInterrupt:
        print("interrupted; nothing was changed", file=sys.stderr)
        return 130
    except Exception as exc:
        print(f"internal error: {type(exc).__name__}: {exc}. Please report it with the command you ran.", file=sys.stderr)
        return 3
    return 2

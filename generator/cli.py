"""Command line: check, build, new, schema. Prints problems, never a traceback."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from . import build
from .lock import DEFAULT_TIMEOUT
from .problems import ContentError, UsageError, format_all
from .textcheck import printable

DEFAULT_CONTENT = Path("content")
DEFAULT_OUT = Path("docs")


class _KindWords:
    """The words ``new`` accepts (operation, agency, ...), read from kinds.py only when asked: importing
    the record models takes longer than a build with nothing to do."""

    def __iter__(self) -> Iterator[str]:
        from .kinds import BY_SINGULAR

        return iter(sorted(BY_SINGULAR))

    def __contains__(self, word: object) -> bool:
        from .kinds import BY_SINGULAR

        return word in BY_SINGULAR


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
    build.add_argument(
        "--wait",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"when another build is writing the same folder, wait this long for it (0: fail at once; default {DEFAULT_TIMEOUT:.0f})",
    )
    new = sub.add_parser("new", help="write a skeleton record with a comment on every field")
    new.add_argument("kind", choices=_KindWords(), metavar="KIND", help="what to add: %(choices)s")
    new.add_argument("id", help="the new record's id: lower-case letters, digits and hyphens (a country: its ISO code)")
    new.add_argument("--source", help="id of the source record it cites (needed for operation, agency and country)")
    new.add_argument("--content", type=Path, default=DEFAULT_CONTENT, help="content folder (default: content)")
    schema = sub.add_parser("schema", help="write the JSON Schemas of the records into schemas/")
    schema.add_argument("--check", action="store_true", help="only check that the committed schemas match the models")
    return parser


def _new(args: argparse.Namespace) -> int:
    from . import scaffold
    from .kinds import BY_SINGULAR, SOURCES

    kind = BY_SINGULAR[args.kind]
    if kind.cites and not args.source:
        print(
            f"error: a new {args.kind} must cite a source: add --source <source id> "
            "(add the source first with: python -m generator new source <id>)"
        )
        return 1
    if args.source and not SOURCES.file(args.content, args.source).exists():
        print(
            f"error: there is no {SOURCES.singular} '{args.source}' in {args.content}/{SOURCES}/; add it first with: "
            f"python -m generator new {SOURCES.singular} {args.source}"
        )
        return 1
    try:
        path = scaffold.create(args.content, kind, args.id, args.source)
    except ValueError as exc:
        print(f"error: {exc}")
        return 1
    print(f"Created {path}. Replace every TODO, then run: python -m generator check")
    return 0


def _schema_notice(content: Path) -> None:
    """After a check of the project's own records: say when the editors' schemas lag behind the
    vocabularies (a new term), with the one command that brings them up to date."""
    from . import schemas, vocab

    if (content / "vocab").resolve() != vocab.SHIPPED:
        return
    stale = schemas.stale()
    if stale:
        names = ", ".join(f"schemas/{p.name}" for p in stale)
        print(
            f"Note: {names} do not list the vocabularies' latest terms; run .venv/bin/python -m generator schema and commit them."
        )


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            from . import checker
            from .kinds import KINDS

            catalog = checker.check(args.content)
            counts = ", ".join(f"{len(catalog.table(k))} {k}" for k in KINDS)
            print(f"All records are valid: {counts}.")
            _schema_notice(args.content)
            return 0
        if args.command == "build":
            result = build.build(args.content, args.out, site_url=args.site_url, lock_timeout=args.wait)
            r = result.report
            steps = ", ".join(f"{k} {v:.2f}s" for k, v in result.timings.items())
            if result.nothing_changed:
                print(f"Nothing changed since the last build ({result.pages} pages in {args.out}). {steps}.")
                return 0
            print(
                f"Wrote {len(r.written)} file(s), {r.unchanged} unchanged, {len(r.removed)} removed "
                f"({result.pages} pages) in {args.out}. {steps}."
            )
            return 0
        if args.command == "new":
            return _new(args)
        if args.command == "schema":
            from . import schemas

            if args.check:
                stale = schemas.stale()
                for path in stale:
                    print(f"{path.name} is out of date with generator/models.py; run: python -m generator schema")
                return 1 if stale else 0
            for path in schemas.write():
                print(f"wrote {path.name}")
            return 0
    except ContentError as exc:
        print(format_all(exc.problems, getattr(args, "format", "text")), file=sys.stdout)
        return 1
    except UsageError as exc:
        print(f"error: {printable(' '.join(str(exc).split()))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; nothing was changed", file=sys.stderr)
        return 130
    except Exception as exc:
        print(
            f"internal error: {type(exc).__name__}: {printable(str(exc))}. Please report it with the command you ran.",
            file=sys.stderr,
        )
        return 3
    return 2

"""Command line: parse, build options, call the API, write reports. No logic of its own."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

from compare import __version__
from compare.decode import valid_text
from compare.errors import CompareError, InputError, OptionsError, OutputError
from compare.ingest import load_documents
from compare.limits import MAX_NOTES_BYTES, human_size, read_bounded
from compare.metadata import METADATA_FIELDS
from compare.model import Comparison
from compare.options import DEFAULT_JUDGE, JUDGE_NAMES, Options
from compare.output import FORMAT_FILES

DEFAULT_OUTPUT = Path("reports") / "latest"


COMMANDS = ("report", "batch")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `compare` command; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    try:
        _check_command(argv)
        args = parser.parse_args(argv)
    except _UsageError as error:
        print(f"compare: error: {printable(str(error))}", file=sys.stderr)
        return 2
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return _batch(args) if args.command == "batch" else _report(args)
    except CompareError as error:
        print(f"compare: error: {printable(str(error))}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("compare: interrupted; the previous report is unchanged", file=sys.stderr)
        return 130
    except MemoryError:
        print("compare: error: out of memory; try smaller inputs", file=sys.stderr)
        return 6
    except RecursionError:  # each reader bounds its nesting; this is the last line of defence
        print("compare: error: input nested too deeply to read", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return _stdout_gone()


# Exit status of a command whose reader went away (`compare report … -o - | head`), as if killed
# by SIGPIPE like other Unix tools; nothing is printed.
EXIT_BROKEN_PIPE = 128 + 13


def printable(text: str) -> str:
    """Text with control characters (a newline in a file name, terminal escapes) shown as escapes."""
    if text.isprintable():
        return text
    return "".join(
        char if char.isprintable() or char == " " else char.encode("unicode_escape").decode("ascii")
        for char in text
    )


class _UsageError(Exception):
    """A command line argparse cannot use; shown as one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see: {self.prog} --help)")


def _check_command(argv: Sequence[str]) -> None:
    """Catch the first slip of a new user, `compare a.txt b.txt`, with the command to run instead."""
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDS:
        suggestion = " ".join(["compare", "report", *argv[:3]]) + (" …" if len(argv) > 3 else "")
        raise _UsageError(f"unknown command {argv[0]!r}; to compare reports run: {suggestion}")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="compare",
        description="Compare news reports of one story statement by statement.",
    )
    parser.add_argument("--version", action="version", version=f"compare {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    report = commands.add_parser(
        "report",
        help="compare reports and write JSON, HTML, PDF and Markdown",
        description="Compare two or more reports (.txt, .md, .html files or folders of them).",
    )
    report.add_argument("inputs", nargs="+", metavar="INPUT", help="report files or folders")
    report.add_argument(
        "-o",
        "--output",
        default=str(DEFAULT_OUTPUT),
        metavar="DIR",
        help="folder for report.{json,html,pdf,md}, replaced as a whole (default: reports/latest); "
        "'-' writes one format to stdout",
    )
    report.add_argument(
        "-f",
        "--format",
        default="json,html,pdf,md",
        metavar="LIST",
        help="comma-separated subset of json,html,pdf,md (default: all)",
    )
    report.add_argument(
        "--embedder",
        default="minilm",
        metavar="NAME",
        help="minilm (default, offline model), lexical (no model) or a sentence-transformers model folder",
    )
    report.add_argument(
        "--judge",
        default=DEFAULT_JUDGE,
        choices=JUDGE_NAMES,
        help=f"rules (the rules alone) or model (the rules and the shipped sentence-pair model); "
        f"default: {DEFAULT_JUDGE}",
    )
    report.add_argument("--notes", metavar="FILE.md", help="an editor's Markdown notes to include")
    report.add_argument(
        "--title",
        metavar="TEXT",
        help="the story's title (default: derived from what most outlets share, never a disputed headline)",
    )
    report.add_argument(
        "--decisions",
        metavar="FILE.json",
        help="review decisions saved from the HTML report: every format shows each finding's status",
    )
    report.add_argument(
        "--meta",
        action="append",
        default=[],
        metavar="ID.FIELD=VALUE",
        help=f"set a document's metadata ({', '.join(METADATA_FIELDS)}); ID is its id or file name",
    )
    report.add_argument("--page-size", default="A4", choices=("A4", "Letter"), help="PDF page size")
    report.add_argument("--now", metavar="ISO-TIME", help="time stamp for the report (reproducible output)")
    report.add_argument("-q", "--quiet", action="store_true", help="no progress or notices on stderr")
    _batch_parser(commands)
    return parser


def _batch_parser(commands: Any) -> None:
    batch = commands.add_parser(
        "batch",
        help="group many articles into stories; a report set per story and an index",
        description="Read many articles (files, folders, list files of paths or URLs, '-' for a list on "
        "stdin), group them into stories, and write OUT/<story>/report.* plus OUT/index.html and "
        "OUT/index.json.",
    )
    batch.add_argument("inputs", nargs="+", metavar="INPUT", help="article files, folders, list files or -")
    batch.add_argument("-o", "--output", required=True, metavar="OUT", help="the batch folder")
    batch.add_argument(
        "-f",
        "--format",
        default="json,html,pdf,md",
        metavar="LIST",
        help="comma-separated subset of json,html,pdf,md per story (default: all)",
    )
    batch.add_argument("--workers", type=int, default=1, metavar="N", help="stories run in N local processes")
    batch.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="run stories on a Dask cluster: 'local' (--workers processes here) or a scheduler address",
    )
    batch.add_argument("--cache", metavar="DIR", help="cache folder (default: OUT/.cache)")
    batch.add_argument("--embedder", default="minilm", metavar="NAME", help="as for compare report")
    batch.add_argument("--judge", default=DEFAULT_JUDGE, choices=JUDGE_NAMES, help="as for compare report")
    batch.add_argument("--page-size", default="A4", choices=("A4", "Letter"), help="PDF page size")
    batch.add_argument("--now", metavar="ISO-TIME", help="time stamp for every report (reproducible output)")
    batch.add_argument("-q", "--quiet", action="store_true", help="no progress or notices on stderr")


def _batch(args: argparse.Namespace) -> int:
    from compare.batching.run import batch
    from compare.interrupt import say_on_signal
    from compare.progress import make_progress

    say_on_signal(
        "interrupted; finished stories and the index are kept",
        "terminated; finished stories and the index are kept",
    )
    formats = _formats(args.format)
    options = Options(embedder=args.embedder, judge=args.judge)
    progress = make_progress(quiet=args.quiet)

    clear = "\r\x1b[K" if sys.stderr.isatty() and not args.quiet else ""  # a progress line may be drawn

    def say(line: str) -> None:
        print(f"{clear}compare: skipped: {printable(line)}", file=sys.stderr)

    try:
        result = batch(
            args.inputs,
            Path(args.output),
            options=options,
            workers=args.workers,
            dask=args.dask,
            cache=Path(args.cache) if args.cache else None,
            now=_parse_now(args.now),
            formats=formats,
            page_size=args.page_size,
            progress=progress,
            stdin=sys.stdin,
            say=say,
        )
    finally:
        progress.close()
    counts = result.index["counts"]
    if not counts["articles"]:
        print(
            f"compare: error: no article could be read ({counts['failed']} inputs skipped); "
            f"see {result.folder / 'index.html'}",
            file=sys.stderr,
        )
        return 2
    if not args.quiet:
        print(
            f"compare: {counts['stories']} stories from {counts['articles']} articles "
            f"({counts['unmatched']} in no story, {counts['copies']} copies, {counts['failed']} not read); "
            f"wrote {result.folder / 'index.html'}",
            file=sys.stderr,
        )
    return 1 if result.failed_stories else 0


def _report(args: argparse.Namespace) -> int:
    from compare.output import check_output_folder, write_reports
    from compare.pipeline import compare_documents
    from compare.progress import make_progress
    from compare.render import prepare, render_many
    from compare.review import apply_decisions, other_story_warning, read_decisions_file

    formats = _formats(args.format)
    to_stdout = args.output == "-"
    if to_stdout and len(formats) != 1:
        raise OptionsError("-o - writes one format to stdout: name exactly one with --format")
    default_output = args.output == str(DEFAULT_OUTPUT)
    folder = None if to_stdout else check_output_folder(Path(args.output), parents=default_output)
    options = Options(embedder=args.embedder, judge=args.judge)
    now = _parse_now(args.now)
    notes = _read_notes(args.notes)
    meta = _parse_meta(args.meta, quiet=args.quiet)
    title = _parse_title(args.title, quiet=args.quiet)
    decisions, saved_for = read_decisions_file(Path(args.decisions)) if args.decisions else ((), None)
    with prepare(formats):  # WeasyPrint is imported in a child process meanwhile
        loaded = load_documents(args.inputs, overrides=meta)
        if not args.quiet:
            for item in loaded:
                for notice in item.notices:
                    print(f"compare: note: {printable(notice)}", file=sys.stderr)
        progress = make_progress(quiet=args.quiet)
        try:
            comparison = compare_documents(
                [item.document for item in loaded], options=options, now=now, notes=notes, progress=progress
            )
        finally:
            progress.close()  # an error message must start on a clean line
        comparison = apply_decisions(replace(comparison, title=title), decisions)
        warning = other_story_warning(saved_for, comparison)
        if warning is not None:  # said even with --quiet: decisions may be applied to the wrong story
            print(f"compare: warning: {printable(warning)}", file=sys.stderr)
        if not args.quiet:
            _say_language_limits(comparison)
        progress = make_progress(quiet=args.quiet)  # the comparison's bar is closed: notices came between
        try:
            by_format = render_many(comparison, formats, page_size=args.page_size, progress=progress)
        finally:
            progress.close()
        rendered = {FORMAT_FILES[fmt]: data for fmt, data in by_format.items()}
    if folder is None:
        return _write_stdout(next(iter(rendered.values())))
    written = write_reports(folder, rendered, parents=default_output)
    if not args.quiet:
        for path in written:
            print(f"compare: wrote {path}", file=sys.stderr)
    return 0


def _write_stdout(data: bytes) -> int:
    """Write the report to stdout; a reader that went away ends quietly, a full disk is one error line."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        return _stdout_gone()
    except OSError as error:
        _discard_stdout()
        raise OutputError(f"stdout: cannot write the report: {error.strerror or error}") from None
    return 0


def _stdout_gone() -> int:
    _discard_stdout()
    return EXIT_BROKEN_PIPE


def _discard_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's flush at exit cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout replaced (tests) or already closed
        pass


def _say_language_limits(comparison: Comparison) -> None:
    """Say which judgements a document not in English did not get, rather than silently finding nothing."""
    limits = comparison.settings.get("language_limits") or {}
    for document in comparison.documents:
        if document.id in limits:
            print(
                f"compare: note: {printable(document.source or document.id)}: language "
                f"{printable(document.language or '?')}, not English; not judged for it yet: "
                f"{'; '.join(limits[document.id])}",
                file=sys.stderr,
            )


def _formats(raw: str) -> list[str]:
    names = [name.strip().lower() for name in raw.split(",") if name.strip()]
    unknown = [name for name in names if name not in FORMAT_FILES]
    if unknown or not names:
        raise OptionsError(
            f"unknown format {', '.join(unknown) or '(none)'}: choose from {', '.join(FORMAT_FILES)}"
        )
    return list(dict.fromkeys(names))


def _valid_argument(raw: str, option: str, *, quiet: bool) -> str:
    """An argument as valid text: bytes that are not UTF-8 read as Windows-1252, with a note saying so."""
    text, changed = valid_text(raw)
    if changed and not quiet:
        print(f"compare: note: {option}: not UTF-8; read as {printable(text)!r}", file=sys.stderr)
    return text


def _parse_meta(items: Sequence[str], *, quiet: bool = False) -> dict[str, dict[str, str]]:
    overrides: dict[str, dict[str, str]] = {}
    for item in items:
        key, equals, value = item.partition("=")
        target, dot, field = key.rpartition(".")
        if not equals or not dot or not target:
            raise OptionsError(f"--meta {item!r}: expected ID.FIELD=VALUE, e.g. a.outlet=Reuters")
        if field not in METADATA_FIELDS:
            raise OptionsError(
                f"--meta {item!r}: unknown field {field!r} (known: {', '.join(METADATA_FIELDS)})"
            )
        overrides.setdefault(target, {})[field] = _valid_argument(value, f"--meta {key}", quiet=quiet)
    return overrides


def _parse_title(raw: str | None, *, quiet: bool = False) -> str | None:
    if raw is None:
        return None
    title = " ".join(_valid_argument(raw, "--title", quiet=quiet).split())
    if not title:
        raise OptionsError("--title is empty: give the story's title, or leave the option out")
    return title


def _parse_now(raw: str | None) -> datetime | None:
    if raw is None:
        return None
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        raise OptionsError(
            f"--now {raw!r}: expected an ISO 8601 time such as 2025-08-24T12:00:00+00:00"
        ) from None


def _read_notes(raw: str | None) -> str | None:
    if raw is None:
        return None
    path = Path(raw)
    if path.is_dir():
        raise InputError(f"{path}: notes file is a folder, expected a Markdown file")
    if not path.is_file():
        raise InputError(f"{path}: notes file not found")
    try:
        data = read_bounded(path, MAX_NOTES_BYTES)
    except OSError as error:
        raise InputError(f"{path}: cannot read notes: {error.strerror or error}") from None
    if data is None:
        raise InputError(f"{path}: notes file is over the limit of {human_size(MAX_NOTES_BYTES)}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: notes file is not UTF-8 text") from None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

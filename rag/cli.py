"""The ``rag`` command line: index, ask, serve, eval."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from rag.corpus import TEXT_SUFFIXES
from rag.errors import InvalidRequestError, RagError
from rag.schema import NO_ANSWER_MESSAGE, Answer
from rag.settings import MAX_TOP_K, MODES, valid_top_k

log = logging.getLogger("rag")

EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    parser = argparse.ArgumentParser(
        prog="rag",
        description="Offline question answering over a document collection. Answers are "
        "verbatim quotes, each cited to the exact characters it came from.",
        epilog='Start with:  rag ask "When was the SCO founded?"   (builds the index on first use)',
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details")
    # Also accepted after the command ("rag ask -v ..."); SUPPRESS keeps a
    # sub-command's default from overwriting a -v given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="log debug details")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    index = sub.add_parser("index", parents=[common], help="build or refresh the search index",
                           description="Build the index of the bundled article, or of your "
                           "own documents with --corpus (or refresh a stale one), and print a "
                           "one-line summary.")
    _add_corpus(index)
    _add_index_dir(index)
    index.add_argument("--rebuild", action="store_true", help="rebuild even if up to date")

    ask = sub.add_parser("ask", parents=[common], help="answer one question with cited quotes",
                         description="Answer a question with verbatim quotes from the corpus.")
    ask.add_argument("question", help='the question, in quotes: "When was the SCO founded?" '
                     '(one starting with "-" goes after --: rag ask -- "-5%%: when?")')
    ask.add_argument("--top-k", type=_top_k, default=None, metavar="K",
                     help=f"passages to retrieve (1-{MAX_TOP_K}; default from settings: 5)")
    ask.add_argument("--mode", choices=MODES, default=None,
                     help="retrieval mode (default: hybrid)")
    ask.add_argument("--json", action="store_true",
                     help="print only the answer as JSON (the API's schema)")
    _add_corpus(ask)
    _add_index_dir(ask)

    serve = sub.add_parser("serve", parents=[common], help="start the chat UI and HTTP API",
                           description="Serve the Gradio chat app and the /ask API.")
    serve.add_argument("--host", default="127.0.0.1", help="interface to bind (default: localhost)")
    serve.add_argument("--port", type=int, default=7860, help="port (default: 7860)")
    _add_corpus(serve)
    _add_index_dir(serve)

    ev = sub.add_parser("eval", parents=[common], help="score the system against gold Q&A sets",
                        description="Evaluate retrieval modes side by side on gold sets "
                        "(the project's JSONL or SQuAD v1.1/v2.0 JSON).")
    ev.add_argument("--gold", action="append", type=Path, required=True, metavar="FILE",
                    help="gold file; repeat for several")
    ev.add_argument("--modes", default=",".join(MODES),
                    help=f"comma-separated retrieval modes (default: {','.join(MODES)})")
    ev.add_argument("--out", type=_folder, default=None,
                    help="output folder (default: eval/runs/<time>)")
    ev.add_argument("--limit", type=int, default=None, metavar="N", help="first N questions only")
    ev.add_argument("--calibrate", action="store_true",
                    help="find the abstention threshold that maximises F1 on the gold set")
    ev.add_argument("--write", action="store_true",
                    help="with --calibrate: save the threshold to the engine's settings file")
    _add_index_dir(ev)
    return parser


def _add_corpus(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", type=_path, default=None, metavar="PATH",
                        help="your own documents: a UTF-8 text file, or a folder whose text "
                        f"files ({', '.join(TEXT_SUFFIXES)}) are read, sub-folders included "
                        "(default: the bundled article)")


def _add_index_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--index-dir", type=_folder, default=None, metavar="DIR",
                        help="folder for indexes (default: the project's index/); the index "
                        "goes in DIR/default (DIR/corpus-NAME-HASH for --corpus, "
                        "DIR/squad-HASH for a SQuAD file), suffixed "
                        "--MODEL for another model; rag replaces that folder when it rebuilds "
                        "and never touches it if it holds other files and no rag manifest")


def _folder(value: str) -> Path:
    if not value.strip():
        raise argparse.ArgumentTypeError("give a folder, not an empty string")
    return Path(value)


def _top_k(value: str) -> int:
    """``--top-k``, named in the message where the value is out of range."""
    written = value.strip()
    # Plain ASCII digits only: Python's int() also takes "1_0" and "５".
    if not (written.isascii() and written.lstrip("+-").isdigit()):
        raise argparse.ArgumentTypeError(f"give a whole number from 1 to {MAX_TOP_K}, not "
                                         f"{_shortened(value)}")
    number = int(written)
    if not valid_top_k(number):
        raise argparse.ArgumentTypeError(
            f"{_shortened(written)} is out of range; give 1 to {MAX_TOP_K}")
    return number


def _shortened(value: str) -> str:
    """``value`` as a message shows it: quoted, and cut after 20 characters."""
    return repr(value) if len(value) <= 20 else repr(value[:20]) + "…"


def _path(value: str) -> Path:
    if not value.strip():
        raise argparse.ArgumentTypeError("give a file or a folder, not an empty string")
    return Path(value)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    args = build_parser().parse_args(argv)
    # Only our own messages at INFO: third-party libraries (faiss, bm25s, httpx)
    # log their internals at INFO/DEBUG, which would bury ours.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)
    logging.getLogger("rag").setLevel(logging.DEBUG if args.verbose else logging.INFO)
    logging.getLogger("ui").setLevel(logging.DEBUG if args.verbose else logging.INFO)
    try:
        code = _dispatch(args)
        # Flush here, not at exit: a reader that went away ("| head") then
        # raises BrokenPipeError below instead of at interpreter shutdown.
        sys.stdout.flush()
        return code
    except RagError as exc:
        print(f"rag: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # "rag ask --json ... | head": the reader has what it wanted. Point stdout
        # at nothing so the interpreter's final flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 141
    except OSError as exc:
        # A full disk or a folder turned read-only mid-run: say which file, not a
        # traceback (-v logs the traceback too).
        logging.getLogger("rag").debug("I/O error", exc_info=True)
        print(f"rag: error: {exc.strerror or exc}"
              + (f": {exc.filename}" if exc.filename else ""), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    from rag.engine import Engine, validate_question
    from rag.retrieval import check_request
    from rag.settings import load_settings

    index_dir = args.index_dir
    if index_dir is not None and index_dir.exists() and not index_dir.is_dir():
        # Found out only when the built index is saved, minutes later, otherwise.
        raise InvalidRequestError(f"--index-dir {index_dir} is a file; give a folder (it is "
                                  "created if missing).")
    if args.command == "ask":
        # Reject bad input before paying for the model.
        validate_question(args.question)
        settings = load_settings()
        check_request(args.mode or settings.mode,
                      settings.top_k if args.top_k is None else args.top_k)
        engine = Engine.over(args.corpus, settings, index_dir=args.index_dir)
        # A first question over a large corpus waits for the index: show the build.
        engine.ensure_ready(progress=sys.stderr.isatty())
        answer = engine.ask(args.question, top_k=args.top_k, mode=args.mode)
        if args.json:
            print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        else:
            print(format_answer(answer))
        return 0
    if args.command == "index":
        engine = Engine.over(args.corpus, index_dir=args.index_dir)
        started = time.perf_counter()
        data = engine.ensure_ready(rebuild=args.rebuild, progress=True)
        state = (f"built in {data.manifest['build_seconds']:.2f} s" if engine.built_index
                 else "up to date")
        print(f"index {engine.index_path}: {len(data.documents)} document(s), "
              f"{len(data.chunks)} chunks, {len(data.sentences)} sentences, {state} "
              f"({time.perf_counter() - started:.2f} s with model load)")
        return 0
    if args.command == "serve":
        from ui.app import serve

        serve(host=args.host, port=args.port, index_dir=args.index_dir, corpus=args.corpus)
        return 0
    if args.command == "eval":
        from rag.evaluation.runner import run_from_args

        return run_from_args(args)
    raise AssertionError(args.command)


# A closest passage is shown up to this many characters.
EXCERPT_CHARS = 200


def _one_line(text: str) -> str:
    return " ".join(text.split())


def format_answer(answer: Answer) -> str:
    """Render an answer for a terminal: answer, quotes with [n] markers, sources.

    An abstention says why on a "Why:" line when a confidence rule doubted it; an
    answer given despite a doubt carries it on a "Caution:" line.
    """
    lines: list[str] = []
    if answer.abstained:
        lines.append(NO_ANSWER_MESSAGE)
        if answer.doubts:
            lines.append("Why: " + " ".join(d.message for d in answer.doubts))
        if answer.passages:
            lines += ["", "Closest passages you may want to read:"]
            for p in answer.passages[:3]:
                excerpt = _one_line(p.text)
                cut = "..." if len(excerpt) > EXCERPT_CHARS else ""
                lines.append(f"  - {p.doc_id} [{p.start}:{p.end}]: "
                             f"{excerpt[:EXCERPT_CHARS]}{cut}")
    else:
        lines += [f"Answer: {_one_line(answer.answer)}", ""]
        for n, q in enumerate(answer.quotes, 1):
            # Every line of a quote spanning lines is marked as quoted; a lone
            # carriage return would make the terminal overwrite the line.
            quoted = "\n".join(f"> {line}" for line in q.text.splitlines() or [""])
            lines.append(f"{quoted} [{n}]")
        lines += ["", "Sources:"]
        for n, q in enumerate(answer.quotes, 1):
            lines.append(f"  [{n}] {q.doc_id}, chunk {q.chunk_id}, characters {q.start}-{q.end}")
        if answer.doubts:
            lines += ["", "Caution: " + " ".join(d.message for d in answer.doubts)]
    lines.append(f"\n(confidence {answer.confidence:.2f}, {answer.timings_ms['total']:.0f} ms)")
    return "\n".join(lines)

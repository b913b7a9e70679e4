"""Load and validate the catalogue: the bundled TOML files and the user's own.

The bundled catalogue must be perfect (a problem there is a bug in lumbar and stops it). A
user's file with a problem is reported and skipped; everything else still loads.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import msgspec

from tui.catalogue.checks import ParsedFile, cross_check, entries, limit_problems
from tui.catalogue.files import CatalogueError as CatalogueError
from tui.catalogue.files import Loaded as Loaded
from tui.catalogue.files import bundled_dir as bundled_dir
from tui.catalogue.files import toml_files as toml_files
from tui.catalogue.files import user_dir as user_dir
from tui.catalogue.prescribed import in_prescriptions, prescription_problems
from tui.catalogue.problems import (
    FieldPath,
    Problem,
    describe_path,
    explain_validation,
    locate,
    split_validation,
)
from tui.catalogue.validate import every_error, good_records
from tui.model import Catalogue, CatalogueFile, decode_hook, visible_data

USER_KINDS = ("exercise", "routine")
"""What a user file may define; it credits articles only by the ids in ``sources.toml``."""
_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


def parse_file(path: Path) -> ParsedFile | Problem | list[Problem]:
    """Read, parse and decode one TOML file, or say exactly what is wrong with it.

    A file that parses but does not decode gets every field that is wrong, in one list.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        return Problem(
            path, f"cannot be read ({error.strerror})", "Check the path and its permissions."
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if b"\x00" not in data:
            return Problem(
                path,
                "is not UTF-8 text: the bytes here are in another encoding",
                "Save the file as UTF-8 (most editors offer it under Save As or Encoding).",
                line=data[: error.start].count(b"\n") + 1,
            )
        text = "\x00"
    if "\x00" in text:
        return Problem(
            path,
            "is not a text file (it is binary or not UTF-8)",
            "Save it as UTF-8 TOML, or move it out of the catalogue folder.",
        )
    try:
        raw = visible_data(tomllib.loads(text))  # a control character shown, not obeyed
    except tomllib.TOMLDecodeError as error:
        match = _TOML_LINE.search(str(error))
        line = int(match.group(1)) if match else None
        if "(at end of document)" in str(error):
            line = max(1, len(text.splitlines()))
        message = _TOML_LINE.sub("", str(error)).replace("(at end of document)", "at the end")
        message = message.strip()
        return Problem(
            path,
            f"is not valid TOML: {message}",
            "Fix the syntax there; a missing quote, bracket, comma or `=` is the usual cause.",
            line=line,
        )
    try:
        content = msgspec.convert(raw, CatalogueFile, dec_hook=decode_hook, strict=True)
    except msgspec.ValidationError as error:
        found = every_error(raw) or [split_validation(error)]
        problems = [_validation_problem(path, text, raw, *each) for each in found]
        return sorted(problems, key=lambda problem: problem.line or 0)
    if content.is_empty:
        return Problem(
            path,
            "defines nothing",
            "Add [[exercise]] or [[routine]] tables (see the README), or delete the file.",
        )
    return ParsedFile(path, text, raw, content)


def _validation_problem(
    path: Path, text: str, raw: dict[str, Any], message: str, parts: FieldPath
) -> Problem:
    """One of msgspec's messages about a field, told as a problem with its line and field."""
    what, hint, parts = explain_validation(message, parts)
    return Problem(path, what, hint, describe_path(parts, raw), locate(text, parts))


def good_part(path: Path) -> ParsedFile | None:
    """The records of a file that does not decode that are right on their own.

    They are checked against the rest too (their references, their ids); None if none are.
    """
    try:
        text = path.read_text(encoding="utf-8")
        raw = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    part = good_records(raw, every_error(raw))
    if part is None:
        return None
    good, kept = part
    try:
        content = msgspec.convert(good, CatalogueFile, dec_hook=decode_hook, strict=True)
    except msgspec.ValidationError:
        return None
    return ParsedFile(path, text, raw, content, kept)


def parse_files(paths: Iterable[Path]) -> tuple[list[ParsedFile], list[Problem]]:
    """Parse every file, keeping the good ones and the problems of the others."""
    parsed: list[ParsedFile] = []
    problems: list[Problem] = []
    for path in paths:
        result = parse_file(path)
        if isinstance(result, ParsedFile):
            parsed.append(result)
        elif isinstance(result, Problem):
            problems.append(result)
        else:
            problems += result
    return parsed, problems


def build(files: Sequence[ParsedFile], user_files: Sequence[ParsedFile] = ()) -> Catalogue:
    """Assemble checked files into one catalogue (records in file order)."""
    every = [*files, *user_files]
    prescriptions = {
        parsed.content.routine[0].id: parsed.content.prescription
        for parsed in user_files
        if parsed.content.prescription is not None and parsed.content.routine
    }
    user_ids = frozenset(
        e.id
        for kind in ("exercise", "routine")
        for e in entries(user_files, kind)
        if e.id not in prescriptions  # the clinician's, not the user's own
    )
    return Catalogue(
        sources={e.id: e.record for e in entries(every, "source")},
        exercises={e.id: e.record for e in entries(every, "exercise")},
        routines={e.id: e.record for e in entries(every, "routine")},
        phases=tuple(e.record for e in entries(every, "phase")),
        advice=tuple(e.record for e in entries(every, "advice")),
        user_ids=user_ids,
        prescriptions=prescriptions,
    )


def _user_kind_problems(parsed: ParsedFile) -> list[Problem]:
    """A user file may add exercises and routines, not sources, phases or advice.

    An exercise or routine of the user's may credit an article, but only one of lumbar's, by
    its id in ``sources.toml``: a source of the user's making would read as an article's.
    """
    problems = []
    for kind in ("source", "phase", "advice"):
        if getattr(parsed.content, kind):
            hint = "Only [[exercise]] and [[routine]] can be added; remove it."
            if kind == "source":
                hint = (
                    "Remove it, and credit one of lumbar's articles by its id in sources.toml "
                    '(`lumbar catalogue --json` lists them under "sources").'
                )
            problems.append(parsed.problem((kind, 0), f"user files cannot define [[{kind}]]", hint))
    return problems


def load_catalogue(bundled: Path | None = None, user: Path | None = None) -> Loaded:
    """Load the bundled catalogue (it must be valid) and every valid user file on top of it."""
    base_paths, missing = toml_files([bundled or bundled_dir()])
    base, problems = parse_files(base_paths)
    problems += missing + cross_check(base)
    if not problems:
        whole = build(base)
        problems = [p for parsed in base for p in limit_problems(whole, parsed)]
    problems += [p for parsed in base for p in prescription_problems(parsed, allowed=False)]
    if problems:
        raise CatalogueError(problems)
    if user is None or not user.is_dir():
        return Loaded(build(base))
    user_paths, _ = toml_files([user])
    accepted, user_problems = accept_user_files(base, user_paths, user)
    return Loaded(build(base, accepted), tuple(user_problems))


def bundled_files() -> list[ParsedFile]:
    """The bundled catalogue's files, parsed (CatalogueError if any has a problem)."""
    paths, problems = toml_files([bundled_dir()])
    parsed, problems = parse_files(paths)
    if problems:
        raise CatalogueError(problems)
    return parsed


def accept_user_files(
    base: Sequence[ParsedFile], user_paths: Sequence[Path], user: Path
) -> tuple[list[ParsedFile], list[Problem]]:
    """The user's files that are right beside the bundled ones, and the others' problems.

    A prescription is accepted only in the ``prescriptions`` folder of ``user``.
    """
    parsed, user_problems = parse_files(user_paths)
    pending = []
    for candidate in parsed:
        kind_problems = _user_kind_problems(candidate) + prescription_problems(
            candidate, allowed=in_prescriptions(candidate.path, user)
        )
        user_problems += kind_problems
        if not kind_problems:
            pending.append(candidate)
    accepted: list[ParsedFile] = []
    # Users' files may refer to each other: accept in rounds until nothing more resolves.
    progress = True
    while progress and pending:
        progress = False
        for candidate in list(pending):
            if not own_problems(base, accepted, candidate):
                accepted.append(candidate)
                pending.remove(candidate)
                progress = True
    for candidate in pending:
        user_problems += own_problems(base, accepted, candidate)
    return accepted, user_problems


def own_problems(
    base: Sequence[ParsedFile], accepted: Sequence[ParsedFile], candidate: ParsedFile
) -> list[Problem]:
    """A user file's problems beside the bundled files and the user files accepted so far.

    Its ids and references first, then (once they resolve) its doses against the limits.
    """
    users = [*accepted, candidate]
    problems = [p for p in cross_check([*base, *users]) if p.file == candidate.path]
    return problems or limit_problems(build(base, users), candidate)


def check_paths(paths: Sequence[Path], alone: bool = False) -> tuple[int, list[Problem]]:
    """Check files together with the bundled catalogue (or ``alone``); every problem found.

    Returns how many files were checked and the problems. Bundled files named in ``paths``
    are checked once, as themselves.
    """
    given, problems = toml_files(paths)
    chosen = {p.resolve() for p in given}
    base: list[Path] = []
    if not alone:
        base_paths, _ = toml_files([bundled_dir()])
        base = [p for p in base_paths if p.resolve() not in chosen]
    parsed, parse_problems = parse_files([*base, *given])
    partly = [p for p in map(good_part, {p.file for p in parse_problems}) if p is not None]
    problems += parse_problems + cross_check([*parsed, *partly])
    bundled, user = bundled_dir().resolve(), user_dir().resolve()
    for checked in [*parsed, *partly]:  # a file of the user's: what only lumbar's may define
        where = checked.path.resolve()
        if not where.is_relative_to(bundled):
            problems += _user_kind_problems(checked)
        # A prescription may be checked anywhere but among lumbar's own files (its example
        # aside), and not installed by copying it into the user's folder.
        lumbars = where.is_relative_to(bundled) and not where.is_relative_to(bundled / "examples")
        copied = where.is_relative_to(user) and not in_prescriptions(where, user)
        problems += prescription_problems(checked, allowed=not lumbars and not copied)
    ours = [p.path.resolve().is_relative_to(bundled) for p in parsed]
    whole = build(
        [p for p, own in zip(parsed, ours, strict=True) if own],
        [p for p, own in zip(parsed, ours, strict=True) if not own],
    )
    troubled = {problem.file for problem in problems}
    for checked in parsed:
        if checked.path.resolve() in chosen and checked.path not in troubled:
            problems += limit_problems(whole, checked)
    return len(given), problems

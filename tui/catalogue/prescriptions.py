"""Install, show and set aside a clinician's prescription in the user's catalogue folder.

``lumbar prescribe FILE`` checks a prescription exactly as the catalogue loader checks any file
of the user's (every problem, with its file and line), and only a file with no problem at all
is installed: written whole and at once (:func:`tui.store.write_atomic`) as
``prescriptions/prescription.toml`` in the user's catalogue folder, where it loads with the rest
of the user's catalogue. A newer prescription replaces the active one, which is kept in
``prescriptions/replaced/`` (never loaded, never played) so the report can still name it;
sessions played under it keep its routine's id and name. One issued before the active one is
refused unless forced: a clinician's latest word is the one that counts.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import msgspec

from tui.catalogue.checks import ParsedFile
from tui.catalogue.load import (
    accept_user_files,
    bundled_files,
    own_problems,
    parse_file,
    toml_files,
)
from tui.catalogue.prescribed import (
    FOLDER,
    REPLACED,
    in_prescriptions,
    prescription_problems,
    review_problems,
)
from tui.catalogue.problems import Problem
from tui.model import (
    CatalogueFile,
    Prescription,
    Routine,
    decode_hook,
    long_date,
    visible_data,
)
from tui.store import write_atomic

ACTIVE = "prescription.toml"
"""The active prescription's file name inside the prescriptions folder."""


class PrescriptionRefused(Exception):
    """A prescription that is right in itself but is not installed; the message says why."""


@dataclass(frozen=True)
class OnFile:
    """A prescription in the user's folder: the file, its routine and its table."""

    path: Path
    routine: Routine
    prescription: Prescription


@dataclass(frozen=True)
class Installed:
    """What ``lumbar prescribe`` did: the prescription installed, and where the old one went."""

    installed: OnFile
    replaced: OnFile | None = None


def active_path(user: Path) -> Path:
    """Where the active prescription is installed."""
    return user / FOLDER / ACTIVE


def read_prescription(path: Path) -> OnFile | None:
    """A prescription file, if it reads as one (None when it is missing or does not decode)."""
    parsed = parse_file(path) if path.is_file() else None
    if not isinstance(parsed, ParsedFile):
        return None
    content = parsed.content
    if content.prescription is None or len(content.routine) != 1:
        return None
    return OnFile(path, content.routine[0], content.prescription)


def replaced_prescriptions(user: Path) -> list[OnFile]:
    """Every prescription a newer one replaced, oldest issued first (unreadable ones left out)."""
    folder = user / FOLDER / REPLACED
    paths = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    found = [each for each in map(read_prescription, paths) if each is not None]
    return sorted(found, key=lambda each: each.prescription.issued)


def check_prescription(path: Path, user: Path) -> tuple[ParsedFile | None, list[Problem]]:
    """A prescription file checked as the loader would check it: the file, or every problem.

    Its exercises must be in the catalogue (lumbar's and the user's own); the active
    prescription is left out, since this one is to replace it.
    """
    parsed = parse_file(path)
    if isinstance(parsed, Problem):
        return None, [parsed]
    if isinstance(parsed, list):
        return None, sorted([*parsed, *_beside(path, parsed, user)], key=_line)
    if parsed.content.prescription is None:
        return None, [
            Problem(
                path,
                "is not a prescription: it has no [prescription] table",
                "Add one with prescribed_by, issued and review (see catalogue/examples/"
                "prescription.toml); for a routine of your own, copy it into "
                f"{user} instead.",
            )
        ]
    problems = prescription_problems(parsed, allowed=True)
    problems += own_problems(*_catalogue_files(user), parsed)
    return (None if problems else parsed), sorted(problems, key=_line)


def _catalogue_files(user: Path) -> tuple[list[ParsedFile], list[ParsedFile]]:
    """The bundled files, and the user's that load (the active prescription left out)."""
    base = bundled_files()
    others: list[Path] = []
    if user.is_dir():
        found, _ = toml_files([user])
        others = [each for each in found if not in_prescriptions(each, user)]
    accepted, _ = accept_user_files(base, others, user)
    return base, accepted


def _beside(path: Path, found: list[Problem], user: Path) -> list[Problem]:
    """In a file that does not decode, the problems its decoding hides.

    Its review date, and, when the routine decodes on its own (the error is in the
    ``[prescription]`` table), the routine's references and doses against the catalogue.
    """
    try:
        text = path.read_text(encoding="utf-8")
        raw = visible_data(tomllib.loads(text))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []
    every = list(review_problems(ParsedFile(path, text, raw, CatalogueFile())))
    if any(problem.where.startswith("routine") for problem in found):
        return every
    try:
        content = msgspec.convert(
            {"routine": raw.get("routine", [])}, CatalogueFile, dec_hook=decode_hook, strict=True
        )
    except msgspec.ValidationError:
        return every
    return every + own_problems(*_catalogue_files(user), ParsedFile(path, text, raw, content))


def _line(problem: Problem) -> int:
    """Problems in the order of their lines."""
    return problem.line or 0


def install(parsed: ParsedFile, user: Path, *, force: bool = False) -> Installed:
    """Install a checked prescription, keeping the active one among the replaced.

    Raises PrescriptionRefused for one issued before the active one (unless ``force``), and
    StoreError when a file cannot be written (then nothing has changed).
    """
    prescription = parsed.content.prescription
    if prescription is None:
        raise PrescriptionRefused(f"{parsed.path} is not a prescription")
    new = OnFile(active_path(user), parsed.content.routine[0], prescription)
    target = active_path(user)
    old = read_prescription(target)
    if old is not None and prescription.issued < old.prescription.issued and not force:
        raise PrescriptionRefused(
            f"{parsed.path} was issued on {long_date(prescription.issued)}, before the active "
            f"prescription ('{old.routine.name}', issued on "
            f"{long_date(old.prescription.issued)}): nothing was installed. "
            "Ask for a newer one, or add --force to install it all the same."
        )
    replaced = None
    if target.is_file():
        kept = _replaced_path(user, old)
        write_atomic(kept, target.read_bytes())  # kept before the active file is replaced
        if old is not None:
            replaced = OnFile(kept, old.routine, old.prescription)
    write_atomic(target, parsed.text.encode("utf-8"))
    return Installed(new, replaced)


def remove(user: Path) -> OnFile | None:
    """Set the active prescription aside among the replaced; what it was (None: there was none).

    A file that no longer reads as a prescription is set aside too.
    """
    target = active_path(user)
    if not target.is_file():
        return None
    old = read_prescription(target)
    kept = _replaced_path(user, old)
    write_atomic(kept, target.read_bytes())
    target.unlink()
    return OnFile(kept, old.routine, old.prescription) if old is not None else None


def _replaced_path(user: Path, old: OnFile | None) -> Path:
    """A new name in the replaced folder: the issue date and routine id, numbered if taken."""
    folder = user / FOLDER / REPLACED
    stem = f"{old.prescription.issued.isoformat()}-{old.routine.id}" if old else "unreadable"
    path, number = folder / f"{stem}.toml", 1
    while path.exists():
        number += 1
        path = folder / f"{stem}-{number}.toml"
    return path

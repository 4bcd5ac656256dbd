"""The sample content shipped in ``seed/<certification>/`` (course.toml and bank.xml), read as plain data for the
migration that makes it each certification's first published edition. The bank goes through the same Moodle XML
import as an administrator's file, so a sample that breaks a rule stops the migration with the same messages."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from services.courses.moodle_xml import ImportedQuestion, parse_bank

SEED_DIR = Path(__file__).resolve().parent / "seed"


@dataclass(frozen=True)
class SampleCourse:
    certification_code: str
    modules: list[dict]
    questions: list[ImportedQuestion]


def sample_courses(seed_dir: Path = SEED_DIR) -> list[SampleCourse]:
    courses: list[SampleCourse] = []
    if not seed_dir.is_dir():
        return courses
    for folder in sorted(path for path in seed_dir.iterdir() if (path / "course.toml").is_file()):
        course = tomllib.loads((folder / "course.toml").read_text(encoding="utf-8"))
        courses.append(SampleCourse(folder.name, course["modules"], parse_bank((folder / "bank.xml").read_bytes())))
    return courses

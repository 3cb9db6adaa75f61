"""Format detection looks at the content, and knows every real export we have."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest

from hiplog.domain.backup_json import write_backup_json
from hiplog.domain.errors import InputError
from hiplog.domain.formats import FORMAT_NAMES, detect_format
from hiplog.domain.hiplog_csv import write_hiplog_csv
from hiplog.domain.models import Session, SetEntry

FORMATS_DIR = Path(__file__).parents[2].parent / "shared" / "formats"
EXPECTED_BY_FOLDER = {
    "strong": "strong",
    "hevy": "hevy",
    "fitnotes": "fitnotes",
    "fitnotes_backup": "fitnotes-backup",
}


def real_files() -> list[Path]:
    if not FORMATS_DIR.is_dir():
        return []
    return sorted(p for p in FORMATS_DIR.rglob("*") if p.is_file() and p.suffix != ".md")


@pytest.mark.skipif(not FORMATS_DIR.is_dir(), reason="the real export files are not here")
@pytest.mark.parametrize("path", real_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_real_export_is_recognised(path: Path) -> None:
    with path.open("rb") as file:
        head = file.read(4096)
    # A misleading name must not matter: only the content decides.
    assert detect_format(head, "upload.txt") == EXPECTED_BY_FOLDER[path.parent.name]


@pytest.mark.skipif(not FORMATS_DIR.is_dir(), reason="the real export files are not here")
def test_every_folder_of_real_exports_is_covered() -> None:
    assert {p.parent.name for p in real_files()} == set(EXPECTED_BY_FOLDER)


SESSION = Session(datetime(2026, 1, 1, 9), (SetEntry("glute-bridge", 1, 10),))


def test_a_hiplog_export_is_recognised_with_or_without_bom_and_crlf() -> None:
    out = io.StringIO()
    write_hiplog_csv([SESSION], str, out)
    data = out.getvalue().encode()
    assert detect_format(data, "x.csv") == "hiplog"
    assert detect_format(b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"), "x.csv") == "hiplog"
    # A spreadsheet re-save with semicolons is still ours; the reader explains the problem.
    assert detect_format(data.replace(b",", b";"), "x.csv") == "hiplog"


def test_a_json_backup_is_recognised_from_its_first_bytes() -> None:
    out = io.StringIO()
    write_backup_json([SESSION], [], {}, [], out)
    assert detect_format(out.getvalue().encode()[:200], "b.json") == "hiplog-json"


def test_any_sqlite_file_counts_as_a_fitnotes_backup() -> None:
    assert detect_format(b"SQLite format 3\x00" + bytes(100), "x.db") == "fitnotes-backup"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            b"Datum,Workout-Name,Dauer,Name der \xc3\x9cbung,Reihenfolge festlegen,Gewicht\n",
            "strong",
        ),
        (b'"Workout #";"Date";"Workout Name";"Exercise Name";"Set Order";"Reps"\n', "strong"),
        (b"Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps\n", "strong"),
        (
            b"title,start_time,end_time,description,exercise_title,superset_id,"
            b"exercise_notes,set_index,set_type,weight_kg,reps\n",
            "hevy",
        ),
        (b"Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time\n", "fitnotes"),
    ],
)
def test_header_layouts(head: bytes, expected: str) -> None:
    assert detect_format(head, "f.csv") == expected
    assert expected in FORMAT_NAMES


@pytest.mark.parametrize(
    "head",
    [
        b"",
        b"   \n",
        b"\x89PNG\r\n\x1a\n\x00\x00",
        b'{"format": "something-else"}',
        b"name,age\nbob,3\n",
    ],
)
def test_unknown_content_is_refused_naming_the_file(head: bytes) -> None:
    with pytest.raises(InputError) as info:
        detect_format(head, "mystery.csv")
    assert info.value.where == "mystery.csv"
    assert "cannot tell what kind of file this is" in info.value.message

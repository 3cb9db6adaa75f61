"""Desktop integration files: one application id everywhere, valid files, icons at every size.

The external validators (desktop-file-validate from desktop-file-utils, appstreamcli from
appstream) run when they are installed; the id checks always run.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest

import hiplog
from hiplog.resources import resource_path, resources_dir

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = ROOT / "resources" / "desktop" / f"{hiplog.APP_ID}.desktop"
METAINFO = ROOT / "resources" / "desktop" / f"{hiplog.APP_ID}.metainfo.xml"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
SPEC = ROOT / "packaging" / "hiplog.spec"


def _desktop_entry() -> dict[str, str]:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_desktop_files_are_named_for_the_application_id() -> None:
    assert DESKTOP.is_file()
    assert METAINFO.is_file()


def test_metainfo_id_and_launchable_match_the_application_id() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == hiplog.APP_ID
    launchable = root.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert root.findtext("provides/binary") == "hiplog"


def test_desktop_entry_starts_hiplog_with_its_icon() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0].endswith("hiplog")
    assert entry["Icon"] == hiplog.APP_ID
    assert entry["Terminal"] == "false"


def test_icon_exists_as_svg_and_every_png_size() -> None:
    icons = ROOT / "resources" / "icons"
    assert (icons / "hiplog.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in PNG_SIZES:
        assert _png_size(icons / f"hiplog-{size}.png") == (size, size)
    assert (icons / "hiplog.ico").is_file()


def test_resources_are_found_from_the_package() -> None:
    assert (resources_dir() / "catalog.json").is_file()
    assert resource_path("icons", "hiplog.svg").is_file()
    assert resource_path("desktop", DESKTOP.name).is_file()


def test_user_folders_are_named_for_the_application() -> None:
    from hiplog.services.locations import resolve_locations

    locations = resolve_locations(None, env={})
    assert locations.database.parent.name == hiplog.APP_NAME
    assert locations.config_dir.name == hiplog.APP_NAME


def test_the_bundle_keeps_every_qt_module_hiplog_imports() -> None:
    """The spec excludes unused Qt modules; a newly used one must be added to its list."""
    kept_line = re.search(r"QT_MODULES_USED = \{(.*)\}", SPEC.read_text(encoding="utf-8"))
    assert kept_line is not None
    kept = set(re.findall(r'"(Qt\w+)"', kept_line.group(1)))
    used: set[str] = set()
    for path in (ROOT / "src" / "hiplog").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"PySide6\.(Qt\w+)", text))
        for names in re.findall(r"from PySide6 import ([\w, ()\n]+)", text):
            used |= set(re.findall(r"Qt\w+", names))
    assert used <= kept, f"add {sorted(used - kept)} to QT_MODULES_USED in {SPEC.name}"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_file_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr

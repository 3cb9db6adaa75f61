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


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")
def test_install_desktop_puts_entry_metainfo_and_icons_in_the_user_data_folder(
    tmp_path: Path,
) -> None:
    program = tmp_path / "my apps" / "hiplog"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    data = tmp_path / "data"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(data)}
    script = str(ROOT / "packaging" / "install_desktop.sh")

    subprocess.run(["sh", script, str(program)], env=env, check=True, capture_output=True)

    entry = (data / "applications" / DESKTOP.name).read_text(encoding="utf-8")
    assert f'Exec="{program}"' in entry.splitlines()
    assert (data / "metainfo" / METAINFO.name).is_file()
    assert (data / "icons/hicolor/scalable/apps" / f"{hiplog.APP_ID}.svg").is_file()
    for size in PNG_SIZES:
        icon = data / f"icons/hicolor/{size}x{size}/apps/{hiplog.APP_ID}.png"
        assert _png_size(icon) == (size, size)

    subprocess.run(["sh", script, "--uninstall"], env=env, check=True, capture_output=True)
    assert not (data / "applications" / DESKTOP.name).exists()
    assert not list((data / "icons").rglob(f"{hiplog.APP_ID}.*"))


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")
def test_install_desktop_refuses_a_program_that_is_not_there(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    result = subprocess.run(
        ["sh", str(ROOT / "packaging" / "install_desktop.sh"), str(tmp_path / "nope")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "not an executable" in result.stderr
    assert not (tmp_path / "applications").exists()

"""Find bundled resources the same way from a checkout, an installed wheel and a bundle.

The wheel and the PyInstaller bundle carry ``resources/`` inside the package as
``hiplog/resources``; a source checkout (or an editable install) has it at the repository root.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The folder holding catalog data, icons and desktop files."""
    for candidate in (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent.parent / "resources"):
        if (candidate / "catalog.json").is_file():
            return candidate
    raise FileNotFoundError(
        f"hiplog's resources folder is missing (looked in {_PACKAGE_DIR / 'resources'} and "
        f"{_PACKAGE_DIR.parent.parent / 'resources'}); reinstall hiplog"
    )


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)

"""Save a chart as a PNG or SVG picture with pyqtgraph's exporters."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pyqtgraph as pg

from hiplog.domain.errors import InputError
from hiplog.ui.common.translation import _

#: A saved PNG is at least this wide (pixels), so it stays sharp when shared.
MIN_PNG_WIDTH = 1600


def _patch_svg_close_path() -> None:
    """Let pyqtgraph's SVG exporter read paths that end with 'Z'.

    Recent Qt versions close rectangles with a 'Z' command, which pyqtgraph's coordinate fix-up
    (0.13-0.14) tries to read as an "x,y" pair and fails on (pyqtgraph issue #3485). The wrapper
    takes the 'Z' tokens out, lets pyqtgraph transform the coordinates, and puts them back at
    the same places. Applied once, only when an SVG is saved.
    """
    module = importlib.import_module("pyqtgraph.exporters.SVGExporter")
    original = getattr(module, "correctCoordinates")  # noqa: B009
    if getattr(original, "hiplog_patched", False):
        return

    def correct(node: Any, defs: Any, item: Any, options: Any) -> None:
        closed: list[tuple[Any, list[int]]] = []
        for path in node.getElementsByTagName("path"):
            tokens = path.getAttribute("d").split()
            where = [i for i, t in enumerate(tokens) if t in ("Z", "z")]
            if where:
                path.setAttribute("d", " ".join(t for t in tokens if t not in ("Z", "z")))
                closed.append((path, where))
        original(node, defs, item, options)
        for path, where in closed:
            tokens = path.getAttribute("d").split()
            for i in where:
                tokens.insert(i, "Z")
            path.setAttribute("d", " ".join(tokens))

    correct.hiplog_patched = True  # type: ignore[attr-defined]
    setattr(module, "correctCoordinates", correct)  # noqa: B010


def export_image(widget: pg.GraphicsLayoutWidget, path: Path) -> Path:
    """Write the whole chart (every plot in `widget`) to `path`; .png or .svg by its suffix."""
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise InputError(_("save the chart as a .png or .svg file"), str(path))
    if not path.parent.is_dir():
        raise InputError(
            _("the folder {folder} does not exist").format(folder=path.parent), str(path)
        )
    # Imported here, not at the top: the exporters pull in the XML DOM and cost a tenth of a
    # second of every start-up, for a picture saved now and then.
    import pyqtgraph.exporters as exporters

    scene = widget.scene()
    if suffix == ".png":
        exporter = exporters.ImageExporter(scene)
        width = int(exporter.parameters()["width"])
        if width < MIN_PNG_WIDTH:
            height = int(exporter.parameters()["height"])
            exporter.parameters()["width"] = MIN_PNG_WIDTH
            # ImageExporter keeps the aspect ratio only when told the height too.
            exporter.parameters()["height"] = int(height * MIN_PNG_WIDTH / max(width, 1))
    else:
        _patch_svg_close_path()
        exporter = exporters.SVGExporter(scene)
    try:
        exporter.export(str(path))
    except OSError as exc:
        raise InputError(
            _("could not write the file: {error}").format(error=exc.strerror or exc), str(path)
        ) from exc
    if not path.exists():
        raise InputError(_("could not write the file"), str(path))
    return path

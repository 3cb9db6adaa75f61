"""hiplog's translation catalogs: extract, update, compile, pseudo-translate, and check them.

    python tools/catalogs.py update  # `make catalogs`: .pot from the code, .po merged, .mo made
    python tools/catalogs.py check   # in `make test`: fails on a stale .pot/.po/.mo, or on an
                                     # untranslated or fuzzy entry in de/es/fr

Domains: `hiplog` (src/hiplog outside ui/), `hiplog_ui` (src/hiplog/ui/), `hiplog_catalog` (the
exercise catalog's names, instructions, cues and mistakes, and the programs' names and texts, from
resources/*.json). Keywords: `_`, `N_`, `ngettext:1,2`. Locations are written without line
numbers, so moving code does not make the templates stale. `en_XA` is generated from the
templates (hiplog.domain.pseudo_locale), never edited.
"""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
sys.path.insert(0, str(SRC))

from hiplog.domain.pseudo_locale import pseudo_translate  # noqa: E402
from hiplog.domain.translation import DOMAINS, LOCALE_DIR, PSEUDO  # noqa: E402

TRANSLATED = ("de", "es", "fr")
#: The classic gettext plural rules. Babel's CLDR data adds to Spanish and French a third form
#: for round millions ("1000000 de séries") that no text in hiplog needs.
PLURAL_FORMS = {"de": (2, "(n != 1)"), "es": (2, "(n != 1)"), "fr": (2, "(n > 1)")}
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
COMMENT_TAGS = ("Translators:",)
UI = SRC / "hiplog" / "ui"
_CREATION_DATE = re.compile(rb'^"POT-Creation-Date: .*\\n"\n', re.MULTILINE)
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:\([a-z_]+\))?[sd]")

Found = tuple[str | tuple[str, ...], str, list[str]]  # message, file, translator comments


def _python_messages(domain: str) -> Iterator[Found]:
    for path in sorted((SRC / "hiplog").rglob("*.py")):
        if (path.is_relative_to(UI)) != (domain == "hiplog_ui"):
            continue
        where = path.relative_to(ROOT).as_posix()
        for _line, message, comments, _context in extract_from_file(
            "python", path, keywords=KEYWORDS, comment_tags=COMMENT_TAGS, strip_comment_tags=True
        ):
            yield message, where, comments


def _catalog_messages() -> Iterator[Found]:
    """The exercise catalog's and the programs' text a person reads."""
    catalog = "resources/catalog.json"
    for exercise in json.loads((ROOT / catalog).read_text(encoding="utf-8")):
        for key in ("name", "setup", "action", "cue"):
            if exercise.get(key):
                yield exercise[key], catalog, []
        for key in ("mistakes", "muscles", "equipment"):
            for text in exercise.get(key) or ():
                yield text, catalog, []
    programs = "resources/programs.json"
    for program in json.loads((ROOT / programs).read_text(encoding="utf-8")):
        yield program["name"], programs, []
        if program.get("about"):
            yield program["about"], programs, []
        for day in program["days"]:
            yield day["name"], programs, []


def _extracted(domain: str) -> Catalog:
    catalog = Catalog(project="hiplog", domain=domain, fuzzy=False, copyright_holder="hiplog")
    messages = _catalog_messages() if domain == "hiplog_catalog" else _python_messages(domain)
    for message, where, comments in messages:
        if not message or not (message[0] if isinstance(message, tuple) else message).strip():
            continue
        existing = catalog.get(message[0] if isinstance(message, tuple) else message)
        if existing is not None:
            # a location without a line number (Babel types it as always having one)
            existing.locations.append((where, None))  # type: ignore[arg-type]
            existing.auto_comments.extend(c for c in comments if c not in existing.auto_comments)
            continue
        catalog.add(message, locations=[(where, None)], auto_comments=comments)  # type: ignore[list-item]
    return catalog


def template(domain: str) -> Catalog:
    """The messages the code (or the data) has now, for `domain`: the committed .pot when it holds
    just these (so its date, and the dates copied from it, do not change on every run)."""
    pot = _extracted(domain)
    pot_path = LOCALE_DIR / f"{domain}.pot"
    if pot_path.exists() and _same_template(pot_path.read_bytes(), _po_bytes(pot)):
        return _read(pot_path)
    return pot


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, sort_output=True, ignore_obsolete=True, include_lineno=False)
    return out.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _same_template(a: bytes, b: bytes) -> bool:
    return _CREATION_DATE.sub(b"", a) == _CREATION_DATE.sub(b"", b)


def _paths(domain: str, language: str) -> tuple[Path, Path]:
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    return folder / f"{domain}.po", folder / f"{domain}.mo"


def _read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=language, domain=path.stem)


def _merged(pot: Catalog, domain: str, language: str) -> Catalog:
    po_path, _ = _paths(domain, language)
    if po_path.exists():
        catalog = _read(po_path, language)
    else:
        catalog = Catalog(locale=language, domain=domain, project="hiplog", fuzzy=False)
        catalog._num_plurals, catalog._plural_expr = PLURAL_FORMS[language]  # type: ignore[assignment]
    catalog.update(pot, no_fuzzy_matching=True, update_creation_date=False)
    catalog.obsolete.clear()
    return catalog


def _pseudo(pot: Catalog, domain: str) -> Catalog:
    catalog = Catalog(locale="en", domain=domain, project="hiplog", fuzzy=False)
    catalog.creation_date = pot.creation_date
    catalog.revision_date = pot.creation_date
    for message in pot:
        if not message.id:
            continue
        texts = tuple(pseudo_translate(m) for m in _texts(message.id))
        catalog.add(message.id, texts if isinstance(message.id, tuple) else texts[0])
    return catalog


def _write_if_changed(path: Path, data: bytes, *, template: bool = False) -> None:
    old = path.read_bytes() if path.exists() else b""
    if (template and _same_template(old, data)) or old == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(f"catalogs: wrote {path.relative_to(ROOT)}")


def update() -> None:
    for domain in DOMAINS:
        pot = template(domain)
        _write_if_changed(LOCALE_DIR / f"{domain}.pot", _po_bytes(pot), template=True)
        for language in TRANSLATED:
            catalog = _merged(pot, domain, language)
            po_path, mo_path = _paths(domain, language)
            _write_if_changed(po_path, _po_bytes(catalog))
            _write_if_changed(mo_path, _mo_bytes(_read(po_path, language)))
        pseudo_po, pseudo_mo = _paths(domain, PSEUDO)
        pseudo = _pseudo(pot, domain)
        _write_if_changed(pseudo_po, _po_bytes(pseudo))
        _write_if_changed(pseudo_mo, _mo_bytes(_read(pseudo_po, "en")))


def _texts(value: object) -> tuple[str, ...]:
    """A message's id or string as a tuple of texts (one, or one per plural form)."""
    if isinstance(value, tuple | list):
        return tuple(str(v or "") for v in value)
    return (str(value or ""),)


def _placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def _entry_problems(message: Message, where: str) -> Iterator[str]:
    ids, strings = _texts(message.id), _texts(message.string)
    if message.fuzzy:
        yield f"{where}: fuzzy: {ids[0]!r}"
    if not all(strings):
        yield f"{where}: untranslated: {ids[0]!r}"
        return
    known = {p for text in ids for p in _placeholders(text)}
    for text in strings:
        found = set(_placeholders(text))
        # a plural form may leave the count out ('Ein Satz'); a field the English lacks would fail
        if not found <= known or (len(ids) == 1 and found != known):
            yield f"{where}: placeholders {sorted(found)} instead of {sorted(known)}: {ids[0]!r}"


def problems() -> list[str]:
    """Everything that makes the catalogs stale or incomplete, one line each."""
    found: list[str] = []
    for domain in DOMAINS:
        pot = _extracted(domain)
        pot_path = LOCALE_DIR / f"{domain}.pot"
        if not pot_path.exists() or not _same_template(pot_path.read_bytes(), _po_bytes(pot)):
            found.append(f"{domain}.pot is stale: run `make catalogs`")
        else:
            pot = _read(pot_path)
        wanted = {m.id for m in pot if m.id}
        for language in (*TRANSLATED, PSEUDO):
            po_path, mo_path = _paths(domain, language)
            where = str(po_path.relative_to(ROOT))
            if not po_path.exists():
                found.append(f"{where} is missing: run `make catalogs`")
                continue
            catalog = _read(po_path, "en" if language == PSEUDO else language)
            have = {m.id for m in catalog if m.id}
            if have != wanted:
                found.append(f"{where} does not match {domain}.pot: run `make catalogs`")
            if language == PSEUDO and po_path.read_bytes() != _po_bytes(_pseudo(pot, domain)):
                found.append(f"{where} is not the generated pseudo-translation")
            if not mo_path.exists() or mo_path.read_bytes() != _mo_bytes(catalog):
                found.append(f"{mo_path.relative_to(ROOT)} is stale: run `make catalogs`")
            if language in TRANSLATED:
                for message in catalog:
                    if message.id:
                        found.extend(_entry_problems(message, where))
    return found


def main(argv: list[str]) -> int:
    if argv[1:] == ["update"]:
        update()
        return 0
    if argv[1:] == ["check"]:
        found = problems()
        for line in found:
            print(line, file=sys.stderr)
        print(f"catalogs: {len(found)} problem(s)" if found else "catalogs: complete and current")
        return 1 if found else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))

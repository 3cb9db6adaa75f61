#!/bin/sh
# Build hiplog's wheel, install it into a fresh virtual environment under build/ and run it from
# another folder (commands, then the window offscreen): proves the wheel carries the catalog, the
# icons, the compiled translations and the Alembic migrations and needs nothing from the source checkout. Usage: packaging/check_wheel.sh (PYTHON picks the
# interpreter, default python3; pip fetches hatchling and the dependencies from the package index).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-python3}
out=$root/build/wheel-check
unset PYTHONPATH VIRTUAL_ENV

rm -rf "$out"
mkdir -p "$out"
echo "wheel-check: building the wheel"
"$python" -m pip wheel --quiet --no-deps -w "$out/wheel" "$root"
wheel=$(ls "$out"/wheel/hiplog-*.whl)

"$python" - "$wheel" <<'PY'
import sys
import zipfile

names = set(zipfile.ZipFile(sys.argv[1]).namelist())
needed = [
    "hiplog/resources/catalog.json",
    "hiplog/resources/programs.json",
    "hiplog/resources/icons/hiplog.svg",
    "hiplog/resources/icons/hiplog-256.png",
    "hiplog/resources/desktop/io.github.hiplog.Hiplog.desktop",
    "hiplog/resources/desktop/io.github.hiplog.Hiplog.metainfo.xml",
    "hiplog/storage/migrations/env.py",
    "hiplog/storage/migrations/script.py.mako",
    "hiplog/locale/de/LC_MESSAGES/hiplog.mo",
    "hiplog/locale/es/LC_MESSAGES/hiplog.mo",
    "hiplog/locale/fr/LC_MESSAGES/hiplog.mo",
    "hiplog/locale/de/LC_MESSAGES/hiplog_ui.mo",
    "hiplog/locale/de/LC_MESSAGES/hiplog_catalog.mo",
]
missing = [name for name in needed if name not in names]
versions = [
    n
    for n in names
    if n.startswith("hiplog/storage/migrations/versions/")
    and n.endswith(".py")
    and not n.endswith("__init__.py")
]
if missing or not versions:
    sys.exit(f"wheel-check: the wheel lacks {missing or 'the migration versions'}")
print(f"wheel-check: the wheel holds the resources and {len(versions)} migration(s)")
PY

echo "wheel-check: installing it into a fresh virtual environment"
"$python" -m venv "$out/venv"
"$out/venv/bin/python" -m pip install --quiet --upgrade pip
"$out/venv/bin/python" -m pip install --quiet "$wheel"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
hiplog=$out/venv/bin/hiplog
db=$work/wheel-check.db

"$hiplog" --version
"$out/venv/bin/python" -c "
import hiplog.resources as r
where = str(r.resources_dir())
assert 'site-packages' in where, f'resources come from {where}, not the installed wheel'
print('wheel-check: resources from', where)
"
"$hiplog" --db "$db" exercises --json >"$work/exercises.json"
"$out/venv/bin/python" -c "
import json, sys
count = len(json.load(open(sys.argv[1], encoding='utf-8')))
assert count == 24, f'{count} exercises, expected 24'
print('wheel-check: 24 exercises')
" "$work/exercises.json"
"$hiplog" --db "$db" log barbell-hip-thrust 60x12 60x11 --date 2026-11-20T18:00
"$hiplog" --db "$db" stats barbell-hip-thrust --json
# The installed wheel speaks German from its own compiled catalogs.
"$out/venv/bin/python" -c "
from hiplog.domain.translation import set_language
from hiplog.domain.wording import sets_text
set_language('de')
assert sets_text(3) == '3 Sätze', sets_text(3)
print('wheel-check: German from the wheel:', sets_text(3))
"

# The window, offscreen, with a throw-away HOME: it must stay up for 5 seconds without an error.
env -i HOME="$work" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    "$hiplog" --db "$db" >"$work/window.out" 2>&1 &
pid=$!
sleep 5
if ! kill "$pid" 2>/dev/null; then
    echo "wheel-check: the window exited after less than 5 s:" >&2
    cat "$work/window.out" >&2
    exit 1
fi
wait "$pid" 2>/dev/null || true
if grep -E -i "traceback|error|critical" "$work/window.out"; then
    echo "wheel-check: the window printed an error (above)" >&2
    exit 1
fi
echo "wheel-check: the window ran for 5 s"
echo "wheel-check: passed"

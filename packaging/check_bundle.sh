#!/bin/sh
# Run the one-folder bundle the way a person without Python would: a clean environment, no
# virtual environment on PATH, a throw-away HOME. Checks --version, the catalog, logging a set
# (Alembic migrations found inside the bundle), German suggestions (the compiled catalogs and
# Babel's data inside the bundle) and that the window starts (offscreen) and stays up for 5
# seconds without an error. Usage: packaging/check_bundle.sh [dist/hiplog/hiplog]
set -eu

exe=$(cd "$(dirname "${1:-dist/hiplog/hiplog}")" && pwd)/$(basename "${1:-dist/hiplog/hiplog}")
[ -x "$exe" ] || { echo "dist-check: $exe is missing; run make dist" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

run() {
    env -i HOME="$work" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$exe" "$@"
}

run --version
run --db "$work/check.db" exercises --json >"$work/exercises.json"
count=$(grep -c '"slug"' "$work/exercises.json")
[ "$count" -eq 24 ] || { echo "dist-check: $count exercises, expected 24" >&2; exit 1; }
echo "dist-check: 24 exercises"
run --db "$work/check.db" log barbell-hip-thrust 60x12 --date 2026-11-20T18:00
run --db "$work/check.db" stats barbell-hip-thrust --json >/dev/null
echo "dist-check: logged a set into a new database"
# German from the bundle's own catalogs and Babel data: a load typed with a decimal comma, the
# catalog's name, a reason and a date.
de() {
    env -i HOME="$work" PATH=/usr/bin:/bin LANG=de_DE.UTF-8 "$exe" --db "$work/check.db" "$@"
}
german=$(de log barbell-hip-thrust 62,5x8 --date 2026-11-20T19:00; de suggest --date 2026-11-21)
for text in "62,5 kg x 8" "Hip Thrust mit Langhantel" "So., 22. Nov. 2026" "Wiederholungen"; do
    case $german in
    *"$text"*) ;;
    *) echo "dist-check: no '$text' in the German suggestions:" >&2; echo "$german" >&2; exit 1 ;;
    esac
done
echo "dist-check: German suggestions from the bundle"

run --db "$work/check.db" >"$work/window.out" 2>&1 &
pid=$!
sleep 5
if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    wait "$pid" 2>/dev/null || true
else
    wait "$pid" && status=0 || status=$?
    echo "dist-check: the window exited after less than 5 s (status $status):" >&2
    cat "$work/window.out" >&2
    exit 1
fi
logs=$(find "$work" -name '*.log' 2>/dev/null)
if grep -E -i "traceback|error|critical" "$work/window.out" $logs; then
    echo "dist-check: the window logged an error (above)" >&2
    exit 1
fi
echo "dist-check: the window ran for 5 s without an error"
# The X11 and Wayland plugins are not loaded offscreen: list what they would need from the system.
internal=$(dirname "$exe")/_internal
platforms=$internal/PySide6/Qt/plugins/platforms
if command -v ldd >/dev/null && [ -d "$platforms" ]; then
    missing=$(for plugin in "$platforms"/libqxcb.so "$platforms"/libqwayland*.so; do
        [ -f "$plugin" ] || continue
        LD_LIBRARY_PATH="$internal:$internal/PySide6/Qt/lib" ldd "$plugin" | grep "not found" || true
    done | sort -u)
    if [ -n "$missing" ]; then
        echo "dist-check: note: these libraries were missing when the bundle was built, so the"
        echo "  X11/Wayland plugins need them from the system they run on:"
        echo "$missing"
    fi
fi
echo "dist-check: passed ($(du -sh "$(dirname "$exe")" | cut -f1) in $(dirname "$exe"))"

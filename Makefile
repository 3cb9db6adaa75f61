# hiplog developer commands. Only python3 and make are needed; everything else is installed
# into .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test catalogs catalogs-check lint typecheck layers pytest fuzz soak bench dist dist-check wheel-check install-desktop uninstall-desktop clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

## run: open hiplog (creates .venv and installs on first use)
run: $(STAMP)
	$(BIN)/hiplog $(ARGS)

## test: the whole suite, headless: lint, format, types, layers, tests
test: $(STAMP) lint typecheck layers catalogs-check pytest

## catalogs: after changing text: extract the .pot templates, merge them into the de/es/fr .po
## files (then translate what is new), compile the .mo files and regenerate the pseudo-locale
catalogs: $(STAMP)
	$(BIN)/python tools/catalogs.py update

# Fails on an untranslated or fuzzy entry in de/es/fr, or a stale .pot, .po or .mo.
catalogs-check: $(STAMP)
	$(BIN)/python tools/catalogs.py check

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

typecheck: $(STAMP)
	$(BIN)/mypy

layers: $(STAMP)
	$(BIN)/lint-imports

# Long runs (marked slow) are left to `make soak` and `make fuzz`.
PYTEST_ARGS ?= -m "not slow"
pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

## wheel-check: build the wheel, install it in a fresh venv under build/, run it from elsewhere
wheel-check: $(STAMP)
	PYTHON=$(BIN)/python packaging/check_wheel.sh

$(BIN)/pyinstaller: $(STAMP)
	$(BIN)/python -m pip install --quiet "pyinstaller>=6.10"
	touch $@

## dist: a one-folder bundle in dist/hiplog/ (PyInstaller, packaging/hiplog.spec)
dist: $(BIN)/pyinstaller
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/hiplog.spec
	@du -sh dist/hiplog

## dist-check: build the bundle, then run it offscreen in a clean environment
dist-check: dist
	packaging/check_bundle.sh dist/hiplog/hiplog

## install-desktop: menu entry, metainfo and icons for this user (Exec: HIPLOG_EXEC)
HIPLOG_EXEC ?= $(CURDIR)/$(BIN)/hiplog
install-desktop: $(STAMP)
	packaging/install_desktop.sh "$(HIPLOG_EXEC)"

uninstall-desktop:
	packaging/install_desktop.sh --uninstall

## soak: kill a process writing sessions 500 times, then check nothing acknowledged was lost
soak: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m slow -k soak -q tests

## fuzz: the long hypothesis runs over every importer and over set entry
fuzz: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m slow -k fuzz -q tests

## bench: how fast hiplog feels with a lifetime of history, each figure beside a floor measured
## in the same run (not part of the tests; histories are cached in benchmarks/data/)
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

## clean: remove build output and tool caches (keeps .venv and the benchmark histories)
clean:
	rm -rf build dist .mypy_cache .ruff_cache .pytest_cache .hypothesis

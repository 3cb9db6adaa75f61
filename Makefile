# hiplog developer commands. Only python3 and make are needed; everything else is installed
# into .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck layers pytest fuzz soak bench dist dist-check wheel-check install-desktop clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

## run: open hiplog (creates .venv and installs on first use)
run: $(STAMP)
	$(BIN)/hiplog $(ARGS)

## test: the whole suite, headless: lint, format, types, layers, tests
test: $(STAMP) lint typecheck layers pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

layers: $(STAMP)
	$(BIN)/lint-imports

# Long runs (marked slow) are left to `make soak` and `make fuzz`.
PYTEST_ARGS ?= -m "not slow"
pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

## soak: kill a process writing sessions 500 times, then check nothing acknowledged was lost
soak: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m slow -k soak -q tests

## fuzz: the long hypothesis runs over every importer and over set entry
fuzz: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m slow -k fuzz -q tests

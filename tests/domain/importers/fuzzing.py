"""Hypothesis strategies that mutate lines of the real exports (or stand-in lines)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

FORMATS = Path(__file__).parents[3].parent / "shared" / "formats"


def real_samples(folder: str, lines: int = 30) -> list[tuple[str, list[str]]]:
    """(header line, first data lines) of each real export in `folder`; empty when absent."""
    samples: list[tuple[str, list[str]]] = []
    for path in sorted((FORMATS / folder).glob("*.csv")) if (FORMATS / folder).is_dir() else []:
        text = path.read_text(encoding="utf-8").splitlines()
        if len(text) > 1:
            samples.append((text[0], [line for line in text[1 : lines + 1] if line]))
    return samples


def _mutate(line: str) -> st.SearchStrategy[str]:
    """The line with a slice replaced by random text (maybe nothing), or cut short."""
    return st.one_of(
        st.tuples(st.integers(0, len(line)), st.integers(0, 6), st.text(max_size=8)).map(
            lambda t: line[: t[0]] + t[2] + line[t[0] + t[1] :]
        ),
        st.integers(0, len(line)).map(lambda n: line[:n]),
        st.just(line),
    )


def mutated_exports(samples: list[tuple[str, list[str]]]) -> st.SearchStrategy[str]:
    """A header followed by a few of its rows, each maybe mutated, joined by LF or CRLF."""

    def build(sample: tuple[str, list[str]]) -> st.SearchStrategy[str]:
        header, rows = sample
        body = st.lists(st.sampled_from(rows).flatmap(_mutate), max_size=6)
        return st.tuples(body, st.sampled_from(["\n", "\r\n"])).map(
            lambda t: t[1].join([header, *t[0]])
        )

    return st.sampled_from(samples).flatmap(build)

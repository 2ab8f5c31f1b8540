"""The progress bar on a terminal (issue 29): it counts articles one by one as they are extracted, not
a chunk of 256 at a time, knows its total for files and JSON Lines, and is gone before any table.

stderr is made a terminal for the test (`stderr_is_terminal`); the bar is rich's own, drawn on a
console with `force_terminal`, and each step it takes is recorded."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from casualty_cli.cli import main
from casualty_cli.cli import reporter as cli_reporter

SENTENCES = [f"Gunmen killed {n} people in the market, police said." for n in (12, 14, 17, 23, 31)]


@pytest.fixture()
def bar(monkeypatch: pytest.MonkeyPatch) -> list:
    """What the bar showed: ("total", N) when drawn, ("done", completed) after each step, "gone" when
    removed, "written" when a writer printed; in order."""
    shown: list = []
    monkeypatch.setattr(cli_reporter, "stderr_is_terminal", lambda: True)
    real = cli_reporter.progress_bar

    def progress_bar(console, total):
        progress = real(console, total)
        assert progress.console.is_terminal  # a terminal console even where the test's stderr is not one
        shown.append(("total", total))
        advance, stop = progress.advance, progress.stop
        progress.advance = lambda task, n=1: (advance(task, n), shown.append(("done", progress.tasks[0].completed)))
        progress.stop = lambda: (shown.append("gone"), stop())[1]
        return progress

    monkeypatch.setattr(cli_reporter, "progress_bar", progress_bar)
    return shown


def steps(shown: list) -> list[int]:
    return [n for kind, n in (s for s in shown if isinstance(s, tuple)) if kind == "done"]


def test_jsonl_counts_each_article_before_its_chunk_is_written(tmp_path: Path, bar: list) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(SENTENCES)))
    result = CliRunner().invoke(main, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 5
    # One chunk of five articles: counted one by one while the chunk is parsed, against a known total.
    assert bar[0] == ("total", 5) and steps(bar) == [1, 2, 3, 4, 5] and bar[-1] == "gone"


def test_files_give_the_total_and_a_bad_line_counts_too(tmp_path: Path, bar: list) -> None:
    for i, text in enumerate(SENTENCES[:3]):
        (tmp_path / f"{i}.txt").write_text(text)
    (tmp_path / "x.jsonl").write_text('{"text": "' + SENTENCES[3] + '"}\nnot json\n')
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--glob", "*", "--format", "jsonl"])
    assert result.exit_code == 1 and "4 articles read, 4 claims, 0 inputs skipped, 1 failed" in result.stderr
    assert bar[0] == ("total", 5) and steps(bar)[-1] == 5 and bar[-1] == "gone"


def test_stdin_records_have_no_total(bar: list) -> None:
    lines = "".join(json.dumps({"text": t}) + "\n" for t in SENTENCES[:2])
    result = CliRunner().invoke(main, ["extract", "-", "--input-format", "jsonl", "--format", "jsonl"], input=lines)
    assert result.exit_code == 0 and bar[0] == ("total", None) and steps(bar) == [1, 2]


def test_one_article_draws_no_bar(tmp_path: Path, bar: list) -> None:
    (tmp_path / "a.txt").write_text(SENTENCES[0])
    assert CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), "--format", "jsonl"]).exit_code == 0
    assert bar == []


@pytest.mark.parametrize("command", [["tolls", "--format", "table"], ["report"]])
def test_tolls_and_report_show_the_bar_and_remove_it_before_writing(tmp_path: Path, bar: list,
                                                                    command: list[str],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from casualty_cli.write import toll_output

    close = toll_output.TollTableWriter.close
    monkeypatch.setattr(toll_output.TollTableWriter, "close", lambda self: (bar.append("written"), close(self))[1])
    for i, text in enumerate(SENTENCES[:3]):
        (tmp_path / f"{i}.txt").write_text(text)
    result = CliRunner().invoke(main, [command[0], str(tmp_path), *command[1:]])
    assert result.exit_code == 0, result.output
    assert bar[0] == ("total", 3) and steps(bar) == [1, 2, 3]
    assert bar[4] == "gone" and bar[5:] == (["written"] if command[0] == "tolls" else [])


def test_a_pool_counts_every_article(tmp_path: Path, bar: list) -> None:
    """On `--jobs 2` each worker tells the parent of each article it finishes, not of its chunk at the end."""
    path = tmp_path / "dump.jsonl"
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in SENTENCES * 4))
    result = CliRunner().invoke(main, ["extract", str(path), "--jobs", "2", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert bar[0] == ("total", 20) and steps(bar) == list(range(1, 21))  # one chunk, counted article by article


def test_no_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    for i, text in enumerate(SENTENCES[:2]):
        (tmp_path / f"{i}.txt").write_text(text)
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0 and "articles" not in result.stderr.split("casualty:")[0]
    assert result.stderr.startswith("casualty: 2 articles read")

"""Silent wrongs of issue 28: figures read whole or not at all."""
from __future__ import annotations

import pytest

from casualty_cli.extract.numbers import find_counts


@pytest.mark.parametrize(("text", "values"), [
    ("Officials said ٣٬٤٥٦ people were killed.", [3456]),  # U+066C, the Arabic thousands separator
    ("Officials said ۳٬۴۵۶ people were killed.", [3456]),  # Extended Arabic-Indic digits
    ("Officials said ٣٤٥٦ people were killed.", [3456]),
    ("Officials said 3,456 people were killed.", [3456]),
    ("The rate rose ٣٫٥ percent.", []),  # U+066B, the Arabic decimal separator: a measure, no head count
    ("Officials said " + "7" * 2000 + " people were killed.", []),  # no exact claim of its first digits
])
def test_digits_are_read_whole(text, values):
    assert [c.value for c in find_counts(text)] == values


@pytest.mark.parametrize("command", ["extract", "tolls"])
@pytest.mark.parametrize("suffix", [".jsonl", ".db"])
def test_an_output_name_too_long_for_the_file_system_fails_before_the_work(tmp_path, monkeypatch, command, suffix):
    from click.testing import CliRunner

    from casualty_cli.cli import main
    from casualty_cli.run import runner

    def no_work(*args, **kwargs):
        raise AssertionError("the work began")

    monkeypatch.setattr(runner, "run", no_work)
    article = tmp_path / "a.txt"
    article.write_text("Gunmen killed 12 people in the market, police said.\n")
    out = tmp_path / ("x" * 300 + suffix)
    result = CliRunner().invoke(main, [command, str(article), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert "longer than the file system allows" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


@pytest.mark.parametrize("charset", ["cp037", "cp500", "utf-16", "utf-32"])
def test_a_page_declaring_a_charset_not_ascii_compatible_is_not_decoded_in_it(charset):
    from casualty_cli.read.decode import decode

    page = (f'<html><head><meta charset="{charset}"></head><body><p>Gunmen killed 12 people in the market, '
            'police said. Café.</p></body></html>').encode()
    text, _ = decode(page, html=True)
    assert "Gunmen killed 12 people" in text and "Café" in text

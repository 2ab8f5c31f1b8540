"""Reading inputs without a model: decoding, folder walks, JSON Lines, CSV and HTML."""
from __future__ import annotations

import codecs
import json
import os

import pytest

from casualty_cli.errors import InputError
from casualty_cli.read.decode import decode
from casualty_cli.read.inputs import (
    Article,
    InputOptions,
    Note,
    Source,
    format_of,
    plan_inputs,
    read_articles,
    read_source,
    walk,
)
from casualty_cli.read.records import in_record
from casualty_cli.read.webpage import html_text

from .conftest import needs_shared

TEXT = "Gunmen killed 12 people — café owners said — in the “old” market."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # no BOM: told by the NUL pattern
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_decode_reads_each_encoding_back_to_the_same_text(data, encoding):
    assert decode(data) == (TEXT, encoding)


def test_decode_falls_back_to_latin1_when_cp1252_has_no_such_byte():
    # 0x81 is undefined in cp1252, 0x95 is a bullet in it and not UTF-8.
    assert decode(b"caf\xe9 \x81 \x95") == ("café \x81 \x95", "latin-1")


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", b"abc\x00\x00\x00\x01\x02def"])
def test_decode_refuses_binary(data):
    with pytest.raises(ValueError, match="binary"):
        decode(data)


@pytest.mark.parametrize(
    ("path", "fmt", "expected"),
    [("a.txt", "auto", "text"), ("a.JSONL", "auto", "jsonl"), ("a.ndjson", "auto", "jsonl"),
     ("a.csv", "auto", "csv"), ("a.htm", "auto", "html"), ("a.html", "auto", "html"), ("-", "auto", "text"),
     ("a.txt", "jsonl", "jsonl"), ("-", "csv", "csv")],
)
def test_format_of(path, fmt, expected):
    assert format_of(path, InputOptions(input_format=fmt)) == expected


def test_unknown_input_format_is_refused():
    with pytest.raises(InputError, match="expected one of"):
        InputOptions(input_format="docx")


def test_walk_is_recursive_sorted_and_counts_what_the_glob_leaves_out(tmp_path):
    for name in ("b/2.txt", "a.txt", "b/1.txt", "b/c/3.txt", "notes.md", "b/img.png"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    matched, skipped = walk(str(tmp_path))
    assert [os.path.relpath(p, tmp_path) for p in matched] == ["a.txt", "b/1.txt", "b/2.txt", "b/c/3.txt"]
    assert sorted(os.path.basename(p) for p in skipped) == ["img.png", "notes.md"]
    matched, _ = walk(str(tmp_path), "*.md")
    assert [os.path.basename(p) for p in matched] == ["notes.md"]


def test_folder_paths_stay_relative_as_typed(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("x")
    monkeypatch.chdir(tmp_path)
    assert [s.path for s in plan_inputs(["docs/"]).sources] == ["docs/a.txt"]


def test_missing_path_is_an_input_error_before_any_reading():
    with pytest.raises(InputError, match="no-such.txt: no such file or folder"):
        plan_inputs(["no-such.txt"])


def test_jsonl_records_use_their_id_else_path_and_line(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a1", "text": "one"}),
        "",
        json.dumps({"text": "two\u2028still two"}),  # U+2028 must not split the record
        "{not json",
        json.dumps({"body": "no text field"}),
        json.dumps({"id": 7, "text": 5}),
        json.dumps(["a", "list"]),
        json.dumps({"id": 8, "text": "   "}),
    ]) + "\n", encoding="utf-8")
    items = list(read_articles([str(path)]))
    assert items[0] == Article("a1", "one")
    assert items[1] == Article(f"{path}:3", "two\u2028still two")
    assert items[2].id == f"{path}:4" and items[2].message.startswith("not JSON")
    assert items[3] == Note(f"{path}:5", "no 'text' field (fields: body)")
    assert items[4] == Note(f"{path}:6", "'text': expected text, got int")
    assert items[5] == Note(f"{path}:7", "expected a JSON object, got list")
    assert items[6] == Note("8", "empty text", "skipped")
    assert len(items) == 7


def test_jsonl_custom_fields(tmp_path):
    path = tmp_path / "dump.ndjson"
    path.write_text(json.dumps({"doc_id": "x", "content": "hello"}) + "\n")
    options = InputOptions(text_field="content", id_field="doc_id")
    assert list(read_articles([str(path)], options=options)) == [Article("x", "hello")]


def test_csv_records_with_long_cells_and_multiline_fields(tmp_path):
    long = "killed " * 40_000  # 280 kB, over the csv module's default 128 kB cell limit
    path = tmp_path / "a.csv"
    path.write_text(f'id,text\r\nr1,"line one\r\nline two"\r\nr2,{long}\r\n,no id here\r\n', encoding="utf-8")
    items = list(read_articles([str(path)]))
    assert items[0] == Article("r1", "line one\r\nline two")
    assert items[1].id == "r2" and len(items[1].text) == len(long)
    assert items[2] == Article(f"{path}:5", "no id here")


def test_csv_without_the_text_column_is_refused_before_work_listing_its_columns(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("unit_id,article_content\n1,x\n")
    with pytest.raises(InputError, match=r"no column 'text' \(columns: unit_id, article_content\)"):
        plan_inputs([str(path)])
    with pytest.raises(InputError, match="no column 'uid'"):
        plan_inputs([str(path)], InputOptions(text_field="article_content", id_field="uid"))
    plan = plan_inputs([str(path)], InputOptions(text_field="article_content", id_field="unit_id"))
    assert list(read_articles([], plan=plan, options=InputOptions(text_field="article_content",
                                                                  id_field="unit_id"))) == [Article("1", "x")]


def test_stdin_can_be_jsonl(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"text": "hi"}\n')))
    assert list(read_source(Source("-", "jsonl"), InputOptions())) == [Article("-:1", "hi")]


PAGE = """<!doctype html><html><head><title>Site | Story</title><style>p{color:red}</style>
<script>var x = "100 killed";</script></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><header><h1>Blast kills 12</h1></header>
<p>At least 12 people were killed &amp; 30&nbsp;wounded, police said.</p>
<figure><figcaption>Three children were hurt.</figcaption></figure>
<aside>Related: 500 dead elsewhere</aside>
<p>Second <b>paragraph</b>.</p></article>
<footer>© 2024 News Corp</footer></body></html>"""


def test_html_keeps_the_article_text_and_drops_boilerplate():
    text = html_text(PAGE)
    assert text == ("Blast kills 12\n\nAt least 12 people were killed & 30\xa0wounded, police said.\n\n"
                    "Three children were hurt.\n\nSecond paragraph.\n")


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("<html><body><nav>menu</nav><main><p>In main.</p></main><p>outside</p></body></html>", "In main.\n"),
        ("<html><body><header>Site</header><p>Body text.</p><footer>f</footer></body></html>", "Body text.\n"),
        ("just text, no tags", "just text, no tags\n"),
        ("<p>unclosed <b>tags<p>and more", "unclosed tags\n\nand more\n"),
        ("", ""),
    ],
)
def test_html_falls_back_from_article_to_main_to_body(page, expected):
    assert html_text(page) == expected


def test_html_file_is_read_as_its_main_text(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.encode("utf-8"))
    [article] = [a for a in read_articles([str(path)]) if isinstance(a, Article)]
    assert article.text.startswith("Blast kills 12")


def test_fakes_csv_reads_804_articles_and_says_it_was_not_utf8():
    path = str(needs_shared("data/fa-kes/fakes.csv"))
    options = InputOptions(text_field="article_content", id_field="unit_id")
    items = list(read_articles([path], options=options))
    notes = [i for i in items if isinstance(i, Note)]
    # FA-KES repeats 12 unit ids: the second note says how their claims are named apart.
    assert [n.kind for n in notes] == ["info", "info"] and "decoded as latin-1" in notes[0].message
    assert notes[1].message.startswith("12 repeated article ids")
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 804 and articles[0].id == "1914947530"


# Delimiters (issue 29): .tsv/.tab by extension, the delimiter sniffed from the header line,
# --delimiter to force it, and a usage error that names the delimiter it read with.
TSV_STORY = "Gunmen killed 12 people in the market, police said."


def _extract_ids(*args: str):
    from click.testing import CliRunner

    from casualty_cli.cli import main

    result = CliRunner().invoke(main, ["extract", *args, "--format", "csv", "--fields", "id,value", "--quiet"])
    return result, [line.split(",") for line in result.stdout.splitlines()[1:]]


@pytest.mark.parametrize("name, content, extra", [
    ("a.tsv", "id\ttext\nr1\t{s}\n", []),
    ("a.tab", "id\ttext\nr1\t{s}\n", []),
    ("a.csv", "id;text\nr1;{s}\n", []),
    ("a.csv", "id|text\nr1|\"{s}\"\n", []),
    ("a.csv", "id\ttext\nr1\t{s}\n", []),
    ("a.txt", "id;text\nr1;{s}\n", ["--input-format", "csv"]),
    ("a.dat", "id;text\nr1;{s}\n", ["--input-format", "csv", "--delimiter", ";"]),
    ("a.tsv", "\ufeffid\ttext\r\nr1\t{s}\r\n", ["--delimiter", "tab"]),
])
def test_delimiters_by_extension_sniffed_or_forced(name, content, extra, tmp_path):
    path = tmp_path / name
    path.write_text(content.format(s=TSV_STORY), encoding="utf-8")
    result, rows = _extract_ids(str(path), *extra)
    assert result.exit_code == 0, result.output
    assert rows == [["r1#1", "12"]]


def test_a_forced_delimiter_that_does_not_fit_names_the_one_it_read_with(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(f"id;text\nr1;{TSV_STORY}\n")
    result, _ = _extract_ids(str(path), "--delimiter", ",")
    assert result.exit_code == 2
    assert "(columns: id;text), read with delimiter ','" in result.stderr and "--delimiter" in result.stderr


@pytest.mark.parametrize("bad", ["xx", "a", '"', ""])
def test_a_delimiter_that_is_not_one_character_is_a_usage_error(bad, tmp_path):
    path = tmp_path / "a.tsv"
    path.write_text(f"id\ttext\nr1\t{TSV_STORY}\n")
    result, _ = _extract_ids(str(path), "--delimiter", bad)
    assert result.exit_code == 2 and "--delimiter" in result.stderr


def test_tolls_event_field_is_found_in_a_semicolon_csv(tmp_path):
    from click.testing import CliRunner

    from casualty_cli.cli import main

    path = tmp_path / "a.csv"
    path.write_text(f"id;incident;text\nr1;inc-9;{TSV_STORY}\n")
    result = CliRunner().invoke(main, ["tolls", str(path), "--event-field", "incident", "--format", "jsonl",
                                       "--quiet"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["event"] for line in result.stdout.splitlines()] == ["inc-9"]


# -- headlines (--title-field / --title-column) --------------------------------------------------

HEADLINE = "4 dead, 2 injured in a shooting at Northern Calif. tribal meeting"
BODY = "Four people were killed and two others wounded at a meeting of the Cedarville Rancheria."


@pytest.mark.parametrize(("record", "expected"), [
    ({"id": "a", "title": HEADLINE, "content": BODY}, f"{HEADLINE}\n\n{BODY}"),
    ({"id": "a", "content": BODY}, BODY),                            # no title in this record: fine
    ({"id": "a", "title": None, "content": BODY}, BODY),
    ({"id": "a", "title": "  ", "content": BODY}, BODY),             # a blank headline is none
    ({"id": "a", "title": 7, "content": BODY}, BODY),                # not text: no headline
    ({"id": "a", "title": HEADLINE, "content": ""}, f"{HEADLINE}\n\n"),  # the headline alone is read
])
def test_a_records_headline_is_its_first_line(record, expected, tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps({"id": "first", "title": "x", "content": "y"}) + "\n" + json.dumps(record) + "\n")
    options = InputOptions(text_field="content", title_field="title")
    items = list(read_articles([str(path)], options=options))
    assert items[1] == Article("a", expected)
    assert items[1].record == {k: v for k, v in record.items() if k == "title"}  # kept to name the article


def test_the_title_column_of_a_csv_is_kept_beside_the_carried_fields(tmp_path):
    path = tmp_path / "fakes.csv"
    path.write_text(f'unit_id,article_title,article_content,location\r\n7,"{HEADLINE}","{BODY}",Alturas\r\n')
    options = InputOptions(text_field="article_content", id_field="unit_id", title_field="article_title",
                           record_fields=("location",))
    (article,) = read_articles([str(path)], options=options)
    assert article.text == f"{HEADLINE}\n\n{BODY}"
    assert article.record == {"location": "Alturas", "article_title": HEADLINE}


@pytest.mark.parametrize(("name", "content", "message"), [
    ("a.csv", "id,text\n1,x\n", r"no column 'headline' \(columns: id, text\)"),
    ("a.jsonl", '{"id": 1, "text": "x"}\n{"id": 2, "text": "y"}\n',
     r"no record has the field 'headline' \(fields: id, text\)"),
    ("a.txt", "x", "--title-field applies to JSON Lines and CSV records, not to text input"),
    ("a.html", "<p>x</p>", "not to html input"),
])
def test_a_title_field_that_cannot_apply_is_refused_before_work(name, content, message, tmp_path):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(InputError, match=message):
        plan_inputs([str(path)], InputOptions(title_field="headline"))


def test_the_title_field_cannot_be_the_text_field():
    with pytest.raises(InputError, match="also the text field"):
        InputOptions(text_field="title", title_field="title")


@pytest.mark.parametrize(("start", "end", "title", "expected"), [
    (0, 1, HEADLINE, ("title", 0, 1)),
    (8, 9, HEADLINE, ("title", 8, 9)),
    (len(HEADLINE) + 2, len(HEADLINE) + 6, HEADLINE, ("text", 0, 4)),
    (5, 9, None, ("text", 5, 9)),
])
def test_in_record_maps_an_offset_back_to_its_field(start, end, title, expected):
    assert in_record(start, end, title) == expected

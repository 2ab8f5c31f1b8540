"""The spaCy component works in any spaCy program, and with spaCy's own features."""
from __future__ import annotations

import json
import re
from importlib.metadata import entry_points

import pytest
import spacy
from spacy.tokens import Doc, DocBin

from casualty_cli.attribution import doc_text
from casualty_cli.claims import Claim
from casualty_cli.errors import PipelineError

from .conftest import ROOT, SEEDS

TEXT = "At least 240 bodies have been pulled out from under the rubble, the chief of Mosul municipality said."


def test_component_sets_the_doc_extension(nlp):
    import casualty_cli.component  # noqa: F401  (registers the factory)

    pipe = nlp.add_pipe("casualty_claims", config={"article": "mosul"})
    try:
        doc = nlp(TEXT)
        claims = doc._.casualty_claims
        assert [(c.type, c.quantity, c.id) for c in claims] == [("killed", "At least 240", "mosul#1")]
        assert TEXT[claims[0].start : claims[0].end] == claims[0].quantity
        assert pipe.article == "mosul"
    finally:
        nlp.remove_pipe("casualty_claims")


def test_factory_is_an_entry_point():
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert "casualty_claims" in names


def test_bad_config_says_what_it_expected(nlp):
    from casualty_cli.component import CasualtyClaims

    with pytest.raises(ValueError, match="expected article to be a string, got int"):
        CasualtyClaims(nlp, "casualty_claims", 3)  # type: ignore[arg-type]


TEXTS = [
    "Gunmen killed 12 people and wounded 30 in the market, police said.",
    "Mosul\nAt least 240 bodies have been pulled out from under the rubble, the municipality said.",
    "Nothing happened today.",
]


@pytest.fixture
def claims_nlp(nlp):
    """The session pipeline with the component last; removed again afterwards."""
    nlp.add_pipe("casualty_claims", config={"article": "t"})
    yield nlp
    nlp.remove_pipe("casualty_claims")


def summary(doc: Doc) -> list[tuple[str, int, str]]:
    return [(c.type, c.value, doc.text[c.start : c.end]) for c in doc._.casualty_claims]


def test_claims_are_spacy_data(claims_nlp):
    doc = claims_nlp(TEXTS[0])
    assert summary(doc) == [("killed", 12, "12"), ("injured", 30, "30")]
    assert all(isinstance(c, Claim) for c in doc._.casualty_claims)
    assert [(s.text, s.label_) for s in doc.spans["casualty_claims"]] == [("12", "killed"), ("30", "injured")]
    assert all(isinstance(d, dict) for d in doc.user_data["casualty_claims"])
    assert "casualty_ents" not in doc.user_data


def test_to_bytes_round_trip(claims_nlp):
    doc = claims_nlp(TEXTS[1])
    back = Doc(claims_nlp.vocab).from_bytes(doc.to_bytes())
    assert back._.casualty_claims == doc._.casualty_claims
    assert [s.text for s in back.spans["casualty_claims"]] == ["At least 240"]


def test_docbin_with_user_data(claims_nlp):
    docs = list(claims_nlp.pipe(TEXTS))
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    back = list(DocBin().from_bytes(data).get_docs(claims_nlp.vocab))
    assert [summary(d) for d in back] == [summary(d) for d in docs]


def test_pipe_in_two_processes(claims_nlp):
    one = [summary(d) for d in claims_nlp.pipe(TEXTS)]
    two = [summary(d) for d in claims_nlp.pipe(TEXTS, n_process=2, batch_size=1)]
    assert two == one and one[0]


def test_to_disk_and_spacy_load(claims_nlp, tmp_path):
    claims_nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == claims_nlp.pipe_names
    assert summary(loaded(TEXTS[0])) == summary(claims_nlp(TEXTS[0]))


@pytest.fixture
def without_sentence_starts(nlp):
    """The session pipeline as spacy.load gives it: no casualty_sentences; put back after."""
    nlp.remove_pipe("casualty_sentences")
    yield nlp
    for name in ("casualty_claims", "casualty_sentences"):
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    nlp.add_pipe("casualty_sentences", before="parser")


def test_component_alone_gives_the_claims_of_the_cli(without_sentence_starts):
    """Added to a plain pipeline, the factory puts casualty_sentences before the parser itself."""
    nlp = without_sentence_starts
    golden = [json.loads(line) for line in (ROOT / "tests/golden/seeds.jsonl").read_text().splitlines()]
    nlp.add_pipe("casualty_claims")
    assert nlp.pipe_names.index("casualty_sentences") == nlp.pipe_names.index("parser") - 1
    assert nlp.pipe_names[-1] == "casualty_claims"
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        article = f"seeds/{path.name}"
        for claim in nlp(path.read_text(encoding="utf-8"))._.casualty_claims:
            data = claim.to_dict()
            data.update(id=data["id"].replace("-#", article + "#"), article=article,
                        part_of=data["part_of"] and data["part_of"].replace("-#", article + "#"))
            found.append(data)
    assert found == golden


@pytest.mark.parametrize("pipes, missing", [
    ([], "a parser, named entities (ner), lemmas (lemmatizer)"),
    (["sentencizer", "parser"], "named entities (ner), lemmas (lemmatizer)"),
])
def test_a_pipeline_without_parser_gets_one_clear_error(pipes, missing):
    blank = spacy.blank("en")
    for name in pipes:
        blank.add_pipe(name)
    with pytest.raises(PipelineError, match=re.escape(f"needs {missing} earlier")) as error:
        blank.add_pipe("casualty_claims")
    assert "E030" not in str(error.value)


def test_component_before_ner_says_what_it_lacks(nlp):
    nlp.add_pipe("casualty_claims", before="ner")
    try:
        with pytest.raises(PipelineError, match=r"needs named entities \(ner\)"):
            nlp(TEXTS[0])
    finally:
        nlp.remove_pipe("casualty_claims")


def test_the_readme_component_example_runs_as_written():
    """Run in a fresh interpreter, as a user would on a fresh install (and the session's pipeline stays clean)."""
    import re
    import subprocess
    import sys

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"Or use it as a spaCy component.*?```python\n(.*?)```", readme, re.S)
    assert block is not None
    done = subprocess.run([sys.executable, "-c", block.group(1)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Claim(id='-#1'" in done.stdout


def test_library_and_cli_share_one_loaded_pipeline(nlp):
    """`extract_claims()` (no name) and the CLI (`--model` unset: None) must not load the model twice."""
    from casualty_cli.pipeline import load_pipeline

    assert load_pipeline() is load_pipeline(None) is nlp


def test_doc_text_is_joined_once_per_doc(nlp):
    """Rules read the text around each count; `Doc.text` joins every token on each call."""
    doc = nlp.make_doc("Two people were killed. Three were wounded.")
    assert doc_text(doc) == doc.text
    assert doc.user_data["casualty_text"] is doc_text(doc)

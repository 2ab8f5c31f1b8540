"""The spaCy component works in any spaCy program, and with spaCy's own features."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib.metadata import entry_points

import pytest
import spacy
from spacy.tokens import Doc, DocBin

from casualty_cli.claims import Claim
from casualty_cli.errors import PipelineError
from casualty_cli.extract.attribution import doc_text

from .conftest import ROOT, SEEDS, SHARED

TEXT = "At least 240 bodies have been pulled out from under the rubble, the chief of Mosul municipality said."


def test_component_sets_the_doc_extension(nlp):
    import casualty_cli.extract.component  # noqa: F401  (registers the factory)

    pipe = nlp.add_pipe("casualty_claims", config={"article": "mosul"})
    try:
        doc = nlp(TEXT)
        claims = doc._.casualty_claims
        assert [(c.type, c.quantity, c.id) for c in claims] == [("killed", "At least 240", "mosul-1#1")]
        assert TEXT[claims[0].start : claims[0].end] == claims[0].quantity
        assert pipe.article == "mosul"
    finally:
        nlp.remove_pipe("casualty_claims")


def test_factory_is_an_entry_point():
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert "casualty_claims" in names


def test_bad_config_says_what_it_expected(nlp):
    from casualty_cli.extract.component import CasualtyClaims

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
    texts = [(f"seeds/{path.name}", path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))]
    assert _component_claims(nlp, texts) == golden


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
    assert "Claim(id='doc-1#1'" in done.stdout


def test_library_and_cli_share_one_loaded_pipeline(nlp):
    """`extract_claims()` (no name) and the CLI (`--model` unset: None) must not load the model twice."""
    from casualty_cli.extract.pipeline import shared_pipeline

    assert shared_pipeline() is shared_pipeline(None) is nlp


def test_load_pipeline_hands_out_a_pipeline_of_ones_own(nlp):
    """The README's snippet changes the pipeline it gets: ours stays as it was, and it runs twice."""
    from casualty_cli import load_pipeline

    names = list(nlp.pipe_names)
    for _ in range(2):
        mine = load_pipeline()
        assert mine is not nlp
        mine.add_pipe("casualty_claims")
        assert [c.value for c in mine("Gunmen killed 12 people.")._.casualty_claims] == [12]
    assert nlp.pipe_names == names


def test_doc_text_is_joined_once_per_doc(nlp):
    """Rules read the text around each count; `Doc.text` joins every token on each call."""
    doc = nlp.make_doc("Two people were killed. Three were wounded.")
    assert doc_text(doc) == doc.text
    assert doc.user_data["casualty_text"] is doc_text(doc)


def _component_claims(pipe, named_texts):
    """The claims `casualty_claims` finds, each document named by its article as the CLI names it."""
    out = []
    for name, text in named_texts:
        doc = pipe.make_doc(text)
        doc.user_data["casualty_article"] = name
        out += [c.to_dict() for c in pipe(doc)._.casualty_claims]
    return out


@pytest.fixture(scope="module")
def spacy_way():
    """A pipeline as a spaCy user builds it: `spacy.load` of the model, then `add_pipe`."""
    from casualty_cli.extract.pipeline import candidate_models

    for model in candidate_models():
        try:
            nlp = spacy.load(model)
        except OSError:
            continue
        nlp.add_pipe("casualty_claims")
        return nlp
    pytest.skip("no English model installed")


REFERENCED = "The flood left 37 people dead.[3][4] Another 120 were injured.[5]"


def test_the_component_splits_reference_marks_as_the_cli_does(spacy_way, full_extractor):
    assert [(c["value"], c["type"]) for c in _component_claims(spacy_way, [("w", REFERENCED)])] == \
        [(37, "killed"), (120, "injured")]
    assert _component_claims(spacy_way, [("w", REFERENCED)]) == \
        [c.to_dict() for c in full_extractor.extract(REFERENCED, "w")]


def test_ids_are_unique_across_documents(spacy_way):
    docs = list(spacy_way.pipe(["Gunmen killed 12 people.", "Rebels killed 5 soldiers."]))
    ids = [c.id for d in docs for c in d._.casualty_claims]
    assert len(ids) == len(set(ids)) == 2 and all(i.startswith("doc-") for i in ids)


def _dev_texts(tmp_path_factory, name):
    from .test_dev_sets import SETS

    gold_path, writer, _ = SETS[name]
    if not gold_path.exists() or not (SHARED / "data").exists():
        pytest.skip("../shared/data is not here")
    folder = tmp_path_factory.mktemp(name)
    subprocess.run([sys.executable, *writer, str(folder)], check=True, capture_output=True)
    return [(f.name, f.read_text(encoding="utf-8")) for f in sorted(folder.glob("*.txt"))]


@pytest.mark.slow
@pytest.mark.parametrize("name", ["dev", "wikimpacts"])
def test_spacy_load_and_add_pipe_find_what_extract_full_finds(spacy_way, full_extractor, tmp_path_factory, name):
    texts = _dev_texts(tmp_path_factory, name)
    cli = [c.to_dict() for _, claims in full_extractor.extract_many(texts) for c in claims]
    assert cli and _component_claims(spacy_way, texts) == cli


def test_a_saved_pipeline_loads_back_in_a_fresh_process(tmp_path):
    """`load_pipeline()` + the component, saved with `to_disk`, loads with `spacy.load` elsewhere and
    finds the same claims: every component we add has a factory entry point."""
    from casualty_cli import load_pipeline

    nlp = load_pipeline()
    nlp.add_pipe("casualty_claims")
    nlp.to_disk(tmp_path / "pipe")
    texts = [("seed", (SEEDS / "003_bc25c325cde308e9.txt").read_text(encoding="utf-8")), ("w", REFERENCED)]
    here = _component_claims(nlp, texts)
    code = ("import json, spacy, sys\n"
            f"nlp = spacy.load({str(tmp_path / 'pipe')!r})\n"
            "out = []\n"
            f"for name, text in {texts!r}:\n"
            "    doc = nlp.make_doc(text); doc.user_data['casualty_article'] = name\n"
            "    out += [c.to_dict() for c in nlp(doc)._.casualty_claims]\n"
            "print(json.dumps([nlp.pipe_names, out]))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    names, there = json.loads(done.stdout)
    assert names == nlp.pipe_names and there == here and len(here) > 2


def test_spacy_pays_little_for_our_entry_points():
    """Every `spacy.load` imports the modules our entry points name: they must stay light."""
    code = "import spacy; spacy.blank('en')"
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True,
                          timeout=120)
    ours = [line for line in done.stderr.splitlines() if "casualty_cli" in line]
    spent = sum(int(line.split("|")[0].split(":")[1]) for line in ours) / 1e6
    assert spent < 0.05, ours

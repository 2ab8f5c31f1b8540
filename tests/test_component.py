"""The spaCy component works in any spaCy program."""
from __future__ import annotations

from importlib.metadata import entry_points

import pytest

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

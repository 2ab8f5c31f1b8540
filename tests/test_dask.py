"""Dask: a 2-worker LocalCluster gives the claims of the single-process run, in order."""
from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import SEEDS

pytestmark = pytest.mark.model


def _corpus() -> list[tuple[str, str]]:
    seeds = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    return [(f"{i}-{a}", t) for i, (a, t) in enumerate(seeds * 2)]


@pytest.fixture(scope="module")
def client():
    pytest.importorskip("distributed")
    from casualty_cli.run.dask import connect

    with connect("local", workers=2) as c:
        yield c


def test_cluster_claims_equal_the_single_process_run(client, extractor):
    from casualty_cli.run import dask as cdask

    corpus = _corpus()
    expected = [(a, [c.to_dict() for c in claims]) for a, claims in extractor.extract_many(corpus)]
    got = [(a, [c.to_dict() for c in claims]) for a, claims in cdask.extract_many(client, corpus, in_flight=2)]
    assert got == expected
    assert sum(len(c) for _, c in got) > 0


def test_model_loads_once_per_worker(client):
    from casualty_cli.run import dask as cdask

    list(cdask.extract_many(client, _corpus()))
    loaded = client.run(lambda: len(__import__("casualty_cli.run.dask", fromlist=["_"])._EXTRACTORS))
    assert len(loaded) == 2 and all(n <= 1 for n in loaded.values())


def test_extract_bag_of_pairs_and_of_strings(client, extractor):
    import dask.bag as db

    from casualty_cli.run.dask import extract_bag

    corpus = _corpus()[:4]
    expected = [c.to_dict() for a, t in corpus for c in extractor.extract(t, a)]
    pairs = extract_bag(db.from_sequence(corpus, npartitions=2)).compute()
    assert pairs == expected
    texts = extract_bag(db.from_sequence([t for _, t in corpus], npartitions=2)).compute()
    assert [c["article"] for c in texts][:1] == ["0-0"]
    assert [c["quantity"] for c in texts] == [c["quantity"] for c in expected]


def test_importing_the_package_does_not_import_dask():
    code = "import casualty_cli, casualty_cli.run.runner, casualty_cli.cli, sys; assert 'dask' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_missing_dask_is_a_casualty_error(monkeypatch):
    from casualty_cli import CasualtyError
    from casualty_cli.run import dask as cdask

    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(CasualtyError, match=r"pip install 'casualty\[dask\]'"):
        cdask._require()


def test_the_parent_loads_no_model_for_dask(monkeypatch):
    """`--dask`: only the workers load the pipeline (here a fake cluster; loading would fail)."""
    from contextlib import nullcontext

    from click.testing import CliRunner

    from casualty_cli.cli import main
    from casualty_cli.extract import pipeline
    from casualty_cli.run import dask as cdask

    def no_model(*_args, **_kwargs):
        raise AssertionError("the parent loaded a model")

    monkeypatch.setattr(pipeline, "shared_pipeline", no_model)
    monkeypatch.setattr(cdask, "connect", lambda scheduler, workers: nullcontext("client"))
    monkeypatch.setattr(cdask, "extract_many", lambda client, articles, **kw: ((a, []) for a, _ in articles))
    result = CliRunner().invoke(main, ["extract", "seeds/", "--dask", "local", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert "articles read, 0 claims" in result.stderr

"""A worker killed mid-run (SIGKILL, as by the out-of-memory killer): the run ends, nothing else is lost."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from casualty_cli.cli import main

from .conftest import ROOT

pytestmark = pytest.mark.model

GOOD = "Gunmen killed 12 people and wounded 30 in the market, police said.\n"
CASUALTY = [sys.executable, "-c", "from casualty_cli.cli import main; main()"]


def _records(ids: list[str], text: str = GOOD) -> str:
    return "".join(json.dumps({"id": i, "text": text.replace("market", f"market {i}")}) + "\n" for i in ids)


def _articles(stdout: str) -> set[str]:
    return {json.loads(line)["article"] for line in stdout.splitlines()}


def _suicidal(monkeypatch, word: str) -> None:
    """In a worker, an article holding `word` kills its own process by SIGKILL, as the OOM killer would."""
    if "fork" not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip("the patch reaches workers only when they are forked")
    from casualty_cli.extract import extractor as extract

    real = extract.claims_in_doc

    def fatal(doc, *args, **kwargs):
        if word in doc.text:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(extract, "claims_in_doc", fatal)


def test_an_article_that_kills_its_worker_twice_fails_alone(tmp_path, monkeypatch):
    _suicidal(monkeypatch, "DEADLY")
    path = tmp_path / "dump.jsonl"
    path.write_text(_records(["a", "b"]) + _records(["x"], GOOD.replace("Gunmen", "DEADLY gunmen"))
                    + _records(["c", "d"]))
    result = CliRunner().invoke(main, ["extract", str(path), "--format", "jsonl", "--jobs", "2"])
    assert result.exit_code == 1, result.stderr
    assert "casualty: error: x: extraction failed: the worker process died twice on it, killed by SIGKILL" \
        in result.stderr
    assert "Traceback" not in result.stderr
    assert _articles(result.stdout) == {"a", "b", "c", "d"}
    assert "4 articles read, 8 claims, 0 inputs skipped, 1 failed" in result.stderr


def test_the_library_gives_the_dead_article_as_failed_and_the_rest_in_order(monkeypatch, extractor):
    from casualty_cli.errors import ArticleFailed
    from casualty_cli.run.runner import run

    _suicidal(monkeypatch, "DEADLY")
    articles = [(str(i), GOOD.replace("Gunmen", "DEADLY gunmen") if i == 3 else GOOD) for i in range(6)]
    out = list(run(articles, extractor=extractor, jobs=2))
    assert [a for a, _ in out] == [str(i) for i in range(6)]
    assert [isinstance(o, ArticleFailed) for _, o in out] == [i == 3 for i in range(6)]


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def test_a_worker_killed_from_outside_is_replaced_and_its_chunk_retried(tmp_path):
    if not sys.platform.startswith("linux"):
        pytest.skip("finds the workers through /proc")
    ids = [f"r{i}" for i in range(1500)]  # six chunks: a worker is still busy after the first comes back
    dump = tmp_path / "many.jsonl"
    dump.write_text(_records(ids))
    proc = subprocess.Popen([*CASUALTY, "extract", str(dump), "--format", "jsonl", "--jobs", "2"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()  # work has begun
    workers = _children(proc.pid)
    assert workers
    os.kill(workers[0], signal.SIGKILL)
    rest = proc.stdout.read()  # not communicate(): it would skip what readline() buffered
    stderr = proc.stderr.read()
    proc.wait(timeout=600)
    assert proc.returncode == 0, stderr.decode()
    assert b"Traceback" not in stderr
    lines = (first + rest).decode().splitlines()
    assert len(lines) == 3000  # none twice: a worker forked mid-run must not write the parent's buffer again
    assert _articles((first + rest).decode()) == set(ids)
    assert "1500 articles read, 3000 claims" in stderr.decode()


def test_sigterm_ends_the_run_while_a_worker_is_dead(tmp_path):
    if not sys.platform.startswith("linux"):
        pytest.skip("finds the workers through /proc")
    dump = tmp_path / "many.jsonl"
    dump.write_text(_records([f"r{i}" for i in range(1500)]))
    proc = subprocess.Popen([*CASUALTY, "extract", str(dump), "--format", "jsonl", "--jobs", "2"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    assert proc.stdout is not None
    proc.stdout.readline()
    workers = _children(proc.pid)
    os.kill(workers[0], signal.SIGKILL)
    os.kill(proc.pid, signal.SIGTERM)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 143, stderr.decode()
    assert b"Traceback" not in stderr


def _patch_workers(word: str) -> None:
    """Run in each Dask worker: an article holding `word` kills the worker's process by SIGKILL."""
    from casualty_cli.extract import extractor as extract

    real = extract.claims_in_doc

    def fatal(doc, *args, **kwargs):
        if word in doc.text:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(doc, *args, **kwargs)

    extract.claims_in_doc = fatal


@pytest.mark.parametrize("allowed_failures", [3, 0])
def test_a_dask_worker_killed_mid_chunk_is_retried_or_its_chunk_failed(monkeypatch, allowed_failures):
    """Dask retries the chunk on a fresh worker (the nanny restarts the dead one, unpatched); with no
    retry allowed, the chunk's articles fail and the other chunks' claims still come."""
    pytest.importorskip("distributed")
    import dask

    from casualty_cli.errors import ArticleFailed
    from casualty_cli.extract import work
    from casualty_cli.run.dask import connect, extract_many

    monkeypatch.setattr(work, "CHUNK_ARTICLES", 2)
    articles = [(str(i), GOOD.replace("Gunmen", "DEADLY gunmen") if i == 2 else GOOD) for i in range(6)]
    with dask.config.set({"distributed.scheduler.allowed-failures": allowed_failures}), \
            connect("local", workers=2) as client:
        client.run(_patch_workers, "DEADLY")
        out = list(extract_many(client, articles, in_flight=2))
    assert [a for a, _ in out] == [str(i) for i in range(6)]
    failed = [isinstance(o, ArticleFailed) for _, o in out]
    assert failed == ([False] * 6 if allowed_failures else [False, False, True, True, False, False])
    assert all(len(o) == 2 for _, o in out if not isinstance(o, ArticleFailed))

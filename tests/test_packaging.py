"""Packaging and command-line conventions: what pip, pipx and a shell see."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
from importlib.metadata import version

import pytest
from click.testing import CliRunner

import casualty_cli
from casualty_cli import cli
from casualty_cli.cli import options as cli_options

from .conftest import ROOT

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_license_is_an_spdx_expression_with_its_file():
    assert PYPROJECT["license"] == "MIT"
    assert PYPROJECT["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_version_has_one_source():
    assert "version" not in PYPROJECT and PYPROJECT["dynamic"] == ["version"]
    assert version("casualty") == casualty_cli.__version__


def test_classifiers_and_no_invented_urls():
    assert "Programming Language :: Python :: 3 :: Only" in PYPROJECT["classifiers"]
    # The project has no public home yet: project URLs are added with the real one, never guessed.
    assert "urls" not in PYPROJECT


def test_constraints_pin_every_dependency():
    lines = [line for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines and all("==" in line for line in lines), "every line is NAME==VERSION"
    pinned = {line.split("==")[0].lower().replace("_", "-") for line in lines}
    wanted = [*PYPROJECT["dependencies"], *PYPROJECT["optional-dependencies"]["test"]]
    named = {re.split(r"[<>=!~\[ ;]", d, maxsplit=1)[0].lower().replace("_", "-") for d in wanted}
    assert {"python-dateutil", "trafilatura"} <= named and named <= pinned, named - pinned
    assert "casualty" not in pinned


@pytest.mark.parametrize("args", [["-h"], ["--help"], ["extract", "-h"], ["evaluate", "-h"], ["schema", "-h"]])
def test_short_and_long_help(args):
    result = CliRunner().invoke(cli.main, args)
    assert result.exit_code == 0 and result.stdout.startswith("Usage:")


def test_model_option_reads_casualty_model_and_says_so(monkeypatch):
    assert "env var: CASUALTY_MODEL" in CliRunner().invoke(cli.main, ["extract", "-h"]).stdout
    seen = []
    monkeypatch.setattr(cli_options, "extractor", lambda model, full: seen.append(model) or sys.exit(0))
    CliRunner().invoke(cli.main, ["extract", "seeds/"], env={"CASUALTY_MODEL": "xx_my_model"})
    CliRunner().invoke(cli.main, ["extract", "seeds/", "--model", "yy_other"], env={"CASUALTY_MODEL": "xx_my_model"})
    assert seen == ["xx_my_model", "yy_other"]


def test_shell_completion_script():
    env = {**os.environ, "_CASUALTY_COMPLETE": "bash_source"}
    done = subprocess.run([sys.executable, "-c", "from casualty_cli.cli import main; main(prog_name='casualty')"],
                          env=env, capture_output=True, text=True)
    assert "_casualty_completion" in done.stdout, done.stderr


def test_sdist_leaves_tests_out(tmp_path):
    """The sdist is the package: tests need seeds/ and a model, so they stay in the repository."""
    setuptools = pytest.importorskip("setuptools")
    if int(setuptools.__version__.split(".")[0]) < 77:
        pytest.skip("SPDX license expressions need setuptools >= 77")
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".*", "__pycache__", "*.egg-info", "build"))
    build = "from setuptools import build_meta; print(build_meta.build_sdist('..'))"
    done = subprocess.run([sys.executable, "-c", build], cwd=src, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "warning" not in done.stderr.lower(), done.stderr
    with tarfile.open(tmp_path / done.stdout.strip().splitlines()[-1]) as sdist:
        names = sdist.getnames()
    assert not [n for n in names if "/tests/" in n or "/seeds/" in n]
    assert any(n.endswith("/LICENSE") for n in names) and any(n.endswith("casualty_cli/cli/__init__.py") for n in names)

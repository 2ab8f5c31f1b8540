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

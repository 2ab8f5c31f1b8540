#!/usr/bin/env python3
"""Write the Wikipedia disaster articles of tests/dev/wikimpacts.jsonl to a folder.

    python3 tests/dev/wikimpacts_texts.py DIR [--data PATH]

The texts are the `text` field of ../shared/data/wikimpacts-dev/articles.jsonl
(relative to the repository; override with --data), written unchanged as
"wikimpacts-<id>.txt", so offsets in wikimpacts.jsonl are Python str offsets
into these files. Only ids and a sha256 of each text are stored here: the
texts (CC BY-SA, with a CC BY-NC data set around them) are not copied into the
project. Every text is checked against its sha256 before anything is written.
If the data folder is absent, a message goes to stderr, nothing is written and
the exit status is 0 (a checkout without the data is not an error).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extra_texts import build as build_texts  # noqa: E402  (one reader and writer for every labelled set)
from extra_texts import main as write_texts  # noqa: E402

# (dataset, id, sha256 of the UTF-8 text); the file name is "wikimpacts-<id>.txt".
ARTICLES = [
    ("wikimpacts", "Zip9CtB", "867c5beca5f7e8ddf4b810de1cf8c7cc8dcde4b2ce421af89a4a9366a229bcb3"),  # tornado outbreak
    ("wikimpacts", "JPQGWzd", "553c347fc4a152da40772481431718d3099c80c0ea73f6fcbbb0725f8e68d009"),  # wildfire
    ("wikimpacts", "P8SqLdh", "931221e8504cb655a4f8a52bedf135952babc87ab3d186181f6c6425d0c97e00"),  # thunderstorms
    ("wikimpacts", "gmm85oF", "821d98356ccfd3de939e7babf442cecb934102360696e60d63936252a51b1c6f"),  # flash flood
    ("wikimpacts", "euvNjqT", "e715335268d93a95281ed6eb2f7a065d302fe5fce3d85c196912c0c576d37f40"),  # drought
    ("wikimpacts", "sk4QAb5", "4d6b76389181e203fc8f6605159c84b2fff83371a98f7f7baec137cc18a686c1"),  # wildfire
    ("wikimpacts", "ZRieM39", "5bcff6a823fde130643ec407604a6d9905454b27972ad06ac2e16a64574ff371"),  # river floods
    ("wikimpacts", "NKjNgKy", "854511b18c6c653f04936af74ecb7577966b2d855ae7fad97e03b5c6ef7aa32f"),  # hurricane (1775)
    ("wikimpacts", "C4J4mo6", "faa2ea359e794caf2447bca486ab3e2e484fcc8cd6060d53a096eba4382cd1f9"),  # typhoon
    ("wikimpacts", "faKeQiA", "a620870826852f57de3dedb16fbd9592684d43de715e520a23c4271c7b4c8c72"),  # monsoon floods
    ("wikimpacts", "Lk9DQAm", "62c50b256d3db4a0b4551b54d9dccd44ce4e641d5f2ff576e1e8745b8ee0591d"),  # cyclone
    ("wikimpacts", "VBe7aEh", "31934c44241eb46dea317c469dc55ba138526ef24c232aa732dbc0011124c668"),  # hurricane
    ("wikimpacts", "DJcGse3", "c8f201171ae965cb47391b8d05070a8c04f40dd7dff183878a5f44fd40eb7175"),  # wildfire
    ("wikimpacts", "eoApPLS", "0a0aaf8d94ff709608ee4660db0e0b433174fd812f347a5c736fcd6f6beddc01"),  # cyclone
    ("wikimpacts", "dCBLBht", "2a44556d160a1d4a32a8c02973bb06455be1a78e3d43c5baf0e96bd755b4cb80"),  # heat waves
    ("wikimpacts", "U8NCPRY", "06ccb0bb5690c5a029b7316e0d5edd8624598ad2bb7b45a19c857b2037a2eaa9"),  # heat wave
    ("wikimpacts", "biAizuc", "5f432e9cd6b0b5549426bf83dcc2e2a7eb18c6453c4040e0abffce36ecaf69c7"),  # wildfire
    ("wikimpacts", "8BwkFwh", "e022b597fc74b21826d38388d556673759e21f0efdb8a469a34c97d44ff852bf"),  # tropical storm
    ("wikimpacts", "8Lbci8N", "034bb96814a1d9bc97cf95b978fcb3ace9d2f2f2e43141e3b3f823b8f33a4a78"),  # 9 countries
]


def build(data: Path) -> dict[str, str]:
    """File name -> text for every article; raise ValueError on a missing or changed text."""
    return build_texts(data, ARTICLES)


def main(argv: list[str] | None = None) -> int:
    return write_texts(argv, articles=ARTICLES, prog="wikimpacts_texts.py", doc=__doc__)


if __name__ == "__main__":
    sys.exit(main())

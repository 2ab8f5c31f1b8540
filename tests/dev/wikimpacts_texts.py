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

import argparse
import hashlib
import json
import sys
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

# (Wikimpacts event id, sha256 of the UTF-8 text); file name is "wikimpacts-<id>.txt".
ARTICLES = [
    ("Zip9CtB", "867c5beca5f7e8ddf4b810de1cf8c7cc8dcde4b2ce421af89a4a9366a229bcb3"),  # tornado outbreak
    ("JPQGWzd", "553c347fc4a152da40772481431718d3099c80c0ea73f6fcbbb0725f8e68d009"),  # wildfire
    ("P8SqLdh", "931221e8504cb655a4f8a52bedf135952babc87ab3d186181f6c6425d0c97e00"),  # thunderstorms
    ("gmm85oF", "821d98356ccfd3de939e7babf442cecb934102360696e60d63936252a51b1c6f"),  # flash flood
    ("euvNjqT", "e715335268d93a95281ed6eb2f7a065d302fe5fce3d85c196912c0c576d37f40"),  # drought
    ("sk4QAb5", "4d6b76389181e203fc8f6605159c84b2fff83371a98f7f7baec137cc18a686c1"),  # wildfire
    ("ZRieM39", "5bcff6a823fde130643ec407604a6d9905454b27972ad06ac2e16a64574ff371"),  # river floods
    ("NKjNgKy", "854511b18c6c653f04936af74ecb7577966b2d855ae7fad97e03b5c6ef7aa32f"),  # hurricane (1775)
    ("C4J4mo6", "faa2ea359e794caf2447bca486ab3e2e484fcc8cd6060d53a096eba4382cd1f9"),  # typhoon
    ("faKeQiA", "a620870826852f57de3dedb16fbd9592684d43de715e520a23c4271c7b4c8c72"),  # monsoon floods
    ("Lk9DQAm", "62c50b256d3db4a0b4551b54d9dccd44ce4e641d5f2ff576e1e8745b8ee0591d"),  # cyclone
    ("VBe7aEh", "31934c44241eb46dea317c469dc55ba138526ef24c232aa732dbc0011124c668"),  # hurricane
    ("DJcGse3", "c8f201171ae965cb47391b8d05070a8c04f40dd7dff183878a5f44fd40eb7175"),  # wildfire
    ("eoApPLS", "0a0aaf8d94ff709608ee4660db0e0b433174fd812f347a5c736fcd6f6beddc01"),  # cyclone
    ("dCBLBht", "2a44556d160a1d4a32a8c02973bb06455be1a78e3d43c5baf0e96bd755b4cb80"),  # heat waves
    ("U8NCPRY", "06ccb0bb5690c5a029b7316e0d5edd8624598ad2bb7b45a19c857b2037a2eaa9"),  # heat wave
    ("biAizuc", "5f432e9cd6b0b5549426bf83dcc2e2a7eb18c6453c4040e0abffce36ecaf69c7"),  # wildfire
    ("8BwkFwh", "e022b597fc74b21826d38388d556673759e21f0efdb8a469a34c97d44ff852bf"),  # tropical storm
    ("8Lbci8N", "034bb96814a1d9bc97cf95b978fcb3ace9d2f2f2e43141e3b3f823b8f33a4a78"),  # floods in nine countries
]


def build(data: Path) -> dict[str, str]:
    """File name -> text for every article; raise ValueError on a missing or changed text."""
    pool = {}
    with open(data / "wikimpacts-dev" / "articles.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            pool[d["id"]] = d["text"]
    out, problems = {}, []
    for ident, sha in ARTICLES:
        name = f"wikimpacts-{ident}.txt"
        text = pool.get(ident)
        if text is None:
            problems.append(f"{name}: id {ident!r} not found in wikimpacts-dev/articles.jsonl")
        elif hashlib.sha256(text.encode("utf-8")).hexdigest() != sha:
            problems.append(f"{name}: text differs from the one labelled (sha256 mismatch)")
        else:
            out[name] = text
    if problems:
        raise ValueError("\n".join(problems))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", help="folder to write the article texts to")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA,
                    help=f"the shared data folder (default: {DEFAULT_DATA})")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"wikimpacts_texts.py: data folder {args.data} not found; nothing written "
              "(pass --data PATH to point at ../shared/data)", file=sys.stderr)
        return 0
    try:
        texts = build(args.data)
    except (OSError, ValueError) as err:
        print(f"wikimpacts_texts.py: {err}", file=sys.stderr)
        return 1
    out = Path(args.dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (out / name).write_text(text, encoding="utf-8", newline="")
    print(f"wikimpacts_texts.py: wrote {len(texts)} articles to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Write the 24 articles of tests/dev/extra.jsonl to a folder.

    python3 tests/dev/extra_texts.py DIR [--data PATH]

The texts are read from the public data sets in ../shared/data (relative to
the repository; override with --data) exactly as ../shared/tools/dev_texts.py
builds them, so offsets in extra.jsonl are Python str offsets into these files.
Only ids and a sha256 of each text are stored here: no article text is copied
into the project. Every text is checked against its sha256 before anything is
written. If the data folder is absent, a message goes to stderr, nothing is
written and the exit status is 0 (so a checkout without the data is not an error).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import sys
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

# (dataset, id, sha256 of the UTF-8 text); file name is "<dataset>-<id>.txt".
ARTICLES = [
    ("fakes", "1965511185", "81d56fe79d4d0e331ea6da4bc3683a8eba7a198c14db06ed22a1704b96b84462"),
    ("fakes", "1926479024", "e3070272e8919b9edbb987eedf6a0fce8e1c2d1501af9d1e1f033f96491990a6"),
    ("fakes", "1926479156", "c3472428c43e520f783010fadc204ecfa66091cfb64acf9ea2ffc7e518a7b816"),
    ("fakes", "1965511171", "7a6d1dd6774faa51fd86b96809a6b518bdb85dec930e6250edc017d8acfc93b6"),
    ("fakes", "1923102866", "aa0f10d0e5ccf70330e653e4b3d47f7884fe44018fdefc8231097cb6ce61cf13"),
    ("fakes", "1923848186", "61c3e43494894bf63509f35f565b25960a014a787e90f5a611966087e035f22c"),
    ("fakes", "1962495639", "a41f082f666779ccc3e88d3aadc27af619e4815448d4adf09f9ab48253df8367"),
    ("fakes", "1924058195", "d9a1f0ce688eed4c21b98a418e6555d746a1bc056d1c51429cc11260687b7dac"),
    ("gva", "6fa775407d6b9d98ccff24388a12c30c", "f1c184888265be782ce797866ea5a5584ab1be831d7ccd9bbb1936de2a38da50"),
    ("gva", "73fa77f34714081cf86c118af50123ef", "5c8ec3bcd815cda469ef69118058ac133578fb09921ed38d31d628d6f244b097"),
    ("gva", "84e7605bfbedb89a061745c28c7a6fce", "707e8972a9c2f8af0ec645c7e49ce4447503914a919cb3b98975f7708f49d6fa"),
    ("gva", "b75d569c72a827e86eac3423c2559a7d", "a91d8a0d30c132db7246ddba59c6af58137fabd6ca2b7b035d4db899c01f4d33"),
    ("gva", "db60e09613f2347cb723e23ea1a05dd6", "07b56b2fac70bb24e0326b4266ea3bce4d74e2bae9c7a9e59220f3a97f8ae315"),
    ("gva", "5ae549c18a8c71ca742beafb2e14a883", "e009e29012c9ef4b55ad2ca59ccb1c6190962443eb7fe930fc6533b0c2cc481f"),
    ("gva", "2d1838df7aa757ec6860d07e8a01664f", "1b1f7b671f1a87112a1742c94867eebd6e689b86f8c7956e3afead1149f1b236"),
    ("gva", "0cce0db802c5650b7773d8e9de82eb23", "3584ab874f94afaca52377b8e4f2541dcb15873fed7a564ae9dafd55ac7cc93d"),
    ("airwars", "ispt240724e", "8352fa4c87a2fcf29252751242ecf4b5aa25ee739d120b832f9dd897dfb3b63b"),
    ("airwars", "ispt0351", "948de11772258d4923f456ae248f2888f6e015e35dfe44fea548e759433965c3"),
    ("airwars", "ispt0288", "b3d233937289aa33c5cc466acab6fa5d87df65c75f3b4b894eb968707c5cb9b6"),
    ("airwars", "ispt0290", "9608bd81392629100332035a11f64cd5b13be91a55e0195d7a43bd78748630ff"),
    ("airwars", "ispt0596", "ba8d1176bbe2d3411c29329a73fae601b9f57170547cea712083db20aac7b59d"),
    ("airwars", "ispt0144", "794647d7526d4d3106b7789c99a3e4df01af779760585fe3065b82eabd796093"),
    ("airwars", "ispt0418", "e7f844115eb7cc81d53f7deca70cd31c709b9a6dddf2122db75b5444e8250da0"),
    ("airwars", "ispt0195", "3823867f2c2a644caff25df9294c14a379456dd64647dd2b1fded71933ee6f54"),
]


def _jsonl(path: Path, id_key: str, text_key: str) -> dict[str, str]:
    texts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            texts[d[id_key]] = d[text_key]
    return texts


def load_gva(data: Path) -> dict[str, str]:
    return _jsonl(data / "gva-semeval2018-task5" / "documents.jsonl", "doc_id", "content")


def load_airwars(data: Path) -> dict[str, str]:
    return _jsonl(data / "airwars-gaza-2023" / "incidents_parsed.jsonl", "incident_id", "assessment")


def load_fakes(data: Path) -> dict[str, str]:
    # latin-1, as dev_texts.py reads it, so the text (and its offsets) is the same.
    raw = (data / "fa-kes" / "fakes.csv").read_bytes().decode("latin-1")
    return {r["unit_id"]: r["article_content"] for r in csv.DictReader(io.StringIO(raw))}


def load_wikimpacts(data: Path) -> dict[str, str]:
    return _jsonl(data / "wikimpacts-dev" / "articles.jsonl", "id", "text")


LOADERS = {"gva": load_gva, "airwars": load_airwars, "fakes": load_fakes, "wikimpacts": load_wikimpacts}


def build(data: Path, articles: list[tuple[str, str, str]] = ARTICLES) -> dict[str, str]:
    """File name -> text for every article; raise ValueError on a missing or changed text."""
    pools = {name: LOADERS[name](data) for name in sorted({dataset for dataset, _, _ in articles})}
    out, problems = {}, []
    for dataset, ident, sha in articles:
        name = f"{dataset}-{ident}.txt"
        text = pools[dataset].get(ident)
        if text is None:
            problems.append(f"{name}: id {ident!r} not found in the {dataset} data")
        elif hashlib.sha256(text.encode("utf-8")).hexdigest() != sha:
            problems.append(f"{name}: text differs from the one labelled (sha256 mismatch)")
        else:
            out[name] = text
    if problems:
        raise ValueError("\n".join(problems))
    return out


def main(argv: list[str] | None = None, *, articles: list[tuple[str, str, str]] = ARTICLES,
         prog: str = "extra_texts.py", doc: str = __doc__) -> int:
    """The command line of this script and of wikimpacts_texts.py: one writer for every labelled set."""
    ap = argparse.ArgumentParser(prog=prog, description=doc.splitlines()[0])
    ap.add_argument("dir", help="folder to write the article texts to")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA,
                    help=f"the shared data folder (default: {DEFAULT_DATA})")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"{prog}: data folder {args.data} not found; nothing written "
              "(pass --data PATH to point at ../shared/data)", file=sys.stderr)
        return 0
    try:
        texts = build(args.data, articles)
    except (OSError, ValueError) as err:
        print(f"{prog}: {err}", file=sys.stderr)
        return 1
    out = Path(args.dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (out / name).write_text(text, encoding="utf-8", newline="")
    print(f"{prog}: wrote {len(texts)} articles to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

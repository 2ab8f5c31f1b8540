"""`make bench`, scaling part (issue 28): the work of `tolls` per event and of the text rules grows with
the input, not with its square. Each check runs a 1x and a 10x input and prints the CPU-time ratio
(about 10 is linear, about 100 quadratic); a ratio over 25 fails the run.

- claims per event: one article of 400 and of 4,000 synthetic claims (varied figures, sources and
  wording: early reports, updates, parts, hospitals) through `build_tolls`;
- token length: an article holding a 6 KB and a 60 KB base64 token (no spaces) through the extraction's
  pre-parse scan (`plan_windows`).
"""
from __future__ import annotations

import base64
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casualty_cli.extract.scan import plan_windows  # noqa: E402
from casualty_cli.tolls.rules import build_tolls  # noqa: E402

LIMIT = 25.0
SOURCES = ["police", "the health ministry", "Reuters", "a hospital official", "the mayor", None, None]
WORDING = ["{q} people were killed in the attack, {s} said.", "The toll initially stood at {q}, {s} said.",
           "The death toll later rose to {q}, according to {s}.", "{q} children were among the dead.",
           "{q} people were killed at a hospital in the city.", "Another {q} people were killed nearby.",
           "At least {q} people were wounded, {s} said.", "Fatalities: {q}"]


def claims(n: int, seed: int = 7) -> list[dict]:
    """`n` claims of one article, drawn from a fixed mix of figures, sources and sentences."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        value = rng.choice([3, 4, 5, 12, 14, 20, 40, 41, 52, 100, 240, 500])
        template = rng.randrange(len(WORDING))
        source = rng.choice(SOURCES)
        sentence = WORDING[template].format(q=value, s=source or "officials")
        out.append({"id": f"big#{i + 1}", "article": "big", "type": "injured" if template == 6 else "killed",
                    "value": value, "low": value, "high": value, "qualifier": "exact", "quantity": str(value),
                    "victims": "children" if template == 3 else "people", "source": source, "via": None,
                    "part_of": None, "superseded_by": None, "sentence": sentence, "start": 300 * i,
                    "end": 300 * i + 2})
    return out


def token_article(size: int) -> str:
    token = base64.b64encode(random.Random(size).randbytes(size * 3 // 4)).decode()[:size]
    return f"A man was shot and killed on Monday, police said. {token} A woman was wounded.\n"


def cpu(work: Callable[[], object]) -> float:
    """CPU seconds of `work`, fastest of three runs."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def ratio(name: str, small: Callable[[], object], large: Callable[[], object]) -> float:
    a, b = cpu(small), cpu(large)
    r = b / max(a, 1e-6)
    print(f"{name}: 1x {a:.3f}s, 10x {b:.3f}s, ratio {r:.1f} (linear ~10, quadratic ~100; limit {LIMIT:.0f})",
          flush=True)
    return r


def main() -> int:
    few, many = claims(400), claims(4000)
    short, long = token_article(6_000), token_article(60_000)
    results = {
        "claims_per_event": ratio("tolls, claims per event", lambda: list(build_tolls(few)),
                                  lambda: list(build_tolls(many))),
        "token_scan": ratio("scan, token length", lambda: plan_windows(short), lambda: plan_windows(long)),
    }
    (ROOT / "bench/scale_results.json").write_text(json.dumps({k: round(v, 1) for k, v in results.items()},
                                                              indent=2) + "\n", encoding="utf-8")
    return 0 if all(r <= LIMIT for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())

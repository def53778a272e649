"""Score the time component on TimeBank (TempEval-3 training data), the development set.

The normalizer is tuned here, never on the platinum test set (``benchmarks/tempeval3.py``);
scoring is the same: relaxed and strict extent F1, and value F1 (extents overlap and the
TIMEX3 value equals the gold one). Every figure is in-sample::

    .venv/bin/python benchmarks/timebank.py [--data DIR] [--errors]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tempeval3 import run  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    return run(argv, folder_name="timebank", label="TimeBank (development, in-sample)",
               description=__doc__.splitlines()[0])


if __name__ == "__main__":
    raise SystemExit(main())

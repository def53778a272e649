"""The PLOVER scorer's reading of the gold's actor codes (made-up records, no gold text)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _plover():
    spec = importlib.util.spec_from_file_location("plover_scorer", ROOT / "benchmarks" /
                                                  "plover.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("plover_scorer", module)
    spec.loader.exec_module(module)
    return module


def test_older_country_codes_read_as_iso():
    plover = _plover()
    assert plover.codes([{"code": "JAP"}, {"code": "ITL"}]) == {"JPN", "ITA"}
    assert plover.codes([{"code": "VTN"}]) == {"VNM"}
    assert plover.codes([{"code": "FRA"}]) == {"FRA"}


def test_codes_of_no_state_are_dropped():
    plover = _plover()
    actors = [{"code": code} for code in ("IGO", "NGO", "IMG", "ISM", "***")]
    assert plover.codes(actors) == set()
    assert plover.codes([{"code": "IMG"}, {"code": "USA"}]) == {"USA"}
    assert plover.codes("") == set()

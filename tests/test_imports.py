"""The dependency points one way: extraction never imports the dashboard's libraries."""

import subprocess
import sys


def test_imports_extraction_does_not_pull_in_streamlit_plotly_or_pandas():
    code = (
        "import sys, extraction, extraction.pipeline, extraction.cli, extraction.textio\n"
        "bad = [m for m in ('streamlit', 'plotly', 'pandas', 'dashboard') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert proc.stdout.strip() == ""

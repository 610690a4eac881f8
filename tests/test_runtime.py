"""What the installed package promises about its environment."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

NO_NETWORK = """
import sys
def refuse(event, args):
    if event.startswith(("socket.", "urllib.", "http.")) and event != "socket.__new__":
        raise RuntimeError("network access at run time: " + event)
    if event == "socket.__new__" and args[1] in (2, 10):  # AF_INET, AF_INET6
        raise RuntimeError("network socket opened at run time")
sys.addaudithook(refuse)
from pressparse.cli import main
sys.argv = ["pressparse", "extract", *sys.argv[1:], "-o", "-", "-q", "-w", "1"]
main()
"""


def test_extracting_opens_no_network_socket() -> None:
    proc = subprocess.run([sys.executable, "-c", NO_NETWORK, str(SAMPLES)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.count('"kind":"record"') == 2


def test_pdfminer_is_not_affected_by_cve_2025_64512() -> None:
    assert version("pdfminer.six") >= "20251107"

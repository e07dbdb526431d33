"""Makes the harness package importable for every test module in this folder."""

import sys
from pathlib import Path

HARNESS_DIR = Path(__file__).resolve().parent.parent
if str(HARNESS_DIR) not in sys.path:
    sys.path.insert(0, str(HARNESS_DIR))

# Projects other tests copy and run (some of their tests fail on purpose): never collected themselves.
collect_ignore = ["fixtures"]

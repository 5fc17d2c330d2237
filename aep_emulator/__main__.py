"""``python -m aep_emulator``."""

import sys

from aep_emulator.cli import main

sys.exit(main())

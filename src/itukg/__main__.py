"""Run the ``itukg`` command: ``python -m itukg``."""

import sys

from itukg.cli import main

sys.exit(main())

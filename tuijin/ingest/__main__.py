"""`python -m tuijin.ingest FILE... --out DIR` (the same as `tuijin extract`)."""

import sys

from .cli import main

sys.exit(main())

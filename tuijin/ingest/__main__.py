"""`python -m tuijin.ingest FILE... --out DIR` (the same as `tuijin extract`)."""

import os
import sys

from .cli import main

code = main(exiting=True)
# Every output file is closed by now. Leave without the interpreter's teardown, which would
# walk and free, object by object, the heap of a long document that the system frees at once.
sys.stdout.flush()
sys.stderr.flush()
os._exit(code)

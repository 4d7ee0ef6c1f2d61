"""`python -m tuijin.ingest FILE... --out DIR` (the same as `tuijin extract`)."""

from .cli import run_and_exit

run_and_exit()

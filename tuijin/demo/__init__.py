"""The demo region: a Lanzhou-like city loaded by `tuijin demo` (see loader.py, data/, plan.txt)."""

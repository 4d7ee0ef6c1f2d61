"""The queue's entry point for this app (the worker imports every app's `tasks.py`)."""

from .jobs import run_job

__all__ = ["run_job"]

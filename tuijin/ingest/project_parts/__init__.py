"""Helpers of the project-name stage (tuijin.ingest.projects is the entry point)."""

"""Parts of the figures stage; the entry point is tuijin.ingest.quantities.extract_quantities."""

"""The demo region's data, one module (a package, for the larger ones) per domain. All names
of people are posts, all figures are sample data; descriptions are written for the demo (no text
is taken from source papers)."""

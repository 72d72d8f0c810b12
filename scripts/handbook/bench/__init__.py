"""Benchmark: a synthetic handbook built with our pipeline against the same pages in plain MkDocs.

``python -m handbook.bench`` (or ``make bench``) runs it; see "Performance" in README.md.
"""

"""Networking Handbook: contacts and meetings in markdown become a searchable MkDocs site.

The stages run in one direction: loading -> model -> derive -> render -> site (the MkDocs adapter).
Only ``handbook.site`` imports mkdocs.
"""

__version__ = "0.1.0"

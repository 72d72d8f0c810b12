"""Stage 5, the site adapter: the only package that imports mkdocs."""

"""awesome-lint: lint and fix curated awesome lists."""

__version__ = "0.1.0"

"""Parsing: mistune plus source positions -> Document."""

from awesome_lint.document.build import build_document
from awesome_lint.document.load import decode_markdown, load_document
from awesome_lint.document.model import Block, Document, Entry, EntryList, Heading, Link, Section

__all__ = [
    "Block",
    "Document",
    "Entry",
    "EntryList",
    "Heading",
    "Link",
    "Section",
    "build_document",
    "decode_markdown",
    "load_document",
]

"""Pull-request mode: lint a pull request's Markdown and post one review (DESIGN.md §5).

PyGithub is imported only in :mod:`awesome_lint.github.client`, and only when the mode runs.
Entry point: ``python -m awesome_lint.github``.
"""

"""Pull-request mode: lint a pull request's Markdown and post one review (DESIGN.md §5).

PyGithub is imported only when a call needs it (:mod:`awesome_lint.github.client`,
:mod:`awesome_lint.github.rate_limits`, and the online checks' :mod:`awesome_lint.online.github_api`).
Entry point: ``python -m awesome_lint.github``.
"""

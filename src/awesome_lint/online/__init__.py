"""Online checks: gather facts about the links a list holds (HTTP status, GitHub repository
metadata) for the online rules to read (awesome_lint.facts).

Imported only when the checks are turned on (``--online``, ``[tool.awesome-lint.online]
enabled = true``, the Action's ``online`` input): plain runs and pre-commit never load this
package, requests or PyGithub. Keep this module free of imports.
"""

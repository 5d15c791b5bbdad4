from awesome_lint.rules.title import TitleOptions, lowercase_words
from helpers import lint, where


def test_second_h1_fires_and_names_the_title() -> None:
    found = lint("# Awesome Go\n\n## Contents\n\n# Resources\n\n## Benchmarks\n", "title")
    assert where(found) == [(5, 1, "title")]
    assert found[0].message == "Use '##' for 'Resources': a list has one top-level heading, its title 'Awesome Go' (line 1)"


def test_missing_title_fires_at_the_start() -> None:
    found = lint("Some intro.\n\n## Tools\n", "title")
    assert where(found) == [(1, 1, "title")]
    assert found[0].message == "Add a title: start the list with a '# Awesome Name' heading"


def test_html_header_counts_as_the_title() -> None:
    assert lint('<div align="center">\n\t<img src="media/logo.svg" alt="Awesome">\n</div>\n\n## Contents\n', "title") == []
    assert lint("<h1>Awesome Node.js</h1>\n\n## Contents\n", "title") == []


def test_lower_case_word_in_title_fires() -> None:
    found = lint("# Awesome static site generators [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n", "title")
    assert where(found) == [(1, 1, "title")]
    assert found[0].message == (
        "Write the title in title case: capitalize 'static', 'site', 'generators' ('Awesome static site generators')"
    )


def test_real_titles_are_title_case() -> None:
    for title in [
        "Awesome BERT & Transfer Learning in NLP",
        "Awesome-Selfhosted",
        "[Awesome Python](https://awesome-python.com/)",
        "Awesome macOS Command Line",
        "Awesome Tools for the Web",
        "Awesome Node.js",
        "Awesome 中文 Resources",
    ]:
        assert lint(f"# {title}\n", "title") == [], title


def test_lowercase_words_option_allows_brand_names() -> None:
    assert where(lint("# Awesome zx Scripts\n", "title")) == [(1, 1, "title")]
    options = {"title": TitleOptions(lowercase_words=("zx",))}
    assert lint("# Awesome zx Scripts\n", "title", options=options) == []


def test_known_lower_case_names_are_not_casing_errors() -> None:
    for title in ("Awesome npm Packages", "Awesome uv Recipes", "Awesome ios Apps", "Awesome ripgrep Tricks"):
        assert lint(f"# {title}\n", "title") == [], title
    found = lint("# Awesome npm-ish tools\n", "title")
    assert found[0].message == "Write the title in title case: capitalize 'npm-ish', 'tools' ('Awesome npm-ish tools')"


def test_messages_show_the_title_without_badge_markup() -> None:
    text = (
        "# Awesome Shell [![Awesome][awesome-badge]][awesome-link]\n\n# Guides\n\n"
        "[awesome-badge]: https://awesome.re/badge.svg\n[awesome-link]: https://awesome.re\n"
    )
    found = lint(text, "title")
    assert where(found) == [(3, 1, "title")]
    assert found[0].message == "Use '##' for 'Guides': a list has one top-level heading, its title 'Awesome Shell' (line 1)"
    for badge in ("[![Awesome](https://awesome.re/badge.svg)][sindresorhus]", "[![Awesome][awesome-badge]][awesome-link]"):
        found = lint(f"# Awesome shell {badge}\n", "title")
        assert found[0].message == "Write the title in title case: capitalize 'shell' ('Awesome shell')", badge


def test_lowercase_words_helper() -> None:
    assert lowercase_words("A Guide to the galaxy") == ["galaxy"]
    assert lowercase_words("of Mice and Men") == ["of"]
    assert lowercase_words("Awesome k8s (eBPF) node.js") == []

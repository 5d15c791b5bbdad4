from helpers import lint, where


def test_license_section_fires_on_its_heading() -> None:
    found = lint("# X\n\n## Tools\n\nT.\n\n## License\n\n[CC0](https://creativecommons.org/publicdomain/zero/1.0/)\n", "license-section")
    assert where(found) == [(7, 1, "license-section")]
    assert found[0].message == (
        "Remove the 'License' section: the awesome guidelines want the license in a LICENSE file "
        "beside the README, not in the README"
    )


def test_licence_spelling_and_emoji_fire() -> None:
    assert where(lint("# X\n\n## 📝 Licence\n\nL.\n", "license-section")) == [(3, 1, "license-section")]
    assert where(lint("# X\n\n### Licensing\n\nL.\n", "license-section")) == [(3, 1, "license-section")]


def test_sections_about_licenses_and_other_closing_sections_do_not_fire() -> None:
    text = "# X\n\n## List of Licenses\n\nL.\n\n## Contributing\n\nC.\n\n## Footnotes\n\nF.\n"
    assert lint(text, "license-section") == []


def test_a_licensing_category_holding_entries_does_not_fire() -> None:
    entries = "# X\n\n## Licensing\n\n- [choosealicense](https://choosealicense.com) - Pick a license.\n"
    assert lint(entries, "license-section") == []
    subsections = "# X\n\n## Licenses\n\n### Open source\n\n- [MIT](https://mit.dev) - Permissive.\n"
    assert lint(subsections, "license-section") == []


def test_a_license_section_split_into_sub_sections_fires() -> None:
    # awesome-bert-nlp.md: `## License` with `### Code` and `### Text`.
    text = "# X\n\n## License\n\n### Code\n\nMIT.\n\n### Text\n\n[CC-BY](https://cc.dev)\n"
    assert where(lint(text, "license-section")) == [(3, 1, "license-section")]


def test_a_license_section_with_links_but_no_entries_fires() -> None:
    text = (
        "# X\n\n## License\n\n- Code: [MIT](https://mit.dev)\n- [CC0](https://cc.dev)\n\n"
        "Under [CC0](https://cc.dev).\n"
    )
    assert where(lint(text, "license-section")) == [(3, 1, "license-section")]

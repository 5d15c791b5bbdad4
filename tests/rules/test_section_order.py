from helpers import lint, where


def test_toc_after_another_section_fires_on_the_toc_heading() -> None:
    found = lint("# Awesome X\n\nIntro.\n\n## Sponsors\n\nText.\n\n## Contents\n\n- [Tools](#tools)\n\n## Tools\n\nT.\n", "section-order")
    assert where(found) == [(9, 1, "section-order")]
    assert found[0].message == (
        "Move the 'Contents' section up: the table of contents should be the first section after the "
        "introduction, but 'Sponsors' (line 5) comes before it"
    )


def test_toc_right_after_the_introduction_is_fine_also_as_h1_or_table_of_contents() -> None:
    assert lint("# Awesome X\n\nIntro.\n\n## Contents\n\n## Tools\n", "section-order") == []
    assert lint("# Awesome X\n\n# Table of Contents\n\n## Papers\n", "section-order") == []
    assert lint("<div align=\"center\"><img src=\"logo.svg\"></div>\n\n## Contents\n\n## Apps\n", "section-order") == []


def test_tail_section_followed_by_a_content_section_fires_once() -> None:
    text = "# X\n\n## Contents\n\n## Contributing\n\nC.\n\n## Tools\n\nT.\n\n## Libraries\n\nL.\n"
    found = lint(text, "section-order")
    assert where(found) == [(5, 1, "section-order")]
    assert found[0].message == (
        "Move the 'Contributing' section to the end of the list: closing sections (Contributing, "
        "Footnotes, Related Lists, License) come after all others, but 'Tools' (line 9) follows it"
    )


def test_tail_sections_out_of_order_fire_on_the_later_one() -> None:
    found = lint("# X\n\n## Tools\n\n## License\n\nL.\n\n## Contributing\n\nC.\n", "section-order")
    assert where(found) == [(9, 1, "section-order")]
    assert found[0].message.startswith("Move the 'Contributing' section above 'License' (line 5)")


def test_tail_sections_in_order_and_common_variants_are_fine() -> None:
    # awesome-electron: '## Contribute' then '## Related' at the end.
    assert lint("# X\n\n## Contents\n\n## Apps\n\n## Contribute\n\nC.\n\n## Related\n\nR.\n", "section-order") == []
    assert lint("# X\n\n## Apps\n\n### Contributing tools\n\n## Contributing\n\n## License\n", "section-order") == []


def test_subsections_under_the_last_tail_section_are_fine() -> None:
    # awesome-bert-nlp: '## License' with '### Code' and '### Text' under it.
    assert lint("# X\n\n## Papers\n\n## License\n\n### Code\n\n### Text\n", "section-order") == []

from helpers import lint, where


def test_skipped_level_fires_with_the_level_to_use() -> None:
    # awesome-electron: '### Open Source' followed by '###### Featured'.
    found = lint("# X\n\n## Apps\n\n### Open Source\n\n###### Featured\n\nF.\n", "heading-increment")
    assert where(found) == [(7, 1, "heading-increment")]
    assert found[0].message == (
        "Use a level-4 heading ('####') for 'Featured': the level jumps from 3 ('Open Source', line 5) to 6"
    )


def test_title_followed_by_h3_fires() -> None:
    assert where(lint("# Awesome React\n\nIntro.\n\n### React\n\nR.\n", "heading-increment")) == [
        (5, 1, "heading-increment")
    ]


def test_one_step_deeper_and_any_step_back_are_fine() -> None:
    text = "# X\n\n## A\n\n### B\n\n#### C\n\n## D\n\n### E\n\nSetext\n------\n"
    assert lint(text, "heading-increment") == []


def test_first_heading_may_be_an_h2() -> None:
    # awesome.md and awesome-nodejs.md start with an HTML header, then '## Contents'.
    assert lint("<h1>Awesome</h1>\n\n## Contents\n\n### Sub\n", "heading-increment") == []

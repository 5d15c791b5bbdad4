"""badge: the Awesome badge right after the title."""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from awesome_lint.diagnostics import Diagnostic, Edit, Fix, unsafe_fix
from awesome_lint.document.build import build_document
from awesome_lint.document.model import Block, Document, Heading, Link
from awesome_lint.rules.base import Context, NoOptions, Rule

BADGE_IMAGES = (
    "https://awesome.re/badge.svg",
    "https://awesome.re/badge-flat.svg",
    "https://awesome.re/badge-flat2.svg",
)
# awesome-lint also accepts the badge linking to the awesome repository itself.
BADGE_TARGETS = ("https://awesome.re", "https://github.com/sindresorhus/awesome")
BADGE_MARKDOWN = "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)"

_HTML_BADGE = re.compile(r"awesome\.re/badge(?:-flat2?)?\.svg", re.IGNORECASE)
_LOOKS_LIKE_BADGE = re.compile(r"awesome\.re|sindresorhus/awesome", re.IGNORECASE)


class Badge(Rule[NoOptions]):
    """The Awesome badge follows the title.

    What it does:
        Looks for the Awesome badge, an image `https://awesome.re/badge.svg` (or `badge-flat.svg`,
        `badge-flat2.svg`) linking to `https://awesome.re`, on the title line or in the introduction
        under it (before the next heading). Reports a missing badge, a badge with another image (an old rawgit copy, a
        local file) and a badge linking elsewhere. Lists whose title is an HTML header are not
        checked, as in awesome-lint.

    Why:
        The badge is how an awesome list shows that it follows the awesome guidelines; the awesome
        index requires it. The npm awesome-lint reports the same (`awesome-badge`).

    Example:
        ```markdown
        # Awesome Things [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)
        ```

    Fix safety:
        Unsafe fixes: adding the badge to the title line, or replacing a wrong badge image or link
        with the official one, changes what the list shows, so a maintainer should confirm it.
        No fix to add the badge when the title's markup would not read it as a link (after an
        unclosed `<a name="top">`, for example).
    """

    id = "badge"
    aliases = ("awesome-badge",)
    summary = "The Awesome badge (https://awesome.re/badge.svg linking to https://awesome.re) follows the title"
    fixable = True

    def check(self, document: Document, context: Context[NoOptions]) -> Iterable[Diagnostic]:
        title = document.title
        if title is None:
            return
        links = list(title.links)
        for block in _blocks_after(document, title):
            if block.kind == "html" and _HTML_BADGE.search(block.raw):
                return
            if block.kind == "paragraph":
                links.extend(link for link in document.links if block.start <= link.start < block.end)
        badges = [link for link in links if _is_badge_candidate(link, links)]
        if any(_is_valid_badge(link, links) for link in badges):
            return
        if badges:
            yield from self._wrong_badge(document, badges[0], links)
            return
        yield self.diagnostic(
            document,
            title.start,
            title.end,
            f"Add the Awesome badge after the title: {BADGE_MARKDOWN}",
            fix=_add_badge(document, title),
        )

    def _wrong_badge(self, document: Document, badge: Link, links: list[Link]) -> Iterator[Diagnostic]:
        image = _image_inside(badge, links)
        if image is not None and image.url not in BADGE_IMAGES:
            fix = _replace_url(image, BADGE_IMAGES[0], "Use the official badge image")
            yield self.diagnostic(
                document,
                image.start,
                image.end,
                f"Use the official Awesome badge image {BADGE_IMAGES[0]} (or badge-flat.svg, "
                f"badge-flat2.svg) instead of '{image.url}'",
                fix=fix,
            )
        if _normalized(badge.url) not in BADGE_TARGETS:
            fix = _replace_url(badge, BADGE_TARGETS[0], "Link the badge to https://awesome.re")
            yield self.diagnostic(
                document,
                badge.start,
                badge.end,
                f"Link the Awesome badge to {BADGE_TARGETS[0]} instead of '{badge.url}'",
                fix=fix,
            )


def _add_badge(document: Document, title: Heading) -> Fix | None:
    """Append the badge to the title, unless the title's markup would not read it as the badge
    (after an unclosed `<a name="top">` it is text: the fix would add it again on every pass)."""
    title_text = document.text[title.start : title.text_end] + " " + BADGE_MARKDOWN
    links = build_document(document.path, title_text).links
    if not any(_is_valid_badge(link, links) for link in links):
        return None
    return unsafe_fix("Add the Awesome badge to the title", Edit(title.text_end, title.text_end, " " + BADGE_MARKDOWN))


def _blocks_after(document: Document, heading: Heading) -> Iterator[Block]:
    """The blocks between the title and the next heading (the introduction)."""
    end = next((other.start for other in document.headings if other.start > heading.start), len(document.text))
    for block in document.blocks:
        if heading.end <= block.start < end:
            yield block


def _image_inside(link: Link, links: list[Link]) -> Link | None:
    return next((other for other in links if other.is_image and link.start < other.start < link.end), None)


def _is_badge_candidate(link: Link, links: list[Link]) -> bool:
    """A linked image that is meant to be the Awesome badge (by its link, image or alt text)."""
    if link.is_image or not link.contains_image:
        return False
    image = _image_inside(link, links)
    if _LOOKS_LIKE_BADGE.search(link.url):
        return True
    return image is not None and (
        bool(_LOOKS_LIKE_BADGE.search(image.url)) or image.plain_text.strip().casefold() == "awesome"
    )


def _is_valid_badge(link: Link, links: list[Link]) -> bool:
    image = _image_inside(link, links)
    return image is not None and image.url in BADGE_IMAGES and _normalized(link.url) in BADGE_TARGETS


def _normalized(url: str) -> str:
    return url.rstrip("/")


def _replace_url(link: Link, url: str, message: str) -> Fix | None:
    """Unsafe fix writing ``url`` over the link's destination (None for a reference link)."""
    if link.url_start is None or link.url_end is None:
        return None
    return unsafe_fix(message, Edit(link.url_start, link.url_end, url))

"""Forum posts: Markdown from anyone, rendered to HTML that is safe under the site's strict CSP.

Two layers, so that a mistake in one is caught by the other: markdown-it runs with raw HTML off (it
is escaped, never passed through) and refuses links it does not like; nh3 then cleans the result
against an explicit allow-list. Nothing rendered here loads from another origin: images become
plain links, and no `style`, `class`, `id` or `src` attribute survives.
"""

import string
from html.parser import HTMLParser

import nh3
from django.conf import settings
from django.utils.translation import gettext
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a",
        "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener noreferrer"

# Block elements whose boundaries must become spaces when a post is flattened to plain text.
_BLOCK_TAGS = frozenset(ALLOWED_TAGS - {"strong", "em", "del", "code", "a"})
# CommonMark lets a backslash escape any ASCII punctuation, and only those.
_MARKDOWN_PUNCTUATION = frozenset(string.punctuation)


# Rendering time grows with the text and with its structure; markdown-it caps nesting itself
# (maxNesting). These bounds keep any one render near 200 ms or less on one core: a text past them
# is refused when written or previewed (forms.PostFields) and shown as plain text if it is stored
# already. bench/markdown_worst.py feeds the worst inputs at these bounds.
MAX_RENDER_LENGTH = settings.FORUM_MAX_POST_LENGTH
STRUCTURE_LIMITS = (
    # (characters counted, most allowed): each is what one kind of structure is built from.
    ("[", 500),  # links, images, brackets
    ("*_~", 2_000),  # emphasis and strike-through marks
    ("|", 1_500),  # table cells
    ("`", 1_000),  # code spans
    ("<&", 2_000),  # autolinks, entities
    ("\n", 1_500),  # lines, so blocks, list items and table rows
)


def structure_within_bounds(text: str) -> bool:
    """Whether `text` is short and simple enough to render quickly (a linear count, no parse)."""
    text = text or ""
    if len(text) > MAX_RENDER_LENGTH:
        return False
    return all(
        sum(text.count(mark) for mark in marks) <= limit for marks, limit in STRUCTURE_LIMITS
    )


def _without_url_noise(url: str) -> str:
    # Browsers drop tabs and newlines inside a URL and spaces/controls at its ends; dropping all of
    # them judges "java\tscript:" or " //host" at least as strictly as a browser reads them.
    return "".join(ch for ch in url if ch > " ")


def _is_site_path(url: str) -> bool:
    # "/forum/1" stays on this site; "//host" and "/\host" are protocol-relative to another one.
    probe = _without_url_noise(url)
    return probe.startswith("/") and probe[1:2] not in ("/", "\\")


def _is_allowed_url(url: str) -> bool:
    probe = _without_url_noise(url).lower()
    scheme, colon, _ = probe.partition(":")
    if colon and scheme in URL_SCHEMES:
        return True
    return _is_site_path(url)


def _mark_images_in_links(state) -> None:
    # One linear pass, so a post made of thousands of images cannot make rendering quadratic.
    for block in state.tokens:
        depth = 0
        for token in block.children or []:
            depth += {"link_open": 1, "link_close": -1}.get(token.type, 0)
            if token.type == "image":
                token.meta["in_link"] = depth > 0


def _heading(self, tokens, idx, options, env):
    # A post sits under the page's own h1 and h2, so its headings start at h3 and stop at h4.
    token = tokens[idx]
    token.tag = f"h{min(int(token.tag[1]) + 2, 4)}"
    return self.renderToken(tokens, idx, options, env)


def _strikethrough(self, tokens, idx, options, env):
    # markdown-it writes <s>; <del> is the element the allow-list (and screen readers) know.
    tokens[idx].tag = "del"
    return self.renderToken(tokens, idx, options, env)


def _image_as_link(self, tokens, idx, options, env):
    # Loading a remote image would tell another server who is reading, so it becomes a link.
    token = tokens[idx]
    src = token.attrGet("src") or ""
    alt = self.renderInlineAsText(token.children or [], options, env).strip()
    if token.meta.get("in_link"):
        # Nested links are invalid HTML; the outer link already carries the reader away.
        return escapeHtml(alt or gettext("image"))
    href = escapeHtml(str(src))
    return f'<a href="{href}">{escapeHtml(alt or str(src))}</a>'


def _build_parser() -> MarkdownIt:
    # linkify needs linkify-it-py, which is not a dependency: bare URLs stay text.
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    # markdown-it-py's documented way to choose which links are allowed is to replace this method.
    md.validateLink = _is_allowed_url  # type: ignore[method-assign]
    md.core.ruler.push("mscos_images_in_links", _mark_images_in_links)
    md.add_render_rule("heading_open", _heading)
    md.add_render_rule("heading_close", _heading)
    md.add_render_rule("s_open", _strikethrough)
    md.add_render_rule("s_close", _strikethrough)
    md.add_render_rule("image", _image_as_link)
    return md


_md = _build_parser()


def _clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        strip_comments=True,
        link_rel=LINK_REL,
        url_schemes=set(URL_SCHEMES),
        url_relative=lambda url: url if _is_site_path(url) else None,
    )


def _as_plain_paragraphs(text: str) -> str:
    # Linear and cheap: for a stored text past the bounds (written before they existed).
    return "".join(f"<p>{escapeHtml(part)}</p>" for part in text.split("\n\n") if part.strip())


def render_markdown(text: str) -> str:
    """Render a post's Markdown to sanitised HTML that may be marked safe in a template.

    A text past the structural bounds is shown as escaped plain paragraphs, never parsed.
    """
    if not structure_within_bounds(text):
        return _clean(_as_plain_paragraphs(text[: MAX_RENDER_LENGTH * 2]))
    return _clean(_md.render(text or ""))


def quote_markdown(text: str, author_label: str) -> str:
    """Markdown that quotes another post under a bold "… wrote:" line."""
    label = " ".join((author_label or "").split())
    label = "".join(f"\\{ch}" if ch in _MARKDOWN_PUNCTUATION else ch for ch in label)
    heading = gettext("%(author)s wrote:") % {"author": label}
    lines = (text or "").strip("\n").splitlines() or [""]
    quoted = "\n".join(f"> {line}".rstrip() for line in lines)
    return f"**{heading}**\n\n{quoted}\n\n"


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


def plain_text(text: str, limit: int = 200) -> str:
    """The rendered post as unescaped plain text, cut at a word with "…" beyond `limit` chars."""
    return plain_text_from_html(render_markdown(text), limit)


def plain_text_from_html(html: str, limit: int = 200) -> str:
    """plain_text() for HTML rendered already (a post's body_html): no Markdown parse again."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    flat = " ".join("".join(collector.parts).split())
    if len(flat) <= limit:
        return flat
    # Leave room for the ellipsis so the result never exceeds the limit.
    cut = flat[: max(limit - 1, 0)]
    if flat[len(cut)] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-") + "…"


def link_count(text: str) -> int:
    """How many links the Markdown holds, images included, counted from markdown-it's tokens."""
    if not structure_within_bounds(text):
        return text.count("[")  # never parsed; every bracket might have been a link
    count = 0
    for block in _md.parse(text or ""):
        for token in block.children or []:
            if token.type == "link_open" or (
                token.type == "image" and not token.meta.get("in_link")
            ):
                count += 1
    return count

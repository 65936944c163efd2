"""Forum Markdown from anyone renders inert: only allow-listed elements, safe links, no images."""

from html.parser import HTMLParser

import pytest

from mscos.forum.rendering import (
    ALLOWED_TAGS,
    LINK_REL,
    link_count,
    plain_text,
    quote_markdown,
    render_markdown,
)

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "[x](vbscript:msgbox(1))",
    "[x](//evil.example/steal)",
    "[x](/\\evil.example)",
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=//evil.example>",
    "<style>body{display:none}</style>",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "![x](https://evil.example/track.png)",
    "![x](javascript:alert(1))",
    "![x](data:image/png;base64,iVBORw0KGgo=)",
    "<b><i>hello",
    '<div style="position:fixed">',
    "<form action=//evil.example><input></form>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<javascript:alert(1)>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<details open ontoggle=alert(1)>",
    '"><script>alert(1)</script>',
    "<ScRiPt>alert(1)</sCrIpT>",
    "a\x00b<scr\x00ipt>alert(1)</script>[x](java\x00script:alert(1))",
    "<!-- <script>alert(1)</script> -->",
    "# heading <script>alert(1)</script>\n\n| a | b |\n|---|---|\n| <img src=x> | ok |",
]


class Audit(HTMLParser):
    """Every element and attribute in a fragment, as a browser's tokenizer would see them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def scheme_of(href: str) -> str | None:
    # Judge the URL the way a browser reads it: tabs, newlines and controls are ignored.
    probe = "".join(ch for ch in href if ch > " ").lower()
    head = probe.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return head.split(":", 1)[0] if ":" in head else None


def assert_inert(html: str) -> None:
    for tag, attrs in Audit(html).elements:
        assert tag in ALLOWED_TAGS, f"<{tag}> is not allowed in {html!r}"
        assert tag != "img"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"{name} in {html!r}"
            assert name not in {"style", "src", "class", "id", "srcset", "action"}
            assert (tag, name) in {("a", "href"), ("a", "rel")}, f"{tag}[{name}] in {html!r}"
            if name == "href":
                scheme = scheme_of(value or "")
                assert scheme in {None, "http", "https", "mailto"}, f"{value!r} in {html!r}"
                if scheme is None:
                    assert value.startswith("/") and value[1:2] not in ("/", "\\"), value
    # Belt and braces beside the parser; "javascript:" may well appear as visible, escaped text.
    lowered = html.lower()
    for needle in ("<script", "<img", "<svg", "<iframe", "<style", "<math", "\x00"):
        assert needle not in lowered


@pytest.mark.parametrize("source", HOSTILE)
def test_hostile_input_renders_inert(source):
    html = render_markdown(source)
    assert_inert(html)
    # The other entry points must cope with the same input without raising.
    plain_text(source)
    link_count(source)


@pytest.mark.parametrize("source", HOSTILE)
def test_hostile_input_stays_inert_inside_a_quote(source):
    assert_inert(render_markdown(quote_markdown(source, "<script>alert(1)</script>")))


def test_escaped_html_is_shown_as_text():
    html = render_markdown("<script>alert(1)</script>")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert plain_text("<b>bold?</b>") == "<b>bold?</b>"


def test_refused_link_schemes_leave_no_link():
    for source in ("[x](javascript:alert(1))", "[x](data:text/html,hi)", "[x](//evil.example)"):
        assert link_count(source) == 0
        assert not [tag for tag, _ in Audit(render_markdown(source)).elements if tag == "a"]


def test_emphasis_and_strikethrough():
    html = render_markdown("*soft* **strong** ~~gone~~ `code`")
    assert html.strip() == (
        "<p><em>soft</em> <strong>strong</strong> <del>gone</del> <code>code</code></p>"
    )


def test_lists():
    html = render_markdown("- one\n- two\n\n1. first\n2. second")
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in html
    assert "<ol>\n<li>first</li>\n<li>second</li>\n</ol>" in html


def test_code_block_content_is_escaped():
    html = render_markdown("```html\n<script>alert('x')</script> &amp;\n```")
    assert "<pre><code>&lt;script&gt;alert('x')&lt;/script&gt; &amp;amp;\n</code></pre>" in html
    assert "class" not in html
    assert_inert(html)


def test_blockquote_rule_and_line_break():
    html = render_markdown("> quoted\n\n---\n\nline  \nbreak")
    assert "<blockquote>\n<p>quoted</p>\n</blockquote>" in html
    assert "<hr>" in html
    assert "line<br>" in html


def test_https_link_gets_every_rel_value():
    html = render_markdown("[help](https://help.example/path?a=1&b=2)")
    [(tag, attrs)] = Audit(html).elements[1:]
    assert tag == "a"
    assert attrs["href"] == "https://help.example/path?a=1&b=2"
    assert set(attrs["rel"].split()) == {"nofollow", "ugc", "noopener", "noreferrer"}
    assert LINK_REL == "nofollow ugc noopener noreferrer"


def test_mailto_autolink_and_site_path_are_kept():
    html = render_markdown("<help@charity.example> and [thread](/forum/thread/3/)")
    hrefs = [attrs["href"] for tag, attrs in Audit(html).elements if tag == "a"]
    assert hrefs == ["mailto:help@charity.example", "/forum/thread/3/"]


def test_headings_sit_below_the_page_headings():
    html = render_markdown("# One\n\n## Two\n\n### Three\n\nSetext\n======")
    assert [tag for tag, _ in Audit(html).elements] == ["h3", "h4", "h4", "h3"]
    assert "<h3>One</h3>" in html
    assert "<h4>Two</h4>" in html


def test_image_becomes_a_link_with_its_alt_text():
    html = render_markdown("![a *kind* map](https://maps.example/m.png)")
    assert html.strip() == (
        f'<p><a href="https://maps.example/m.png" rel="{LINK_REL}">a kind map</a></p>'
    )


def test_image_without_alt_shows_its_url():
    html = render_markdown("![](https://maps.example/m.png)")
    assert ">https://maps.example/m.png</a>" in html
    assert "<img" not in html


def test_image_inside_a_link_does_not_nest_links():
    html = render_markdown("[![badge](https://img.example/b.png)](https://site.example)")
    anchors = [attrs for tag, attrs in Audit(html).elements if tag == "a"]
    assert [a["href"] for a in anchors] == ["https://site.example"]
    assert ">badge</a>" in html


def test_tables_render_without_inline_style():
    html = render_markdown("| Need | Where |\n|:--|--:|\n| Food | Hub |")
    tags = [tag for tag, _ in Audit(html).elements]
    assert tags == ["table", "thead", "tr", "th", "th", "tbody", "tr", "td", "td"]
    assert "<td>Food</td>" in html
    assert "style" not in html


def test_quote_renders_as_a_blockquote_under_the_author():
    source = quote_markdown("First line\n\nSecond *para*", "Anonymous member")
    assert source.startswith("**Anonymous member wrote:**\n")
    html = render_markdown(source)
    assert html.startswith("<p><strong>Anonymous member wrote:</strong></p>\n<blockquote>")
    assert "<p>First line</p>\n<p>Second <em>para</em></p>\n</blockquote>" in html


def test_quote_escapes_markdown_in_the_author_label():
    html = render_markdown(quote_markdown("hi", "*Bold_ [link](https://x.example) `c`"))
    assert "<strong>*Bold_ [link](https://x.example) `c` wrote:</strong>" in html
    assert "<em>" not in html
    assert link_count(quote_markdown("hi", "[a](https://x.example)")) == 0


def test_quote_prefixes_every_line_and_nests_earlier_quotes():
    source = quote_markdown("> older\n\nnewer\r\nlast", "Heron")
    assert source.endswith("> last\n\n")  # the reply carries on below a blank line
    assert source.splitlines()[2:-1] == ["> > older", ">", "> newer", "> last"]
    html = render_markdown(source)
    assert html.count("<blockquote>") == 2


def test_plain_text_collapses_whitespace_and_keeps_short_text():
    text = plain_text("# Title\n\nSome   *text*\nover lines.\n\n- a\n- b")
    assert text == "Title Some text over lines. a b"


def test_plain_text_cuts_at_a_word_with_an_ellipsis():
    text = plain_text("The quick brown fox jumps over the lazy dog", limit=20)
    assert text == "The quick brown fox…"
    assert len(text) <= 20
    assert plain_text("Supercalifragilistic", limit=6) == "Super…"
    assert plain_text("Exactly ten", limit=11) == "Exactly ten"


def test_plain_text_shows_links_and_images_by_their_text():
    assert plain_text("[site](https://x.example) ![map](https://x.example/m.png)") == "site map"


def test_link_count_counts_every_link_form():
    source = (
        "<https://auto.example> <someone@mail.example> [inline](https://in.example) "
        "[ref][r] [collapsed][] ![pic](https://img.example/p.png)\n\n"
        "[r]: https://ref.example\n[collapsed]: https://c.example"
    )
    assert link_count(source) == 6


def test_link_count_ignores_text_that_only_looks_like_links():
    assert link_count("") == 0
    assert link_count("https://bare.example is not a link without linkify") == 0
    assert link_count("`[code](https://x.example)`") == 0
    assert link_count("    [indented](https://x.example)") == 0
    assert link_count("[a](https://x.example)\n\n> [b](https://y.example)\n\n- [c](/z)") == 3
    assert link_count("[![pic](https://i.example)](https://l.example)") == 1


# --- structural bounds (bench/markdown_worst.py measures the time at these bounds) ----------------


def test_a_one_megabyte_table_is_never_parsed_as_markdown():
    from mscos.forum.rendering import structure_within_bounds

    table = "| a | b |\n|---|---|\n" + "| x | y |\n" * 100_000
    assert not structure_within_bounds(table)
    html = render_markdown(table)
    assert "<table>" not in html and "<td>" not in html
    assert html.startswith("<p>| a | b |")  # shown as plain text, cut at twice the bound
    assert len(html) < 3 * 20_000


@pytest.mark.parametrize(
    "text",
    [
        "[" * 600,  # brackets
        "*_" * 1_100,  # emphasis marks
        "|a|b|\n|-|-|\n" + "|x|y|\n" * 600,  # table cells
        "a\n" * 1_600,  # lines
        "`a`" * 600,  # code spans
    ],
)
def test_each_kind_of_structure_has_a_bound(text):
    from mscos.forum.rendering import structure_within_bounds

    assert len(text) <= 20_000
    assert not structure_within_bounds(text)


def test_an_ordinary_long_post_is_within_the_bounds():
    from mscos.forum.rendering import structure_within_bounds

    paragraph = "Some **bold** words, a [link](https://example.org) and `code`.\n\n"
    assert structure_within_bounds(paragraph * 250)
    table = "| name | role |\n|---|---|\n" + "| Ana | support worker |\n" * 200
    assert structure_within_bounds(table) and "<table>" in render_markdown(table)

"""The plain-text part of a mail, from its HTML: paragraphs, lists, headings, links spelled out."""

import re
from html import unescape
from html.parser import HTMLParser

_BLOCKS = {
    "p",
    "div",
    "section",
    "aside",
    "blockquote",
    "footer",
    "header",
    "table",
    "tr",
    "ol",
    "ul",
}
_HEADINGS = {"h1", "h2", "h3", "h4"}
_SKIP = {"style", "script", "head", "title"}


class _TextWriter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str | None] = []
        self.list_stack: list[list[int]] = []
        self.skipping = 0
        self.heading = False

    def _newline(self, count: int = 2) -> None:
        self.parts.append("\n" * count)

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _HEADINGS:
            self._newline()
            self.heading = True
        elif tag in _BLOCKS:
            self._newline()
            if tag == "ol":
                self.list_stack.append([0])
            elif tag == "ul":
                self.list_stack.append([-1])
        elif tag == "li":
            self._newline(1)
            counter = self.list_stack[-1] if self.list_stack else [-1]
            if counter[0] >= 0:
                counter[0] += 1
                self.parts.append(f"{counter[0]}. ")
            else:
                self.parts.append("- ")
        elif tag == "br":
            self._newline(1)
        elif tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _HEADINGS:
            self.heading = False
            self._newline()
        elif tag in _BLOCKS:
            if tag in {"ol", "ul"} and self.list_stack:
                self.list_stack.pop()
            self._newline()
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href and not href.startswith("mailto:"):
                self.parts.append(f" <{href}>")

    def handle_data(self, data):
        if self.skipping:
            return
        text = re.sub(r"\s+", " ", data)
        self.parts.append(text)


def html_to_text(html: str) -> str:
    writer = _TextWriter()
    writer.feed(html)
    writer.close()
    text = unescape("".join(writer.parts))
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"

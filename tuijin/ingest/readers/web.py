"""HTML pages: the main text, without navigation, scripts, styles, headers and footers."""

from __future__ import annotations

import re

from ..errors import BROKEN_FILE, ExtractionError

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "iframe",
    "form",
    "button",
    "select",
    "svg",
    "template",
)
_BLOCK_TAGS = (
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "center",
)
_CHROME_ATTR = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|footer|header|breadcrumb|sidebar|"
    r"share|toolbar|copyright)(?:$|[\s_-])",
    re.I,
)


def read_html(data: bytes) -> tuple[str, str]:
    try:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(data, "lxml")
        encoding = str(soup.original_encoding or "utf-8")
        for tag in soup.find_all(_DROP_TAGS):
            tag.decompose()
        for tag in soup.find_all(True):
            if tag.decomposed or tag.attrs is None:
                continue
            attr = " ".join([str(tag.get("id") or ""), *map(str, tag.get("class") or [])])
            if attr.strip() and _CHROME_ATTR.search(attr) and tag.name not in ("body", "html"):
                tag.decompose()
        root = soup.find("article") or soup.find("main") or soup.body or soup
        for br in root.find_all("br"):
            br.replace_with("\n")
        for cell in root.find_all(("td", "th")):
            cell.append("\t")
        for block in root.find_all(_BLOCK_TAGS):
            block.insert_before("\n")
            block.append("\n")
        raw = root.get_text()
    except Exception as exc:
        raise ExtractionError(BROKEN_FILE, f"HTML 文件解析失败：{type(exc).__name__}") from exc
    lines: list[str] = []
    for line in raw.split("\n"):
        line = line.rstrip("\t \u3000").lstrip("\t")
        if line.strip() or (lines and lines[-1]):
            lines.append(line if line.strip() else "")
    return "\n".join(lines).strip("\n"), f"html:{encoding}"

"""The motion as Markdown: the text as written, between a header and the list of contributors."""

from __future__ import annotations

import re

from server.publication.edition import Edition

# Our own words around the motion (title, edition and dates, the version line, names) are escaped only
# where Markdown would read them otherwise, so the file reads as written: "Congrès (CNEN) 2026,
# position 1 234." stays so, not "Congrès \(CNEN\) 2026, position 1 234\." (issue 13).
_INLINE = re.compile(r"[\\`*_<~]|&(?=#?\w+;)")  # code, emphasis, HTML or autolink, strike, an entity
# What opens a block at the start of a line: a heading, a quote, a bullet or a numbered item.
_BLOCK_START = re.compile(r"^(\s*)(#|>|[-+](?=\s|$)|\d{1,9}[.)](?=\s|$))")
_REFERENCE = re.compile(r"^ {0,3}\[([^\]]+)\]:", re.MULTILINE)


def escape(text: str, defined: frozenset[str] = frozenset()) -> str:
    """`text` as Markdown that renders to exactly `text`, on a line of its own (or after "# ", "- ").

    Brackets are escaped only around what a link could take: a [label] followed by "(", "[" or
    ":", or one the motion defines as a reference (`defined`: labels in lower case)."""
    line = " ".join(text.splitlines()).strip()  # four spaces first would make it code
    line = _INLINE.sub(lambda m: "\\" + m.group(0), line)
    line = _links(line, defined)
    line = _BLOCK_START.sub(lambda m: m.group(1) + _marker(m.group(2)), line, count=1)
    if line.endswith("#"):  # a heading's closing sequence would swallow it
        line = line[:-1] + "\\#"
    return line


def _marker(marker: str) -> str:
    """ "1." → "1\\.", "#" → "\\#": the same characters, no longer a block."""
    return marker[:-1] + "\\" + marker[-1] if marker[-1] in ".)" else "\\" + marker


def _links(line: str, defined: frozenset[str]) -> str:
    out: list[str] = []
    index = 0
    while index < len(line):
        close = _closing(line, index) if line[index] == "[" and not _escaped(line, index) else None
        if close is not None:
            label = " ".join(line[index + 1 : close].lower().split())
            if line[close + 1 : close + 2] in ("(", "[", ":") or label in defined:
                out.append("\\[" + line[index + 1 : close] + "\\]")
                index = close + 1
                continue
        out.append(line[index])
        index += 1
    return "".join(out)


def _escaped(line: str, index: int) -> bool:
    """Whether the character at `index` follows an odd run of backslashes (the escape's, not a text's)."""
    run = len(line[:index]) - len(line[:index].rstrip("\\"))
    return run % 2 == 1


def _closing(line: str, start: int) -> int | None:
    """Where the bracket opened at `start` closes (brackets nest), if it does."""
    depth = 0
    for index in range(start, len(line)):
        if line[index] in "[]" and not _escaped(line, index):
            depth += 1 if line[index] == "[" else -1
            if depth == 0:
                return index
    return None


def write(edition: Edition) -> bytes:
    defined = frozenset(" ".join(label.lower().split()) for label in _REFERENCE.findall(edition.markdown))

    def esc(text: str) -> str:
        return escape(text, defined)

    lines = [f"# {esc(edition.title)}", ""]
    if edition.meta:
        lines += [esc(edition.meta), ""]
    motion = edition.markdown.strip() or edition.word("empty")
    lines += [f"*{esc(edition.version.strip())}*", "", "---", "", motion, ""]
    if edition.decisions:
        lines += ["---", "", f"## {edition.word('decisions')}", ""]
        lines += [f"- {esc(result)}" for result in edition.decisions] + [""]
    lines += ["---", "", f"## {edition.word('contributors')}", ""]
    lines += [f"- {esc(name)}" for name in edition.contributors] or [edition.word("nobody")]
    return ("\n".join(lines) + "\n").encode()

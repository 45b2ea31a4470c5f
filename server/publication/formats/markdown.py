"""The motion as Markdown: the text as written, between a header and the list of contributors."""

from __future__ import annotations

import re

from server.publication.edition import Edition

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~])")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def write(edition: Edition) -> bytes:
    lines = [f"# {escape(edition.title)}", ""]
    if edition.meta:
        lines += [escape(edition.meta), ""]
    motion = edition.markdown.strip() or edition.word("empty")
    lines += [f"*{escape(edition.version)}*", "", "---", "", motion, ""]
    if edition.decisions:
        lines += ["---", "", f"## {edition.word('decisions')}", ""]
        lines += [f"- {escape(result)}" for result in edition.decisions] + [""]
    lines += ["---", "", f"## {edition.word('contributors')}", ""]
    lines += [f"- {escape(name)}" for name in edition.contributors] or [edition.word("nobody")]
    return ("\n".join(lines) + "\n").encode()

"""The motion as a Word document (DOCX) with python-docx: headings, numbered proposals, contributors.

Numbers are written as text, not as Word list numbering, so they stay the
published page's whatever the word processor does with lists.
"""

from __future__ import annotations

import io
from typing import Any

from server.publication.blocks import Block, motion_blocks
from server.publication.edition import Edition

INDENT_CM = 0.9


def write(edition: Edition) -> bytes:
    from docx import Document
    from docx.shared import Pt, RGBColor

    document = Document()
    properties = document.core_properties
    properties.title = f"{edition.title} — {edition.word('motion')}"
    properties.author = "Ubiquité"
    properties.language = "en-GB" if edition.lang == "en" else "fr-FR"
    properties.comments = edition.version
    document.styles["Normal"].font.size = Pt(11)

    document.add_heading(edition.title, level=0)
    for line in filter(None, (edition.meta, edition.version)):
        run = document.add_paragraph().add_run(line)
        run.italic = True
        run.font.color.rgb = RGBColor(0x44, 0x44, 0x44)

    blocks = motion_blocks(edition.markdown)
    if not blocks:
        document.add_paragraph(edition.word("empty"))
    for block in blocks:
        _block(document, block)

    if edition.decisions:
        document.add_heading(edition.word("decisions"), level=1)
        for result in edition.decisions:
            document.add_paragraph(result, style="List Bullet")
    document.add_heading(edition.word("contributors"), level=1)
    for name in edition.contributors:
        document.add_paragraph(name, style="List Bullet")
    if not edition.contributors:
        document.add_paragraph(edition.word("nobody"))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _block(document: Any, block: Block) -> None:
    from docx.shared import Cm, Pt

    if block.kind == "rule":
        paragraph = document.add_paragraph("*  *  *")
        paragraph.alignment = 1  # centred
        return
    if block.kind == "heading":
        paragraph = document.add_heading(level=min(block.level, 9))
    elif block.quote:
        paragraph = document.add_paragraph(style="Quote")
    else:
        paragraph = document.add_paragraph()
    depth = max(block.depth, 1) if block.kind == "item" else block.depth
    if depth:
        paragraph.paragraph_format.left_indent = Cm(INDENT_CM * depth)
    if block.kind == "item" and block.label:
        paragraph.paragraph_format.first_line_indent = Cm(-INDENT_CM)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(INDENT_CM * depth))
        label = paragraph.add_run(f"{block.label}\t")
        label.bold = block.role == "proposal"
    for run in block.runs:
        text = run.text
        if run.href and run.href != text:
            text = f"{text} ({run.href})"
        written = paragraph.add_run(text)
        written.bold = run.bold or None
        written.italic = run.italic or None
        written.font.strike = run.strike or None
        if run.code or block.kind == "code":
            written.font.name = "DejaVu Sans Mono"
            written.font.size = Pt(9.5)
        if run.href:
            written.underline = True

"""The motion as PDF (A4) with fpdf2, in DejaVu so that every French letter is there and can be copied.

fpdf2 is pure Python; the fonts are Debian's fonts-dejavu-core (installed by
`scripts/install`), or any folder named by UBIQUITE_PDF_FONT_DIR that holds
DejaVuSans.ttf. Without them the PDF export says so and the others still work.
"""

from __future__ import annotations

import os
from pathlib import Path

from server.publication.blocks import Block, Run, motion_blocks
from server.publication.edition import Edition
from server.publication.formats import FormatUnavailable

FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",  # Debian, Ubuntu: fonts-dejavu-core
    "/usr/share/fonts/dejavu",  # Fedora, Arch
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
    "/Library/Fonts",
)
FACES = {
    "": "DejaVuSans.ttf",
    "B": "DejaVuSans-Bold.ttf",
    "I": "DejaVuSans-Oblique.ttf",
    "BI": "DejaVuSans-BoldOblique.ttf",
}
MONO = "DejaVuSansMono.ttf"
MISSING = (
    "PDF export needs the DejaVu fonts: install Debian's fonts-dejavu-core "
    "(apt-get install fonts-dejavu-core; scripts/install does it when run as root), "
    "or set UBIQUITE_PDF_FONT_DIR to a folder holding DejaVuSans.ttf"
)

MARGIN = 20.0  # mm
INDENT = 8.0  # mm per list level
LINE = 6.0  # mm, body line height


def find_fonts() -> dict[str, Path]:
    """Style ("", "B", "I", "BI", "mono") → font file; a missing style falls back to the regular face."""
    folders = [os.environ.get("UBIQUITE_PDF_FONT_DIR", ""), *FONT_DIRS]
    for folder in filter(None, folders):
        regular = Path(folder) / FACES[""]
        if regular.is_file():
            found = {style: Path(folder) / name for style, name in FACES.items()}
            found["mono"] = Path(folder) / MONO
            return {style: path if path.is_file() else regular for style, path in found.items()}
    raise FormatUnavailable(MISSING)


def write(edition: Edition) -> bytes:
    from fpdf import FPDF

    fonts = find_fonts()
    lang = edition.lang
    footer_words = f"{edition.title} · {edition.version}"

    class MotionPDF(FPDF):
        def footer(self) -> None:
            self.set_y(-14)
            self.set_font("body", "", 8)
            self.set_text_color(110)
            self.cell(0, 5, footer_words[:110], align="L")
            self.set_x(-MARGIN - 20)
            self.cell(20, 5, f"{self.page_no()}/{{nb}}", align="R")
            self.set_text_color(0)

    pdf = MotionPDF(format="A4")
    for style, path in fonts.items():
        if style == "mono":
            pdf.add_font("mono", "", str(path))
        else:
            pdf.add_font("body", style, str(path))
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, MARGIN)
    pdf.set_title(f"{edition.title} — {edition.word('motion')}")
    pdf.set_author(", ".join(edition.contributors)[:500])
    pdf.set_creator("Ubiquité")
    pdf.set_lang("en" if lang == "en" else "fr")
    pdf.add_page()

    pdf.set_font("body", "B", 20)
    pdf.multi_cell(0, 9, edition.title, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", "", 10)
    pdf.set_text_color(70)
    for line in filter(None, (edition.meta, edition.version)):
        pdf.multi_cell(0, 5, line, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)
    pdf.ln(2)
    pdf.set_draw_color(29, 53, 87)
    pdf.set_line_width(0.6)
    pdf.line(MARGIN, pdf.get_y(), pdf.w - MARGIN, pdf.get_y())
    pdf.ln(5)

    blocks = motion_blocks(edition.markdown)
    if not blocks:
        blocks = [Block("paragraph", [Run(edition.word("empty"), italic=True)])]
    widths = _label_widths(pdf, blocks)
    for block in blocks:
        _block(pdf, block, widths.get(id(block), INDENT))

    if edition.decisions:
        pdf.ln(6)
        _block(pdf, Block("heading", [Run(edition.word("decisions"))], level=2))
        for result in edition.decisions:
            _block(pdf, Block("item", [Run(result)], depth=1, label="•"))
    pdf.ln(6)
    _block(pdf, Block("heading", [Run(edition.word("contributors"))], level=2))
    names = edition.contributors or (edition.word("nobody"),)
    people = [
        Block("item", [Run(name)], depth=1, label="•" if edition.contributors else "") for name in names
    ]
    widths = _label_widths(pdf, people)
    for block in people:
        _block(pdf, block, widths.get(id(block), INDENT))
    return bytes(pdf.output())


def _label_font(pdf: object, block: Block) -> None:
    from fpdf import FPDF

    assert isinstance(pdf, FPDF)
    pdf.set_font("body", "B" if block.role == "proposal" else "", 11)


def _label_widths(pdf: object, blocks: list[Block]) -> dict[int, float]:
    """The width of the numbers' column of each item: one per depth over the whole text (the widest
    number there, "12." or "2.1", measured in the font it is drawn in), so that the texts of all
    the proposals start at one place, those of the levers at another, and wrapped lines hang
    under the text. It was measured in whatever font came before: the first item after a heading
    was pushed right."""
    from fpdf import FPDF

    assert isinstance(pdf, FPDF)
    widest: dict[int, float] = {}
    for block in blocks:
        if block.kind == "item" and block.label:
            _label_font(pdf, block)
            width = pdf.get_string_width(block.label + "  ") + 1
            widest[block.depth] = max(widest.get(block.depth, INDENT), width)
    return {id(b): widest[b.depth] for b in blocks if b.kind == "item" and b.label}


HEADING_SIZES = {1: 17.0, 2: 14.0, 3: 12.5}


def _block(pdf: object, block: Block, label_width: float = INDENT) -> None:
    from fpdf import FPDF

    assert isinstance(pdf, FPDF)
    if block.kind == "rule":
        pdf.ln(2)
        pdf.set_line_width(0.2)
        pdf.line(MARGIN, pdf.get_y(), pdf.w - MARGIN, pdf.get_y())
        pdf.ln(3)
        return
    left = MARGIN + INDENT * max(block.depth - 1, 0) + (INDENT if block.quote else 0)
    if block.kind == "heading":
        size = HEADING_SIZES.get(block.level, 11.5)
        pdf.ln(3 if block.level > 1 else 1)
        if pdf.will_page_break(size * 2):  # keep a heading with what follows it
            pdf.add_page()
        pdf.set_x(MARGIN)
        if block.role == "axis":
            pdf.set_text_color(29, 53, 87)
        pdf.set_font("body", "B", size)
        pdf.multi_cell(0, size * 0.5, block.text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0)
        pdf.ln(1.5)
        return
    if block.kind == "code":
        pdf.set_font("mono", "", 9)
        pdf.set_left_margin(left)
        pdf.set_x(left)
        pdf.multi_cell(0, 4.5, block.text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_left_margin(MARGIN)
        pdf.ln(2)
        return
    pdf.set_left_margin(left)
    pdf.set_x(left)
    if block.kind == "item" and block.label:
        _label_font(pdf, block)
        pdf.cell(label_width, LINE, block.label)
        pdf.set_left_margin(left + label_width)  # wrapped lines hang under the text, not the number
    for run in block.runs:
        style = ("B" if run.bold else "") + ("I" if run.italic or block.quote else "")
        if run.strike:
            style += "S"
        if run.href:
            style += "U"
        if run.code:
            pdf.set_font("mono", "", 10)
        else:
            pdf.set_font("body", style, 11)
        if run.href:
            pdf.set_text_color(29, 53, 87)
        pdf.write(LINE, run.text, link=run.href or "")
        pdf.set_text_color(0)
    pdf.ln(LINE)
    pdf.set_left_margin(MARGIN)
    pdf.ln(1.5 if block.kind == "paragraph" else 0.8)

"""Exports of a version: each format opens and holds the title, numbered proposals and contributors."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import pytest

from crdt.numbered import render_numbered
from server.publication.edition import Edition
from server.publication.formats import FormatUnavailable, export, missing

MOTION = """# Motion du congrès

## Axe 1 : Inclusion numérique

1. Former les *élu·es* au numérique dès l'été
   1. Un levier pour les communes rurales
   2. Un autre levier
2. **Créer** une œuvre commune, à Besançon

## Axe 2 : Souveraineté

7. Héberger les données publiques en France
"""


def edition(markdown: str = MOTION) -> Edition:
    return Edition(
        title="Congrès national des élu·es au numérique",
        edition="2026",
        dates="23 novembre 2026",
        version="Texte au 23 novembre 2026, 15 h 02 (position 42 du journal)",
        position=42,
        contributors=("Aïcha Benali", "Zoé Éluard"),
        markdown=markdown,
        lang="fr",
        slug="cnen",
    )


def test_numbers_follow_the_outline_not_the_numbers_typed() -> None:
    rendered = render_numbered(MOTION)
    assert '<h2 id="axe-2">Axe 2 : Souveraineté</h2>' in rendered
    proposal = '<li id="proposition-1-2" class="proposal"><span class="number">2.</span> <strong>Créer'
    assert proposal in rendered
    assert '<li id="levier-1-1-2" class="lever"><span class="number">1.2</span> Un autre levier' in rendered
    assert '<span class="number">1.</span> Héberger' in rendered  # typed "7.", first of its axis
    assert 'start="7"' not in rendered


def test_docx_has_headings_numbered_proposals_and_contributors() -> None:
    from docx import Document

    document = Document(io.BytesIO(export(edition(), "docx")))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    assert ("Title", "Congrès national des élu·es au numérique") in paragraphs
    assert ("Heading 2", "Axe 1 : Inclusion numérique") in paragraphs
    assert ("Heading 2", "Axe 2 : Souveraineté") in paragraphs
    texts = [text for _, text in paragraphs]
    assert "2.\tCréer une œuvre commune, à Besançon" in texts
    assert "1.2\tUn autre levier" in texts
    assert "1.\tHéberger les données publiques en France" in texts
    contributors = texts.index("Contributeur·rices")
    assert paragraphs[contributors][0] == "Heading 1"
    assert texts[contributors + 1 :] == ["Aïcha Benali", "Zoé Éluard"]
    assert document.core_properties.title.startswith("Congrès national")


def test_pdf_text_has_accents_numbers_and_contributors() -> None:
    if "pdf" in missing():
        pytest.skip(missing()["pdf"])
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(export(edition(), "pdf")))
    text = "\n".join(page.extract_text() for page in reader.pages)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "Congrès national des élu·es au numérique" in " ".join(text.split())  # the title may wrap
    assert "Axe 2 : Souveraineté" in lines
    assert "2. Créer une œuvre commune, à Besançon" in lines
    assert "1.1 Un levier pour les communes rurales" in lines
    assert "1. Héberger les données publiques en France" in lines
    assert lines.index("Contributeur·rices") < lines.index("• Aïcha Benali") < lines.index("• Zoé Éluard")
    assert reader.metadata is not None and (reader.metadata.title or "").startswith("Congrès national")


def test_pdf_says_what_to_install_when_the_fonts_are_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    from server.publication.formats import pdf

    monkeypatch.setattr(pdf, "FONT_DIRS", ())
    monkeypatch.setenv("UBIQUITE_PDF_FONT_DIR", "/nonexistent")
    with pytest.raises(FormatUnavailable, match="fonts-dejavu-core"):
        export(edition(), "pdf")
    assert "fonts-dejavu-core" in missing()["pdf"]


class _Items(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.numbers: list[tuple[str, str]] = []  # (li id, number shown)
        self.scripts = 0
        self._li: str | None = None
        self._in_number = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "li" and found.get("class") in ("proposal", "lever"):
            self._li = found.get("id")
        if tag == "span" and found.get("class") == "number":
            self._in_number = True

    def handle_data(self, data: str) -> None:
        if self._in_number and self._li:
            self.numbers.append((self._li, data))
            self._in_number = False


def test_html_is_standalone_and_numbers_the_proposals() -> None:
    document = export(edition(), "html").decode()
    parser = _Items()
    parser.feed(document)
    parser.close()
    assert parser.numbers == [
        ("proposition-1-1", "1."),
        ("levier-1-1-1", "1.1"),
        ("levier-1-1-2", "1.2"),
        ("proposition-1-2", "2."),
        ("proposition-2-1", "1."),
    ]
    assert parser.scripts == 0 and "@media print" in document and "<link" not in document
    assert "<li>Aïcha Benali</li><li>Zoé Éluard</li>" in document


def test_markdown_keeps_the_text_and_lists_contributors() -> None:
    document = export(edition(), "md").decode()
    assert MOTION.strip() in document
    assert document.startswith("# Congrès national des élu·es au numérique\n")
    assert document.rstrip().endswith("- Aïcha Benali\n- Zoé Éluard")


class _Texts(HTMLParser):
    """The text of each element of a rendered page, in order: (tag, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []
        self._open: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open.append([tag, ""])

    def handle_endtag(self, tag: str) -> None:
        opened, text = self._open.pop()
        self.found.append((opened, text))
        if self._open:
            self._open[-1][1] += text

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][1] += data


ODD_WORDS = [
    "Congrès (CNEN) 2026 — position 1 234.",
    "[texte adopté] et [lien](http://exemple.fr) et [défini]",
    "*pas gras* _pas souligné_ `pas du code` ~~pas barré~~ <b>pas du HTML</b> &amp; a\\[b](c)",
    "1. pas une liste",
    "- pas une puce",
    "# pas un titre #",
    "> pas une citation",
]


@pytest.mark.parametrize("odd", ODD_WORDS)
def test_markdown_header_and_names_read_back_as_written(odd: str) -> None:
    """The Markdown export's own words (title, edition, version line, names) render to exactly what
    they are, with as few backslashes as that needs: brackets and parentheses stay as typed."""
    from crdt.render import render_markdown

    motion = "## Axe\n\n1. Une proposition\n\n[défini]: http://exemple.fr\n"
    written = Edition(
        title=odd,
        edition="2026 (Besançon)",
        dates="23 novembre 2026",
        version=f"Texte au 23 novembre 2026, 15 h 02 (position 42 du journal) {odd}",
        position=42,
        contributors=(odd, "Jean-Marc L'Hôte"),
        markdown=motion,
        lang="fr",
        slug="cnen",
    )
    document = export(written, "md").decode()
    parser = _Texts()
    parser.feed(render_markdown(document))
    texts = parser.found
    assert ("h1", odd) in texts
    assert ("p", "Édition 2026 (Besançon) · 23 novembre 2026") in texts
    assert ("em", written.version) in texts
    assert ("li", odd) in texts and ("li", "Jean-Marc L'Hôte") in texts
    assert "(position 42 du journal)" in document and "\\(" not in document  # parentheses as typed
    if "[texte adopté]" in odd:
        assert "[texte adopté]" in document  # no link can be made of it: left as typed


def _pdf_words(data: bytes) -> list[tuple[float, float, str]]:
    """Every piece of text the PDF draws with where it starts: (x, y, text), in PDF points."""
    from pypdf import PdfReader

    found: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((round(x, 1), round(y, 1), text.strip()))

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return found


def test_pdf_list_items_line_up_after_their_numbers() -> None:
    """The text of every proposal starts at the same place whatever its number ("1." or "12."), and
    so does every lever's ("1.1"); the first item after a heading was pushed right (issue 13)."""
    if "pdf" in missing():
        pytest.skip(missing()["pdf"])
    proposals = "\n".join(f"{n}. Proposition numéro {n} pour les communes" for n in range(1, 13))
    motion = (
        "# Motion\n\n## Axe 1 : Inclusion numérique\n\n"
        f"{proposals}\n    1. Un levier\n    2. Un autre levier\n\n"
        "## Axe 2 : Souveraineté\n\n1. Héberger les données publiques en France\n"
    )
    words = _pdf_words(export(edition(motion), "pdf"))
    starts = {}
    for index, (x, y, text) in enumerate(words):
        if text.startswith(("Proposition numéro", "Un levier", "Un autre levier", "Héberger")):
            number = next(w for w in reversed(words[:index]) if abs(w[1] - y) < 1)  # its number, same line
            assert number[0] < x
            starts[text] = x
    assert len(starts) == 15, starts
    proposal_starts = {x for text, x in starts.items() if not text.startswith(("Un levier", "Un autre"))}
    lever_starts = {starts["Un levier"], starts["Un autre levier"]}
    assert len(proposal_starts) == 1, sorted(proposal_starts)
    assert len(lever_starts) == 1 and min(lever_starts) > min(proposal_starts)

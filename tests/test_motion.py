"""crdt.motion and crdt.render: the motion's outline and its HTML."""

from __future__ import annotations

from crdt.motion import outline
from crdt.render import render_markdown

MOTION = """# Motion du congrès 2026

## Inclusion numérique

1. Former les aidants numériques
   1. Un réseau départemental
   2. Un financement pérenne
2. Ouvrir des lieux de médiation

```
## pas un axe
1. pas une proposition
```

## Cybersécurité

3) Un plan par commune
"""


def test_outline_numbers_axes_proposals_and_levers_in_text_order() -> None:
    title, first, second = outline(MOTION)
    assert (title.kind, title.title) == ("title", "Motion du congrès 2026")
    assert (first.kind, first.number, first.title) == ("axis", "1", "Inclusion numérique")
    assert [(p.number, p.title) for p in first.children] == [
        ("1", "Former les aidants numériques"),
        ("2", "Ouvrir des lieux de médiation"),
    ]
    assert [(lever.number, lever.title) for lever in first.children[0].children] == [
        ("1.1", "Un réseau départemental"),
        ("1.2", "Un financement pérenne"),
    ]
    assert [(p.number, p.title, p.line) for p in second.children] == [("1", "Un plan par commune", 16)]


def test_rendering_numbers_proposals_and_refuses_raw_html() -> None:
    html = render_markdown("## Axe\n\n1. Proposition\n2. Autre\n\n<script>alert(1)</script>\n")
    assert "<h2>Axe</h2>" in html and "<ol>" in html and "<li>Autre</li>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_rendering_supports_tables_and_strikethrough() -> None:
    html = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~retiré~~\n")
    assert "<table>" in html and "<s>retiré</s>" in html

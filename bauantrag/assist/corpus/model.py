"""The data types of the corpus: a document is pages of blocks; a Sample carries its text and true values."""

from __future__ import annotations

from dataclasses import dataclass, field

# Keys of Sample.fields (the labelled values H3's extraction is measured against).
FIELD_KEYS = (
    "flurstueck",
    "gemarkung",
    "flur",
    "bauherr",
    "entwurfsverfasser",
    "kammer_nummer",
    "gebaeudeklasse",
    "vollgeschosse",
    "gebaeudehoehe_m",
    "firsthoehe_m",
    "traufhoehe_m",
    "grz",
    "gfz",
    "brutto_rauminhalt_m3",
    "wohneinheiten",
)


@dataclass(frozen=True)
class Block:
    """One layout element of a page.

    kind: ``h1``/``h2``/``h3`` heading, ``p`` paragraph, ``small`` small print, ``ul`` bullet list (items),
    ``ol`` numbered list, ``kv`` label/value pairs (rows of 2), ``table`` (rows; the first is the header when
    ``header``), ``letterhead`` (items = lines, right-aligned sender block), ``address`` (items = lines),
    ``sig`` signature block (items = lines under the line), ``drawing`` (text = plan kind, items = labels on
    the drawing), ``photo`` (text = caption), ``stamp`` (items = lines in a box).
    """

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    header: bool = False


@dataclass
class Sample:
    doc_class: str  # one of CLASS_NAMES, e.g. "lageplan"
    code: str  # XBau code of this document (vorlagenantragstellung), e.g. "1803"
    title: str
    pages: list[str]  # the text of each page (what a text PDF's text layer holds)
    fields: dict[str, str]  # true values of FIELD_KEYS that appear in the text (normalised)
    variant: str  # "<class>.<layout>", e.g. "lageplan.plan_klassisch"
    scanned: bool  # rendered as scanned-looking images without a text layer
    layout: list[list[Block]] = field(default_factory=list, repr=False, compare=False)
    style: int = 0  # index of the CSS / drawing style used by render_pdf
    seed: int = 0  # the seed this very sample was generated from (reproducible on its own)
    heldout: bool = False  # True when the layout variant never occurs in the training split


def block_text(block: Block) -> str:
    """The text a PDF text layer / a careful reader yields for one block."""
    kind = block.kind
    if kind in ("h1", "h2", "h3", "p", "small"):
        return block.text
    if kind == "ul":
        return "\n".join(f"- {item}" for item in block.items)
    if kind == "ol":
        return "\n".join(f"{n}. {item}" for n, item in enumerate(block.items, start=1))
    if kind in ("kv", "table"):
        return "\n".join(" ".join(cell for cell in row if cell) for row in block.rows)
    if kind in ("letterhead", "address", "sig", "stamp"):
        return "\n".join(block.items)
    if kind == "drawing":
        return "\n".join(block.items)
    if kind == "photo":
        return block.text
    raise ValueError(f"unknown block kind {kind!r}")


def page_text(blocks: list[Block]) -> str:
    return "\n".join(text for text in (block_text(b) for b in blocks) if text)

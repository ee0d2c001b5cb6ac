"""A synthetic, labelled corpus of German Bauvorlagen for training and measuring the assist models.

    from bauantrag.assist.corpus import generate, render_pdf
    samples = generate("train", seed=1)          # list[Sample]
    pdf = render_pdf(samples[0])                 # bytes: text PDF, or image-only PDF when sample.scanned

Deterministic for a given (split, seed, per_class). See README.md in this folder.
"""

from __future__ import annotations

import random
import re

from bauantrag.assist.corpus.builder import Doc
from bauantrag.assist.corpus.classes import BY_NAME, CLASS_NAMES, CLASSES, DocClass, class_of_code
from bauantrag.assist.corpus.model import FIELD_KEYS, Block, Sample, page_text
from bauantrag.assist.corpus.project import random_project
from bauantrag.assist.corpus.render import N_STYLES, TEST_ONLY_STYLES, render_pdf, scanned_pages

__all__ = [
    "BY_NAME",
    "CLASSES",
    "CLASS_NAMES",
    "DEFAULT_SEEDS",
    "FIELD_KEYS",
    "Block",
    "DocClass",
    "Sample",
    "class_of_code",
    "generate",
    "generate_one",
    "render_pdf",
    "scanned_pages",
]

SPLITS = ("train", "test")
DEFAULT_SEEDS = {"train": 20260701, "test": 7_310_447}
DEFAULT_PER_CLASS = {"train": 110, "test": 40}
SCANNED_FRACTION = 0.15
HELDOUT_SHARE = 0.5  # share of test documents drawn from the held-out layout variants (where a class has some)

# Sentences from other Bauvorlagen that real documents mention in passing (hard cases: mixed vocabulary).
_MIXINS = (
    "Die notwendigen Stellplätze werden auf dem Grundstück nachgewiesen (siehe Stellplatznachweis).",
    "Rauchwarnmelder werden nach § 47 Abs. 3 BauO NRW in allen Aufenthaltsräumen eingebaut.",
    "Der Entwurfsverfasser ist bauvorlageberechtigt nach § 67 BauO NRW.",
    "Die Lage des Gebäudes ist dem Lageplan zu entnehmen.",
    "Die statische Berechnung wird vor Baubeginn nachgereicht.",
    "Einzelheiten siehe Bauzeichnungen im Maßstab 1:100.",
    "GRZ und GFZ sind in der gesonderten Berechnung nachgewiesen.",
    "Fotos des Bestands liegen bei.",
    "Die Baubeschreibung ist beigefügt.",
    "Eine Vollmacht der Bauherrschaft liegt vor.",
    "Auszug aus der Flurkarte anbei.",
    "Brandschutz: Der zweite Rettungsweg wird über Leitern der Feuerwehr sichergestellt.",
)
_TEST_MIXINS = (
    "Hinweis: Die Unterlagen zum Brandschutz werden vom Fachplaner erstellt.",
    "Die Abstandsflächen sind im Lageplan dargestellt.",
)


def _written_in(form: str, text: str) -> bool:
    """The value occurs in the text as a token of its own (not as part of another number or word)."""
    return bool(form) and re.search(rf"(?<![\w/,.]){re.escape(form)}(?![\w/]|[,.]\d)", text) is not None


def _variant_names(doc_class: DocClass, split: str, rng: random.Random) -> str:
    shared = sorted(set(doc_class.variants) - doc_class.heldout)
    if split == "test" and doc_class.heldout and rng.random() < HELDOUT_SHARE:
        return rng.choice(sorted(doc_class.heldout))
    return rng.choice(shared)


def generate_one(
    doc_class: DocClass,
    split: str,
    sample_seed: int,
    scanned_fraction: float = SCANNED_FRACTION,
    variant: str | None = None,
) -> Sample:
    """One document of the class, fully determined by sample_seed (and split, which unlocks held-out wording)."""
    rng = random.Random(sample_seed)  # noqa: S311 - synthetic data, not security
    name = variant or _variant_names(doc_class, split, rng)
    doc = Doc(rng, random_project(rng), split)
    doc_class.variants[name](doc)
    label = f"{doc_class.name}.{name}"
    if doc_class.name != "sonstige" and rng.random() < 0.15:
        mixin = doc.w(_MIXINS, _TEST_MIXINS)
        doc.pages[-1].append(Block("p", mixin))
        label += "+mix"
    pages = [page_text(blocks) for blocks in doc.pages if blocks]
    text = "\n".join(pages)
    fields = {k: v for k, v in doc.fields.items() if any(_written_in(form, text) for form in doc.written.get(k, ()))}
    styles = list(range(N_STYLES)) if split == "test" else [s for s in range(N_STYLES) if s not in TEST_ONLY_STYLES]
    return Sample(
        doc_class=doc_class.name,
        code=doc.code or doc_class.code,
        title=doc.title or doc_class.label,
        pages=pages,
        fields=fields,
        variant=label,
        scanned=rng.random() < scanned_fraction,
        layout=[blocks for blocks in doc.pages if blocks],
        style=rng.choice(styles),
        seed=sample_seed,
        heldout=name in doc_class.heldout,
    )


def generate(
    split: str = "train",
    seed: int | None = None,
    per_class: int | None = None,
    scanned_fraction: float = SCANNED_FRACTION,
    classes: tuple[str, ...] | None = None,
) -> list[Sample]:
    """The samples of a split: per_class documents of every class (train 110, test 40 by default).

    The test split uses its own seeds and, for about half of its documents, layout variants and phrases that the
    training split never contains (``Sample.heldout``).
    """
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    seed = DEFAULT_SEEDS[split] if seed is None else seed
    count = DEFAULT_PER_CLASS[split] if per_class is None else per_class
    samples = []
    for doc_class in CLASSES:
        if classes is not None and doc_class.name not in classes:
            continue
        for index in range(count):
            sample_seed = random.Random(f"{split}:{seed}:{doc_class.name}:{index}").getrandbits(48)  # noqa: S311
            samples.append(generate_one(doc_class, split, sample_seed, scanned_fraction))
    return samples

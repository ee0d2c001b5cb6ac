"""Whether a figure is the Bebauungsplan's permitted value or the project's own ("GRZ zulässig 0,4, vorhanden 0,32").

Works on folded text (folding.py); used by extractor.py.
"""

from __future__ import annotations

import re

from bauantrag.assist.extraction.folding import fold_label
from bauantrag.assist.extraction.patterns import ACTUAL_WORDS, PERMITTED_WORDS


def _words_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the words, also inflected ("zulässige", "geplanten")."""
    alternatives = [re.escape(fold_label(w)) + (r"(?:e|en|er|es|em)?" if w[-1].isalpha() else "") for w in words]
    return re.compile(r"(?<![a-z])(?:" + "|".join(alternatives) + r")(?![a-z])")


PERMITTED_RE = _words_re(PERMITTED_WORDS)
ACTUAL_RE = _words_re(ACTUAL_WORDS)



def is_permitted(search: str, context_start: int, token_start: int, token_end: int) -> bool:
    """The last qualifying word before the number (from context_start) decides; a word right after wins."""
    after = re.compile(r" ?(?:m3|m2|m)?\)? ?\(?").match(search, token_end)
    rest = after.end() if after else token_end
    for words, answer in ((PERMITTED_RE, True), (ACTUAL_RE, False)):
        word = words.match(search, rest)
        # "0,4 (zulässig)" or "0,4 zulässig," - but not "0,4 vorhanden 0,30", where the word belongs to what follows
        if word and re.compile(r" ?(?:\)|[,;.]|\n|$)").match(search, word.end()):
            return answer
    before = search[context_start:token_start]
    permitted = [m.end() for m in PERMITTED_RE.finditer(before)]
    actual = [m.end() for m in ACTUAL_RE.finditer(before)]
    return bool(permitted) and (not actual or max(permitted) > max(actual))


def column_qualifiers(search: str, line_start: int, count: int) -> list[bool] | None:
    """For a table row with several figures: the table's header ("Festsetzung zulässig geplant") says which
    column is the permitted and which the project's figure. One flag (permitted?) per column, or None."""
    position = line_start
    for _ in range(15):
        if position <= 0:
            return None
        header_start = search.rfind("\n", 0, position - 1) + 1
        header = search[header_start : position - 1]
        words = sorted([(m.start(), True) for m in PERMITTED_RE.finditer(header)]
                       + [(m.start(), False) for m in ACTUAL_RE.finditer(header)])
        if any(w[1] for w in words) and not all(w[1] for w in words):
            flags = [permitted for _, permitted in words]
            return flags[-count:] if len(flags) >= count else None
        position = header_start
    return None



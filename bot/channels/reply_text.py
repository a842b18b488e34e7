"""Text helpers shared by the channels: platform length limits and short titles."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Shown when someone sends a sticker, photo, voice note, location, ...:
# the assistant only understands typed text.
ONLY_TEXT_REPLY = "Sorry, ik kan alleen tekst lezen. Wil je het in een paar woorden typen?"

# Fallback body for a button message that came without text: both platforms
# refuse an empty message body.
CHOOSE_PROMPT = "Maak een keuze:"

ELLIPSIS = "…"

# A sentence ends with . ! ? or … (optionally followed by closing quotes or
# brackets) and whitespace; a line break always ends a piece.
_SENTENCE_GAP = re.compile(r"(?<=[.!?…])[\"')\]]*\s+|\n+")


def _pieces(text: str) -> list[str]:
    """Split text into sentences, keeping the separator glued to the sentence."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_GAP.finditer(text):
        pieces.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def _split_long_piece(piece: str, limit: int) -> list[str]:
    """Split one over-long sentence on spaces; cut words that alone exceed the limit."""
    chunks: list[str] = []
    current = ""
    for word in re.findall(r"\S+\s*", piece):
        while len(word.rstrip()) > limit:
            if current.strip():
                chunks.append(current.strip())
                current = ""
            chunks.append(word[:limit])
            word = word[limit:]
        if len((current + word).rstrip()) > limit:
            chunks.append(current.strip())
            current = ""
        current += word
    if current.strip():
        chunks.append(current.strip())
    return chunks


def split_text(text: str, limit: int) -> list[str]:
    """Split ``text`` into chunks of at most ``limit`` characters.

    Chunks end on sentence boundaries where possible, then on word boundaries,
    and only cut inside a word that is itself longer than the limit.
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    text = text.strip()
    if len(text) <= limit:
        return [text] if text else []
    chunks: list[str] = []
    current = ""
    for piece in _pieces(text):
        if len((current + piece).rstrip()) <= limit:
            current += piece
            continue
        if current.strip():
            chunks.append(current.strip())
        current = ""
        if len(piece.rstrip()) <= limit:
            current = piece
        else:
            *full, last = _split_long_piece(piece, limit)
            chunks.extend(full)
            current = last + " "
    if current.strip():
        chunks.append(current.strip())
    return chunks


def split_tail(text: str, tail_limit: int) -> tuple[str, str]:
    """Return (head, tail): tail is the last sentence-aligned part of at most tail_limit.

    Used when a message body has a lower limit than a plain text message
    (e.g. a WhatsApp button message body): the head goes out as plain text first.
    """
    chunks = split_text(text, tail_limit)
    if len(chunks) <= 1:
        return "", (chunks[0] if chunks else "")
    tail = chunks[-1]
    stripped = text.strip()
    head = stripped[: stripped.rfind(tail)].strip()
    return head, tail


def shorten(title: str, limit: int) -> str:
    """Cut a title to ``limit`` characters on a word boundary, marking the cut with "…"."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    room = limit - len(ELLIPSIS)
    cut = title[: room + 1]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    cut = cut[:room].rstrip(" ,;:-–")
    if not cut:
        cut = title[:room]
    return cut + ELLIPSIS


def shorten_from_start(title: str, limit: int) -> str:
    """Keep the end of a title instead: "…" plus as many whole last words as fit."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    room = limit - len(ELLIPSIS)
    kept = ""
    for word in reversed(title.split(" ")):
        candidate = f"{word} {kept}".strip()
        if len(candidate) > room:
            break
        kept = candidate
    return ELLIPSIS + (kept or title[-room:])


def unique_titles(titles: Iterable[str], limit: int) -> list[str]:
    """Shorten every title to ``limit`` and make them unique (platforms reject duplicates).

    Titles that only differ at the end ("Gesprek met een adviseur" / "... een coach")
    would all be cut to the same start, so those keep their end instead; a number
    is the last resort.
    """
    originals = [" ".join(t.split()) or "Optie" for t in titles]
    heads = [shorten(t, limit) for t in originals]
    clashing = {
        h.casefold() for h in heads if [x.casefold() for x in heads].count(h.casefold()) > 1
    }
    result: list[str] = []
    seen: set[str] = set()
    for original, head in zip(originals, heads, strict=True):
        candidate = head
        if head.casefold() in clashing and head != original:
            candidate = shorten_from_start(original, limit)
        number = 2
        while candidate.casefold() in seen:
            suffix = f" ({number})"
            candidate = shorten(original, limit - len(suffix)) + suffix
            number += 1
        seen.add(candidate.casefold())
        result.append(candidate)
    return result

"""Decompression bombs in PNG files (SECURITY.md row 2): walks the chunks and inflates the compressed ones with a
bound, keeping nothing of the output.

Pillow reads only up to the first image data when an upload is checked (documents.images) and reads text chunks
after it only when the pixels are decoded, later, in the text reading child. So a ``zTXt`` chunk of 1 GB of zeros
(a few hundred kB compressed) passed the upload. Now refused: compressed text (``zTXt``, compressed ``iTXt``) or
colour profile (``iCCP``) over ``MAX_CHUNK_TEXT`` per chunk or ``MAX_TEXT`` together, image data (``IDAT``,
``fdAT``) that inflates to more than the declared width and height can hold, and broken or truncated chunks.
"""

from __future__ import annotations

import math
import struct
import zlib
from collections.abc import Iterator
from typing import IO

from django.utils.translation import gettext as _

from bauantrag.documents.images import MAX_FRAMES
from bauantrag.documents.validation import UploadRejected

MAX_CHUNK_TEXT = 1024 * 1024  # Pillow's own limit per text chunk (PngImagePlugin.MAX_TEXT_CHUNK)
MAX_TEXT = 8 * 1024 * 1024  # all text chunks and the profile together
MAX_CHUNK_BYTES = 2**31 - 1  # the PNG specification's limit of a chunk's length
_STEP = 256 * 1024  # output inflated per step; never more is held
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))


def check_png(source: IO[bytes]) -> int:
    """Raise UploadRejected for a PNG whose compressed chunks inflate beyond their bounds; return the offset after
    its IEND chunk (what follows is for documents.polyglot to judge)."""
    source.seek(8)  # the signature was checked when the kind was decided
    expected = frames = 0
    text = 0
    image_data = zlib.decompressobj()
    inflated = 0
    try:
        while True:
            kind, length = _chunk_header(source)
            if kind == b"IHDR":
                body = _read(source, length)
                expected = _raw_size(body)
            elif kind == b"acTL":
                frames = struct.unpack(">I", _read(source, length)[:4])[0]
            elif kind in (b"zTXt", b"iTXt", b"iCCP"):
                size = _text_size(kind, _read(source, length))
                text += size
                if size > MAX_CHUNK_TEXT or text > MAX_TEXT:
                    raise UploadRejected(
                        _("Die PNG-Datei enthält komprimierten Text (%(chunk)s), der entpackt mehr als %(max)s MB "
                          "ergäbe (Dekomprimierungsbombe). Sie wird nicht angenommen.")
                        % {"chunk": kind.decode("ascii"), "max": (MAX_CHUNK_TEXT if size > MAX_CHUNK_TEXT
                                                                   else MAX_TEXT) // (1024 * 1024)}
                    )
            elif kind in (b"IDAT", b"fdAT"):
                body = _read(source, length)
                limit = _image_limit(expected, frames)
                inflated += _inflated(image_data, [body[4:] if kind == b"fdAT" else body], limit - inflated)
                if inflated > limit:
                    raise UploadRejected(
                        _("Die Bilddaten der PNG-Datei ergäben entpackt mehr, als ihre angegebene Bildgröße fasst "
                          "(Dekomprimierungsbombe). Sie wird nicht angenommen.")
                    )
                if kind == b"fdAT":
                    image_data = zlib.decompressobj()  # each frame's data is its own stream
            else:
                source.seek(length, 1)
            source.seek(4, 1)  # CRC
            if kind == b"IEND":
                return source.tell()
    except (struct.error, zlib.error, _Truncated):
        raise UploadRejected(_("Die Bilddatei ist beschädigt und kann nicht gelesen werden.")) from None
    finally:
        source.seek(0)


class _Truncated(Exception):
    pass


def _chunk_header(source: IO[bytes]) -> tuple[bytes, int]:
    header = source.read(8)
    if len(header) < 8:
        raise _Truncated
    length, kind = struct.unpack(">I4s", header)
    if length > MAX_CHUNK_BYTES or not kind.isalpha():
        raise _Truncated
    return kind, length


def _read(source: IO[bytes], length: int) -> bytes:
    data = source.read(length)
    if len(data) < length:
        raise _Truncated
    return data


def _raw_size(ihdr: bytes) -> int:
    """The bytes the image data inflates to: a filter byte and the packed pixels of each row (of each pass)."""
    values: tuple[int, ...] = struct.unpack(">IIBBBBB", ihdr[:13])
    width, height, depth, colour, _compression, _filter, interlace = values
    bits = _CHANNELS.get(colour, 4) * depth
    if not interlace:
        return height * (1 + math.ceil(width * bits / 8))
    total = 0
    for x0, y0, dx, dy in _ADAM7:
        columns, rows = max(0, math.ceil((width - x0) / dx)), max(0, math.ceil((height - y0) / dy))
        if columns and rows:
            total += rows * (1 + math.ceil(columns * bits / 8))
    return total


def _image_limit(expected: int, frames: int) -> int:
    """What all image data may inflate to: the declared image (each animation frame at most as large), with 1 %
    and 1 kB to spare for encoders that add a little."""
    return int(expected * min(max(1, frames), MAX_FRAMES) * 1.01) + 1024


def _text_size(kind: bytes, body: bytes) -> int:
    """The inflated size of a compressed text chunk (counted up to just over the limit); 0 for uncompressed iTXt."""
    name_end = body.find(b"\0")
    if name_end < 0:
        raise _Truncated
    if kind == b"iTXt":
        compressed = body[name_end + 1: name_end + 2] == b"\x01"
        if not compressed:
            return 0
        rest = body[name_end + 3:]
        for _field in range(2):  # language tag, translated keyword
            end = rest.find(b"\0")
            if end < 0:
                raise _Truncated
            rest = rest[end + 1:]
        data = rest
    else:
        data = body[name_end + 2:]  # after the compression method byte
    return _inflated(zlib.decompressobj(), [data], MAX_CHUNK_TEXT)


def _inflated(stream: zlib._Decompress, pieces: list[bytes], limit: int) -> int:
    """Bytes the pieces inflate to, counted in steps and stopped just past ``limit``."""
    total = 0
    for piece in pieces:
        for size in _steps(stream, piece):
            total += size
            if total > limit:
                return total
    return total


def _steps(stream: zlib._Decompress, data: bytes) -> Iterator[int]:
    out = stream.decompress(data, _STEP)
    yield len(out)
    while stream.unconsumed_tail:
        out = stream.decompress(stream.unconsumed_tail, _STEP)
        yield len(out)

"""Bytes -> text, with the legacy Arabic encodings a real archive contains.

UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded directly. Otherwise the two
legacy Arabic code pages (windows-1256, ISO-8859-6) are tried and the one whose non-ASCII
characters are mostly Arabic letters wins; charset-normalizer is the last resort. Binary data
is recognised (NUL bytes, control characters, well-known magic numbers) and refused.
"""
from __future__ import annotations

import codecs
import re

from ..errors import MarsadError

__all__ = ["decode_bytes", "looks_binary"]

_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF",
          b"MZ", b"OggS", b"RIFF", b"\x00\x00\x01\x00")
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: Share of control bytes in the first 8 KiB above which the input is binary. Text files,
#: even damaged ones, have essentially none; compressed or image data has ~10 %.
BINARY_CONTROL_RATIO = 0.02
#: Share of non-ASCII characters that must be Arabic letters for a legacy code page to be
#: accepted (cp1256 maps almost every byte, so a loose guess would always "succeed").
ARABIC_SHARE_MIN = 0.6
_ARABIC = re.compile(r"[\u0600-\u06FF]")


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
        return False
    if any(head.startswith(m) for m in _MAGIC):
        return True
    if b"\x00" in head:
        return True
    return len(_CONTROL.findall(head)) > BINARY_CONTROL_RATIO * max(len(head), 1)


def _arabic_share(text: str) -> float:
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return 0.0
    return sum(1 for c in non_ascii if _ARABIC.match(c)) / len(non_ascii)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise ``MarsadError`` (E_BINARY / E_DECODE)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace"), "utf-8-sig"
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc
            except UnicodeDecodeError as exc:
                raise MarsadError("E_DECODE", str(exc)) from exc
    if looks_binary(data):
        raise MarsadError("E_BINARY")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best: tuple[float, str, str] | None = None
    for enc in ("cp1256", "iso8859_6"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        share = _arabic_share(text)
        if best is None or share > best[0]:
            best = (share, text, enc)
    if best is not None and best[0] >= ARABIC_SHARE_MIN:
        return best[1], best[2]
    try:
        from charset_normalizer import from_bytes
        match = from_bytes(data).best()
    except Exception:  # pragma: no cover - charset-normalizer failing is itself a decode error
        match = None
    if match is not None:
        text = str(match)
        if text.strip():
            return text, str(match.encoding)
    raise MarsadError("E_DECODE", "not UTF-8, windows-1256 or ISO-8859-6")

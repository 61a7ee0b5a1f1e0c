"""Turn the bytes of an `.lrmx` file into text: BOMs, XML declarations, UTF-16 and GBK."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from ingest.lrmx.errors import LrmxError, LrmxIssue

_DECLARATION = re.compile(r"^\s*<\?xml\s[^>]*\?>")
_ENCODING = re.compile(r"""\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_CHINESE = {"gb2312", "gbk", "cp936", "gb18030", "euc_cn", "hz"}
_UTF8_EVIDENCE = 3
_TRUNCATED = ("unexpected end of data", "incomplete multibyte sequence", "truncated data")


@dataclass
class Decoded:
    text: str
    """The document without its XML declaration (line numbers unchanged)."""
    encoding: str
    issues: list[LrmxIssue] = field(default_factory=list)


def _canonical(name: str) -> str:
    codec = codecs.lookup(name).name
    return "gb18030" if codec in _CHINESE else codec


def _declared(head: str) -> str | None:
    declaration = _DECLARATION.match(head)
    encoding = _ENCODING.search(declaration.group(0)) if declaration else None
    return encoding.group(1) if encoding else None


def _warning(reason: str) -> LrmxIssue:
    return LrmxIssue(element="document", field=None, reason=reason, severity="warning")


def _fail(file: str, data: bytes, tried: list[str], exc: UnicodeDecodeError) -> LrmxError:
    names = " nor ".join(name.upper() for name in tried)
    if exc.reason in _TRUNCATED or exc.end >= len(data):
        return LrmxError(file, None, None, f"truncated file: incomplete {exc.encoding.upper()} "
                         f"character at the end (byte offset {exc.start})")
    bad = data[exc.start:exc.end].hex(" ")
    return LrmxError(file, None, None, f"wrong encoding: the bytes are not valid {names} "
                     f"(bytes {bad} at offset {exc.start})")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _eight_bit(data: bytes, file: str, issues: list[LrmxIssue]) -> tuple[str, list[str]]:
    """The encodings to try, in order, for a file without BOM or UTF-16 byte pattern."""
    declared = _declared(data[:256].decode("ascii", "replace"))
    if declared is None:
        return "utf-8", ["gb18030"]
    try:
        codec = _canonical(declared)
    except LookupError:
        raise LrmxError(file, None, None, f"unsupported encoding {declared!r} in the XML "
                        "declaration") from None
    if codec.startswith(("utf-16", "utf-32")):
        issues.append(_warning(f"declared {declared} but the file is 8-bit; read as UTF-8"))
        return "utf-8", ["gb18030"]
    if codec == "gb18030" and not data.isascii() and _is_utf8(data):
        # Chinese text in GBK is practically never valid UTF-8, so the label is wrong.
        issues.append(_warning(f"declared {declared} but the content is UTF-8; read as UTF-8"))
        return "utf-8", []
    others = [c for c in ("utf-8", "gb18030") if c != codec]
    return codec, others


def decode_document(data: bytes, file: str) -> Decoded:
    """Decode per BOM, else UTF-16 byte pattern, else the declared encoding (GB2312 and GBK
    are read as their superset GB18030), else UTF-8. A file that is not valid in its
    declared encoding but valid UTF-8/GB18030 is read anyway with a warning."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise LrmxError(file, None, None, "empty file")
    issues: list[LrmxIssue] = []
    fallbacks: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif data.startswith(b"<\x00"):
        encoding = "utf-16-le"
    elif data.startswith(b"\x00<"):
        encoding = "utf-16-be"
    else:
        encoding, fallbacks = _eight_bit(data, file, issues)
    text, used = _decode(data, [encoding, *fallbacks], file)
    if used != encoding:
        issues.append(_warning(f"the file is not valid {encoding}; read as {used}"))
    text = text.lstrip("\ufeff")
    declaration = _DECLARATION.match(text)
    if declaration is None:
        return Decoded(text, used, issues)
    declared = _declared(declaration.group(0))
    if declared and used.startswith("utf-16") and not declared.lower().startswith("utf-16"):
        issues.append(_warning(f"declared {declared} but the file is {used} (byte order "
                               "mark or byte pattern)"))
    blank = "\n" * declaration.group(0).count("\n")
    return Decoded(blank + text[declaration.end():], used, issues)


def _decode(data: bytes, encodings: list[str], file: str) -> tuple[str, str]:
    """The text and the first encoding that decodes it; else the error that got furthest."""
    errors: list[UnicodeDecodeError] = []
    for tried, encoding in enumerate(encodings, start=1):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            errors.append(exc)
            if encoding.startswith("utf-8") and _utf8_until_broken(data, exc):
                raise _fail(file, data, encodings[:tried], exc) from None
    worst = max(errors, key=lambda exc: exc.start)
    raise _fail(file, data, encodings, worst) from None


def _utf8_until_broken(data: bytes, exc: UnicodeDecodeError) -> bool:
    """True when several non-ASCII characters decoded fine before the error: the file is
    damaged UTF-8 (or cut off), not GBK, and must not be re-read as GB18030."""
    prefix = data[:exc.start].decode("utf-8", "replace")
    return sum(ord(ch) > 0x7F for ch in prefix) >= _UTF8_EVIDENCE

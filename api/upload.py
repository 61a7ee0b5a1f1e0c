"""Uploaded files to a temporary directory: streamed with a size limit, zips unpacked safely.

Zip members are flattened to their base names (no paths: no zip-slip), only wanted suffixes
are kept, and the unpacked total and member count are bounded (no zip bombs).
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from graph.errors import CadreGraphError, InvalidInput

CHUNK = 1 << 20
MAX_UPLOAD = 512 << 20
MAX_UNPACKED = 2 << 30
MAX_MEMBERS = 10_000


class TooLarge(CadreGraphError):
    status = 413
    title = "内容过大 Payload too large"


def save(stream: BinaryIO, target: Path, limit: int = MAX_UPLOAD) -> Path:
    """Copy the upload to `target` in chunks, refusing more than `limit` bytes."""
    size = 0
    with target.open("wb") as out:
        while chunk := stream.read(CHUNK):
            size += len(chunk)
            if size > limit:
                raise TooLarge(f"the upload is larger than {limit >> 20} MiB")
            out.write(chunk)
    if size == 0:
        raise InvalidInput("the uploaded file is empty")
    return target


def is_zip(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(4) == b"PK\x03\x04"


def is_xlsx(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            return "[Content_Types].xml" in zf.namelist()
    except zipfile.BadZipFile:
        return False


def unpack(archive: Path, into: Path, suffixes: tuple[str, ...]) -> Path:
    """Unpack the members with these suffixes, flat, into `into`; returns `into`."""
    into.mkdir(parents=True, exist_ok=True)
    try:
        zf = zipfile.ZipFile(archive)
    except zipfile.BadZipFile as exc:
        raise InvalidInput(f"not a zip file: {exc}") from exc
    with zf:
        members = [m for m in zf.infolist() if not m.is_dir()
                   and PurePosixPath(m.filename.replace("\\", "/")).suffix.lower() in suffixes
                   and not PurePosixPath(m.filename).name.startswith(".")]
        if len(members) > MAX_MEMBERS:
            raise TooLarge(f"the zip holds more than {MAX_MEMBERS} files")
        if sum(m.file_size for m in members) > MAX_UNPACKED:
            raise TooLarge(f"the zip unpacks to more than {MAX_UNPACKED >> 30} GiB")
        if not members:
            raise InvalidInput(f"the zip holds no {' or '.join(suffixes)} file")
        seen: set[str] = set()
        for m in members:
            name = PurePosixPath(m.filename.replace("\\", "/")).name
            if name.lower() in seen:
                raise InvalidInput(f"the zip holds {name!r} twice")
            seen.add(name.lower())
            with zf.open(m) as src, (into / name).open("wb") as dst:
                shutil.copyfileobj(src, dst, CHUNK)
    return into

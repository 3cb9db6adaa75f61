"""Does the write-ahead log beside a database file belong to that file?

SQLite applies any valid `-wal` file it finds beside a database, even one copied there from
another database (a synced or copied folder): the other database's pages then replace this
one's and its sets vanish, with no check noticing. Nothing in SQLite ties a log to its file, so
hiplog does: each hiplog database carries a random identity in its header (PRAGMA user_version,
set by engine.stamp_identity) and every hiplog write transaction writes page 1, header included,
into the log. A log belongs to the file when its page size is the file's, and the page-1 copies
among its valid frames carry the file's identity. The format is SQLite's "Write-Ahead Log File
Format" (sqlite.org/fileformat2.html, section 4.1).
"""

from __future__ import annotations

import struct
from pathlib import Path

from hiplog.domain.translation import _

WAL_MAGIC = (0x377F0682, 0x377F0683)  # checksums little-endian / big-endian
WAL_HEADER = 32
FRAME_HEADER = 24
# Offsets in a database header (page 1): page size, identity (user_version), application id.
PAGE_SIZE_AT, IDENTITY_AT, APP_ID_AT = 16, 60, 68


def _checksum(data: bytes, big_endian: bool, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    mask = 0xFFFFFFFF
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & mask
        s1 = (s1 + words[i + 1] + s0) & mask
    return s0, s1


def _page_size(header: bytes) -> int:
    size = int.from_bytes(header[PAGE_SIZE_AT : PAGE_SIZE_AT + 2], "big")
    return 65536 if size == 1 else size


def _page_one_headers(wal: bytes) -> tuple[int, int, list[bytes]] | None:
    """The log's page size, its number of valid frames and the header of every valid page-1
    frame, in order.

    None when the log has no valid header: SQLite then ignores it, so it cannot do harm.
    Frames are valid while their salts match the header and their checksums chain, as SQLite
    reads them; the rest of the file is left over from before and SQLite ignores it too.
    """
    if len(wal) < WAL_HEADER:
        return None
    magic, _version, page_size = struct.unpack(">III", wal[:12])
    if magic not in WAL_MAGIC or page_size < 512 or page_size & (page_size - 1):
        return None
    big_endian = bool(magic & 1)
    s0, s1 = _checksum(wal[:24], big_endian, 0, 0)
    if (s0, s1) != struct.unpack(">II", wal[24:32]):
        return None
    salts = wal[16:24]
    headers: list[bytes] = []
    frames = 0
    offset = WAL_HEADER
    while offset + FRAME_HEADER + page_size <= len(wal):
        frame = wal[offset : offset + FRAME_HEADER]
        page = wal[offset + FRAME_HEADER : offset + FRAME_HEADER + page_size]
        if frame[8:16] != salts:
            break
        s0, s1 = _checksum(frame[:8], big_endian, s0, s1)
        s0, s1 = _checksum(page, big_endian, s0, s1)
        if (s0, s1) != struct.unpack(">II", frame[16:24]):
            break
        if int.from_bytes(frame[:4], "big") == 1:
            headers.append(page[:100])
        frames += 1
        offset += FRAME_HEADER + page_size
    return page_size, frames, headers


def wal_problem(database: Path, db_header: bytes) -> str | None:
    """Why the `-wal` beside `database` is not its own, or None when it is (or is harmless).

    `db_header` is the first 100 bytes of the database file. A file without an identity (made
    by an older hiplog) is checked on page size only.
    """
    try:
        wal = Path(f"{database}-wal").read_bytes()
    except FileNotFoundError:
        return None
    parsed = _page_one_headers(wal)
    if parsed is None:
        return None
    page_size, frames, headers = parsed
    if page_size != _page_size(db_header):
        return _("its write-ahead log (-wal) belongs to another database (other page size)")
    identity = db_header[IDENTITY_AT : IDENTITY_AT + 4]
    if identity == b"\0\0\0\0":
        return None
    if frames and not headers:
        return _("its write-ahead log (-wal) belongs to another database (no hiplog identity)")
    for header in headers:
        if (
            header[IDENTITY_AT : IDENTITY_AT + 4] != identity
            or header[APP_ID_AT : APP_ID_AT + 4] != db_header[APP_ID_AT : APP_ID_AT + 4]
        ):
            return _("its write-ahead log (-wal) belongs to another database")
    return None

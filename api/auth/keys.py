"""API keys: `cg_<key id>_<secret>` tokens, stored as sha256 digests in `keys.json`.

The plaintext token is returned once, at creation; the file holds only the key id (the
public prefix used for the look-up), the digest and the key's name, role and grants. The
file is re-read when it changes on disk, so keys created or revoked by the CLI take effect
in a running server.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import threading
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, Field

from api.auth.roles import PERMISSIONS, Role, permissions_of
from graph.errors import InvalidInput, NotFound

PREFIX = "cg"


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class ApiKey(BaseModel):
    id: str
    name: str
    role: Role
    grants: list[str] = Field(default_factory=list)
    sha256: str
    created: str
    revoked: str | None = None

    @property
    def permissions(self) -> frozenset[str]:
        return frozenset(permissions_of(self.role, self.grants))


class NewKey(BaseModel):
    key: ApiKey
    token: str
    """The plaintext bearer token: shown once, never stored."""


class KeyStore:
    """The key file of one data directory (thread-safe; written atomically)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._keys: dict[str, ApiKey] = {}
        self._stamp: tuple[int, int] | None = None

    @classmethod
    def of(cls, data_dir: Path) -> KeyStore:
        return cls(data_dir / "keys.json")

    def _load(self) -> dict[str, ApiKey]:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            self._keys, self._stamp = {}, None
            return self._keys
        stamp = (st.st_mtime_ns, st.st_size)
        if stamp != self._stamp:
            raw = json.loads(self.path.read_text("utf-8") or "{}")
            self._keys = {k["id"]: ApiKey.model_validate(k) for k in raw.get("keys", [])}
            self._stamp = stamp
        return self._keys

    def _save(self, keys: dict[str, ApiKey]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        body = {"keys": [k.model_dump() for k in sorted(keys.values(), key=lambda k: k.created)]}
        tmp.write_text(json.dumps(body, ensure_ascii=False, indent=1), "utf-8")
        os.chmod(tmp, 0o600)
        tmp.replace(self.path)
        self._stamp = None

    def create(self, name: str, role: Role, grants: list[str] | None = None) -> NewKey:
        if not name.strip():
            raise InvalidInput("a key needs a name")
        unknown = sorted(set(grants or ()) - set(PERMISSIONS))
        if unknown:
            raise InvalidInput(f"unknown grants: {', '.join(unknown)} (known: {PERMISSIONS})")
        with self._lock:
            keys = dict(self._load())
            key_id = secrets.token_hex(4)
            while key_id in keys:
                key_id = secrets.token_hex(4)
            secret = secrets.token_urlsafe(32)
            key = ApiKey(id=key_id, name=name.strip(), role=role, grants=sorted(set(grants or ())),
                         sha256=_digest(secret),
                         created=datetime.now(UTC).isoformat(timespec="microseconds"))
            keys[key_id] = key
            self._save(keys)
        return NewKey(key=key, token=f"{PREFIX}_{key_id}_{secret}")

    def keys(self) -> list[ApiKey]:
        with self._lock:
            return sorted(self._load().values(), key=lambda k: k.created)

    def revoke(self, key_id: str) -> ApiKey:
        with self._lock:
            keys = dict(self._load())
            if key_id not in keys:
                raise NotFound(f"no key with id {key_id!r}")
            key = keys[key_id].model_copy(
                update={"revoked": datetime.now(UTC).isoformat(timespec="seconds")})
            keys[key_id] = key
            self._save(keys)
        return key

    def verify(self, token: str) -> ApiKey | None:
        """The live key a token belongs to, or None (unknown, malformed or revoked)."""
        prefix, _, rest = token.partition("_")
        key_id, _, secret = rest.partition("_")
        if prefix != PREFIX or not key_id or not secret:
            return None
        with self._lock:
            key = self._load().get(key_id)
        if key is None or key.revoked is not None:
            return None
        return key if hmac.compare_digest(key.sha256, _digest(secret)) else None

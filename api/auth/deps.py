"""FastAPI dependencies: who is asking (the bearer token's key) and may they.

Dependencies are `async def`: cheap, they run on the event loop (a sync dependency costs a
thread hand-off per request). Every router but `/health` and the UI shell is included with
`authenticated`; routes that need more than `read` add `require("findings")` and so on.
Missing or bad tokens answer 401 with `WWW-Authenticate: Bearer`, a key without the
permission 403, both as problem+json.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, cast

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.auth.keys import KeyStore
from api.auth.roles import Permission
from graph.errors import CadreGraphError

bearer = HTTPBearer(auto_error=False, description="An API key: `cadregraph keys create`",
                    scheme_name="apiKey")


class Unauthorized(CadreGraphError):
    status = 401
    title = "未认证 Unauthorized"
    headers: ClassVar[dict[str, str]] = {"WWW-Authenticate": "Bearer"}


class Forbidden(CadreGraphError):
    status = 403
    title = "无权限 Forbidden"


@dataclass(frozen=True)
class Principal:
    """The caller: the key's id, name (the audit log's actor), role and permissions."""

    key_id: str
    name: str
    role: str
    permissions: frozenset[str]

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions


def get_keys(request: Request) -> KeyStore:
    return cast(KeyStore, request.app.state.keys)


async def authenticated(
    request: Request,
    creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    """The caller's key, or 401."""
    cached = getattr(request.state, "principal", None)
    if isinstance(cached, Principal):
        return cached
    if creds is None or creds.scheme.lower() != "bearer" or not creds.credentials:
        raise Unauthorized("an API key is required: Authorization: Bearer <token>")
    key = get_keys(request).verify(creds.credentials)
    if key is None:
        raise Unauthorized("unknown or revoked API key")
    principal = Principal(key.id, key.name, key.role, key.permissions)
    request.state.principal = principal
    return principal


PrincipalDep = Annotated[Principal, Depends(authenticated)]


def require(permission: Permission) -> Callable[[Principal], Coroutine[Any, Any, Principal]]:
    """A dependency that lets through only keys with `permission` (else 403)."""

    async def check(principal: PrincipalDep) -> Principal:
        if not principal.can(permission):
            raise Forbidden(f"role {principal.role!r} may not do this (needs {permission!r})")
        return principal

    check.__name__ = f"require_{permission}"
    return check

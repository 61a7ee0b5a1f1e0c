"""keys: API keys for the HTTP API (create, list, revoke), in `<data_dir>/keys.json`.

The lead registers the sub-app in `api/cli/main.py`:
`app.add_typer(keys_cmds.build_app(), name="keys")`.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer

from api.auth.keys import KeyStore
from api.auth.roles import ROLES, Role, permissions_of
from api.cli.common import console, fail_cleanly, state, table

FormatOpt = Annotated[str, typer.Option("--format", help="table or json")]


def _store(ctx: typer.Context) -> KeyStore:
    return KeyStore.of(state(ctx).settings.data_dir)


def create(
    ctx: typer.Context,
    name: Annotated[str, typer.Option("--name", help="Who holds the key (the audit log's actor)")],
    role: Annotated[str, typer.Option(
        "--role", help=f"One of {', '.join(ROLES)}")],
    grant: Annotated[list[str] | None, typer.Option(
        "--grant", help="An extra permission, e.g. findings for a planner (repeatable)")] = None,
    fmt: FormatOpt = "table",
) -> None:
    """Create a key; its token is shown once (生成 API 密钥，令牌只显示一次)."""
    if role not in ROLES:
        console.print(f"[bold red]错误 error:[/] unknown role {role!r}: {', '.join(ROLES)}")
        raise typer.Exit(2)
    the_role: Role = role
    with fail_cleanly():
        new = _store(ctx).create(name, the_role, grant or [])
    if fmt == "json":
        typer.echo(json.dumps({"id": new.key.id, "name": new.key.name, "role": new.key.role,
                               "grants": new.key.grants, "token": new.token},
                              ensure_ascii=False))
        return
    perms = ", ".join(sorted(permissions_of(the_role, new.key.grants)))
    console.print(f"密钥 key [bold]{new.key.id}[/] for {new.key.name} ({new.key.role}: {perms})")
    console.print("令牌 token (只显示这一次 shown once):")
    typer.echo(new.token)


def list_keys(ctx: typer.Context, fmt: FormatOpt = "table") -> None:
    """List keys (never their tokens) (列出密钥)."""
    keys = _store(ctx).keys()
    if fmt == "json":
        typer.echo(json.dumps([k.model_dump(exclude={"sha256"}) for k in keys],
                              ensure_ascii=False, indent=1))
        return
    rows = [[k.id, k.name, k.role, " ".join(k.grants), k.created[:19],
             k.revoked[:19] if k.revoked else ""] for k in keys]
    console.print(table("API 密钥 keys", ["编号 id", "名称 name", "角色 role", "授权 grants",
                                        "创建 created", "吊销 revoked"], rows))


def revoke(ctx: typer.Context,
           key_id: Annotated[str, typer.Argument(help="The key's id (see keys list)")]) -> None:
    """Revoke a key: its token stops working at once (吊销密钥)."""
    with fail_cleanly():
        key = _store(ctx).revoke(key_id)
    console.print(f"已吊销 revoked {key.id} ({key.name})")


def build_app() -> typer.Typer:
    """The `keys` sub-app (API 密钥): create, list, revoke."""
    app = typer.Typer(name="keys", no_args_is_help=True,
                      help="API 密钥 keys for the HTTP API: create, list, revoke.")
    app.command("create")(create)
    app.command("list")(list_keys)
    app.command("revoke")(revoke)
    return app

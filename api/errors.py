"""Every error answers `application/problem+json` (RFC 9457): domain errors, 401/403,
unknown routes, validation errors (422, with `errors`) and unexpected failures (500)."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.errors import CadreGraphError

PROBLEM = "application/problem+json"
log = logging.getLogger("cadregraph.api")
TITLES = {400: "输入有误 Invalid input", 401: "未认证 Unauthorized", 403: "无权限 Forbidden",
          404: "未找到 Not found", 405: "方法不允许 Method not allowed",
          413: "内容过大 Payload too large", 422: "参数无效 Unprocessable content",
          500: "内部错误 Internal error"}


def problem(request: Request, status: int, detail: str, title: str | None = None,
            headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    body = {"type": "about:blank", "title": title or TITLES.get(status, "错误 Error"),
            "status": status, "detail": detail, "instance": str(request.url.path), **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


PROBLEM_SCHEMA = {
    "type": "object", "required": ["type", "title", "status", "detail"],
    "properties": {"type": {"type": "string"}, "title": {"type": "string"},
                   "status": {"type": "integer"}, "detail": {"type": "string"},
                   "instance": {"type": "string"},
                   "errors": {"type": "array", "items": {"type": "object"}}},
}
PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"description": TITLES[status],
             "content": {PROBLEM: {"schema": PROBLEM_SCHEMA}}}
    for status in (400, 401, 403, 404, 422)
}


def install(app: FastAPI) -> None:
    @app.exception_handler(CadreGraphError)
    async def on_domain(request: Request, exc: CadreGraphError) -> JSONResponse:
        return problem(request, exc.status, str(exc), exc.title,
                       getattr(exc, "headers", None))

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return problem(request, exc.status_code, str(exc.detail),
                       headers=dict(exc.headers) if exc.headers else None)

    @app.exception_handler(RequestValidationError)
    async def on_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")),
                   "type": str(e.get("type", ""))} for e in exc.errors()]
        detail = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors)
        return problem(request, 422, detail or "invalid request", errors=errors)

    @app.exception_handler(Exception)
    async def on_crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return problem(request, 500, "an unexpected error; the server log has the details")

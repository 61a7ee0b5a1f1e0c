"""The exception hierarchy: each error carries the HTTP status the API answers with."""

from __future__ import annotations


class CadreGraphError(Exception):
    status = 500
    title = "内部错误 Internal error"


class NotFound(CadreGraphError):
    status = 404
    title = "未找到 Not found"


class InvalidInput(CadreGraphError):
    status = 400
    title = "输入有误 Invalid input"


class StoreError(CadreGraphError):
    status = 500
    title = "存储错误 Store error"


class StoreUnavailable(StoreError):
    status = 503
    title = "存储不可用 Store unavailable"

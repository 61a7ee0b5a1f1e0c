"""The network explorer at `/ui`: a static page (no data in it) that asks for a token.

Its Cytoscape.js comes from npm, copied into `api/ui/static/vendor/` by
`scripts/build_ui.sh`; without that build `/ui` says so (503) instead of a broken page.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).resolve().parent.parent / "ui" / "static"
VENDOR = STATIC / "vendor" / "cytoscape.min.js"
router = APIRouter(tags=["ui"], include_in_schema=False)

MISSING = """<!doctype html><html lang="zh-CN"><meta charset="utf-8">
<title>干部关系网络浏览器：尚未构建</title>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>关系网络浏览器尚未构建</h1>
<p>缺少前端依赖 Cytoscape.js（<code>api/ui/static/vendor/cytoscape.min.js</code>）。</p>
<p>请在项目根目录运行：</p><pre>bash scripts/build_ui.sh</pre>
<p>然后刷新本页。API 本身不受影响，文档见 <a href="/docs">/docs</a>。</p>
<hr><p lang="en">The network explorer is not built: run <code>bash scripts/build_ui.sh</code>
(npm ci, then copies Cytoscape.js into api/ui/static/vendor/) and reload.</p></body></html>"""


def built() -> bool:
    return VENDOR.is_file()


@router.get("/ui")
def ui_page() -> Response:
    """The explorer's shell (public: it holds no data and asks for a token)."""
    if not built():
        return HTMLResponse(MISSING, status_code=503)
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8",
                        headers={"Cache-Control": "no-cache"})


@router.get("/")
def root() -> RedirectResponse:
    return RedirectResponse("/ui")


def mount_static(app: FastAPI) -> None:
    app.mount("/ui/static", StaticFiles(directory=STATIC, check_dir=False), name="ui-static")

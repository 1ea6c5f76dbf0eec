"""Screenshots of the notebook view of an extraction, light and dark, in headless Chromium.

Writes the HTML of the seed article's extraction (``Extraction.to_html(text)``) into pages
that stand in for the places the view is shown, and photographs each with Chromium:

- ``light.png``: a plain light page (the view's own fallback colours);
- ``dark.png``: the same page with ``prefers-color-scheme: dark`` (Chromium's
  ``--force-dark-mode``);
- ``jupyterlab-dark.png``: a page that sets JupyterLab's dark-theme ``--jp-*`` variables and
  ``data-jp-theme-light="false"`` on ``<body>``, as JupyterLab does, with a light OS scheme.

Usage (from the repository root; Debian: ``apt-get install chromium fonts-wqy-microhei``, the
font so that Chinese is not drawn as boxes)::

    python docs/screenshot_view.py [--out DIR] [--text seeds/003_2845115161f2390a.txt]

The HTML pages and PNGs go to ``DIR`` (default ``build/view``); nothing else is written.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import seedie

ROOT = Path(__file__).resolve().parent.parent
# JupyterLab 4's dark theme (theme-dark-extension/variables.css), the variables the view reads.
JUPYTERLAB_DARK = """
--jp-layout-color0:#111111;--jp-layout-color1:#212121;--jp-layout-color2:#424242;
--jp-content-font-color1:rgba(255,255,255,1);--jp-content-font-color2:rgba(255,255,255,.7);
--jp-border-color2:#424242;--jp-content-link-color:#42a5f5;
--jp-ui-font-family:system-ui,-apple-system,"Segoe UI",helvetica,arial,sans-serif;
"""


def page(view: str, *, body_style: str = "", body_attrs: str = "") -> str:
    """A minimal HTML page around ``view`` (what a notebook's output area would hold)."""
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>seedie view</title>'
        "<style>body{margin:16px;font-family:system-ui,sans-serif}"
        "@media (prefers-color-scheme:dark){body{background:#0d1117}}</style></head>"
        f'<body {body_attrs} style="{body_style}">{view}</body></html>'
    )


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("no Chromium found: apt-get install chromium (or set PATH)")


def shoot(browser: str, html_path: Path, png: Path, *, dark: bool, height: int) -> None:
    args = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            f"--window-size=1280,{height}", f"--screenshot={png}"]  # fmt: skip
    if dark:
        args.append("--force-dark-mode")
    subprocess.run([*args, html_path.as_uri()], check=True, capture_output=True, timeout=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "view")
    parser.add_argument("--text", type=Path, default=ROOT / "seeds" / "003_2845115161f2390a.txt")
    parser.add_argument("--height", type=int, default=4200, help="page height in pixels")
    opts = parser.parse_args()
    text = opts.text.read_text(encoding="utf-8")
    view = seedie.extract(text).to_html(text)
    opts.out.mkdir(parents=True, exist_ok=True)
    (opts.out / "view.html").write_text(page(view), encoding="utf-8")
    (opts.out / "jupyterlab-dark.html").write_text(
        page(view, body_style=JUPYTERLAB_DARK.replace("\n", "") + "background:#111111",
             body_attrs='data-jp-theme-light="false"'),
        encoding="utf-8",
    )  # fmt: skip
    browser = chromium()
    shots = [("view.html", "light.png", False), ("view.html", "dark.png", True),
             ("jupyterlab-dark.html", "jupyterlab-dark.png", False)]  # fmt: skip
    for html_name, png_name, dark in shots:
        shoot(browser, opts.out / html_name, opts.out / png_name, dark=dark, height=opts.height)
        print(opts.out / png_name)


if __name__ == "__main__":
    main()

"""The report as data — sections of paragraphs, tables and figures — and its two
renderings: one self-contained HTML file (figures embedded as base64 PNG, styles
inline, nothing fetched, so it opens offline) and Markdown (figures as PNG files
beside it).

Examples
--------
>>> import pandas as pd
>>> doc = Document("Demo", [Section("Summary", [Paragraph("All quiet."),
...     Table(pd.DataFrame({"service": ["cart"], "count_errors": [3]}), "Errors")])])
>>> "<h2 id=\\"summary\\">Summary</h2>" in to_html(doc)
True
>>> print(to_markdown(doc).splitlines()[8])
| service | count_errors |
"""

from __future__ import annotations

import base64
import html
import math
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["Document", "Figure", "Paragraph", "Section", "Table", "format_value", "write_figures",
           "slug", "to_html", "to_markdown"]


@dataclass
class Paragraph:
    """A paragraph of plain text (escaped when rendered)."""

    text: str


@dataclass
class Table:
    """A frame rendered as a table; ``max_rows`` rows are shown, the rest counted."""

    frame: pd.DataFrame
    caption: str = ""
    max_rows: int = 20


@dataclass
class Figure:
    """A PNG figure: ``name`` is its file name stem (unique within the document)."""

    name: str
    png: bytes
    caption: str = ""


@dataclass
class Section:
    """A titled list of blocks; ``level`` 2 for a main section, 3 for a subsection."""

    title: str
    blocks: list[Any] = field(default_factory=list)
    level: int = 2


@dataclass
class Document:
    """A report: a title, sections and a line saying what it was built from."""

    title: str
    sections: list[Section]
    subtitle: str = ""

    def figures(self) -> list[Figure]:
        """Every figure, in order."""
        return [b for s in self.sections for b in s.blocks if isinstance(b, Figure)]

    def tables(self) -> list[Table]:
        """Every table, in order."""
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]


def slug(text: str) -> str:
    """An anchor id for a title.

    Examples
    --------
    >>> slug("MTTD / MTTR by team")
    'mttd-mttr-by-team'
    """
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def format_value(value: Any) -> str:
    """One cell as text: floats to 3 significant decimals, times to the minute, lists
    and dicts compact, missing values empty.

    Examples
    --------
    >>> [format_value(v) for v in (0.123456, 1234.5, None, ["a", "b"], {"x": 1})]
    ['0.123', '1234.5', '', 'a, b', 'x: 1']
    """
    if value is None:
        return ""
    if isinstance(value, list | tuple | np.ndarray):
        return ", ".join(format_value(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {format_value(v)}" for k, v in value.items())
    if isinstance(value, pd.Timestamp | datetime):
        if pd.isna(value):
            return ""
        return pd.Timestamp(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    if isinstance(value, float | np.floating):
        if math.isnan(value):
            return ""
        if float(value).is_integer() and abs(value) >= 1:
            return f"{value:.0f}" if abs(value) >= 1e4 else f"{value:g}"
        return f"{value:.3g}" if abs(value) < 1 else f"{value:.1f}"
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def _rows(table: Table) -> tuple[list[str], list[list[str]], int]:
    frame = table.frame
    shown = frame.head(table.max_rows)
    header = [str(c) for c in frame.columns]
    rows = [[format_value(v) for v in row] for row in shown.itertuples(index=False)]
    return header, rows, len(frame) - len(shown)


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;
background:#fafafa;line-height:1.45}
main{max-width:1180px;margin:0 auto;padding:1.5rem 2rem;background:#fff}
h1{margin-bottom:.2rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.2rem}
.subtitle{color:#666;margin-top:0}
nav ol{columns:2;font-size:.95rem}
table{border-collapse:collapse;margin:.6rem 0 1.2rem;font-size:.85rem;display:block;
overflow-x:auto;max-width:100%}
th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0;position:sticky;top:0}
tr:nth-child(even) td{background:#fbfbfb}
caption{caption-side:top;text-align:left;font-weight:600;padding:.2rem 0}
figure{margin:1rem 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
figcaption{color:#555;font-size:.9rem}
.more{color:#777;font-size:.85rem}
"""


def to_html(doc: Document) -> str:
    """The whole document as one HTML page (no external resources)."""
    esc = html.escape
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{esc(doc.title)}</title><style>{_CSS}</style></head><body><main>",
             f"<h1>{esc(doc.title)}</h1>"]
    if doc.subtitle:
        parts.append(f'<p class="subtitle">{esc(doc.subtitle)}</p>')
    parts.append("<nav><ol>" + "".join(
        f'<li><a href="#{slug(s.title)}">{esc(s.title)}</a></li>'
        for s in doc.sections if s.level == 2) + "</ol></nav>")
    for section in doc.sections:
        lvl = section.level
        parts.append(f'<h{lvl} id="{slug(section.title)}">{esc(section.title)}</h{lvl}>')
        for block in section.blocks:
            if isinstance(block, Paragraph):
                parts.append(f"<p>{esc(block.text)}</p>")
            elif isinstance(block, Table):
                header, rows, more = _rows(block)
                cap = f"<caption>{esc(block.caption)}</caption>" if block.caption else ""
                body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>"
                               for r in rows)
                if not rows:
                    body = f'<tr><td colspan="{max(1, len(header))}">no rows</td></tr>'
                parts.append(f"<table>{cap}<thead><tr>"
                             + "".join(f"<th>{esc(h)}</th>" for h in header)
                             + f"</tr></thead><tbody>{body}</tbody></table>")
                if more > 0:
                    parts.append(f'<p class="more">… and {more} more rows</p>')
            elif isinstance(block, Figure):
                data = base64.b64encode(block.png).decode("ascii")
                parts.append(f'<figure id="fig-{esc(block.name)}"><img alt="{esc(block.caption)}" '
                             f'src="data:image/png;base64,{data}">'
                             f"<figcaption>{esc(block.caption)}</figcaption></figure>")
    parts.append("</main></body></html>")
    return "\n".join(parts)


def _md_text(text: str) -> str:
    # angle brackets would be read as HTML by Markdown viewers (and hide <TOKEN> marks)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _md_cell(text: str) -> str:
    return _md_text(text).replace("|", "\\|").replace("\n", " ")


def to_markdown(doc: Document, *, image_dir: str = "report_files") -> str:
    """The document as Markdown; figures are linked as ``<image_dir>/<name>.png``
    (write them with :func:`write_figures`)."""
    lines = [f"# {doc.title}", ""]
    if doc.subtitle:
        lines += [f"_{doc.subtitle}_", ""]
    for section in doc.sections:
        lines += ["#" * section.level + " " + section.title, ""]
        for block in section.blocks:
            if isinstance(block, Paragraph):
                lines += [_md_text(block.text), ""]
            elif isinstance(block, Table):
                header, rows, more = _rows(block)
                if block.caption:
                    lines += [f"**{_md_text(block.caption)}**", ""]
                lines.append("| " + " | ".join(_md_cell(h) for h in header) + " |")
                lines.append("|" + "|".join(" --- " for _ in header) + "|")
                lines += ["| " + " | ".join(_md_cell(c) for c in r) + " |" for r in rows]
                if not rows:
                    lines.append("| " + " | ".join("" for _ in header) + " |")
                if more > 0:
                    lines.append(f"\n… and {more} more rows")
                lines.append("")
            elif isinstance(block, Figure):
                lines += [f"![{block.caption}]({image_dir}/{block.name}.png)", "",
                          f"_{block.caption}_", ""]
    return "\n".join(lines)


def write_figures(doc: Document, folder: Path) -> list[Path]:
    """Write every figure as ``<folder>/<name>.png``; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for fig in doc.figures():
        path = folder / f"{fig.name}.png"
        path.write_bytes(fig.png)
        paths.append(path)
    return paths

"""Error type → incident category, aligned with ITIL incident categorization.

The mapping lives in ``anomaly/config/categories.yaml`` (the documented default):
ordered rules, each a category of the two-level ITIL category / subcategory shape
with the top levels most service desks ship (Software, Hardware, Network, Database,
Inquiry / Help, plus Security). A rule matches an error by a regular expression on
its type (``exception.type``) or by its HTTP status; the first match wins. Loading
refuses duplicate categories, duplicate keys and patterns that do not compile.

Examples
--------
>>> from anomaly.categories import load_categories
>>> categories = load_categories()
>>> categories.categorize("java.net.SocketTimeoutException")
'network.timeout'
>>> categories.categorize(None, http_status=503)
'network.connection'
>>> categories.categorize("SomethingUnheardOf")
'software.application_error'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from anomaly.severity import load_strict_yaml

__all__ = ["Category", "CategoryMap", "load_categories"]

_KEYS = {"id", "category", "subcategory", "error_type", "http_status"}


@dataclass(frozen=True)
class Category:
    """One incident category and the rule that assigns it.

    Parameters
    ----------
    id : str
        Stable id, ``<category>.<subcategory>`` in snake case.
    category, subcategory : str
        The two ITIL levels, as a service desk shows them.
    patterns : tuple of re.Pattern
        Case-insensitive patterns searched in the error type.
    http_statuses : frozenset of int
        HTTP statuses that fall in this category.
    """

    id: str
    category: str
    subcategory: str
    patterns: tuple
    http_statuses: frozenset


@dataclass(frozen=True)
class CategoryMap:
    """The ordered rules, the default category and the taxonomy they follow."""

    categories: tuple
    default: str
    taxonomy: str

    def categorize(self, error_type: str | None, *, http_status: int | None = None) -> str:
        """The category id of one error: first rule matching its type, then its status.

        Parameters
        ----------
        error_type : str or None
            ``exception.type`` / ``error.type``.
        http_status : int, optional

        Returns
        -------
        str
        """
        if error_type:
            for cat in self.categories:
                if any(p.search(error_type) for p in cat.patterns):
                    return cat.id
        if http_status is not None:
            for cat in self.categories:
                if int(http_status) in cat.http_statuses:
                    return cat.id
        return self.default

    def dominant(self, errors: Iterable[tuple[str | None, int | None, int]]) -> str:
        """The category with the most errors among ``(error_type, http_status, count)``.

        Examples
        --------
        >>> load_categories().dominant([("KeyError", None, 3), ("ConnectTimeout", 504, 9)])
        'network.timeout'
        """
        counts: Counter[str] = Counter()
        for error_type, status, count in errors:
            counts[self.categorize(error_type, http_status=status)] += int(count)
        if not counts:
            return self.default
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]

    def describe(self, category_id: str) -> str:
        """``"Category / Subcategory"`` of an id, for reports.

        Examples
        --------
        >>> load_categories().describe("database.connection")
        'Database / Connection'
        """
        for cat in self.categories:
            if cat.id == category_id:
                return f"{cat.category} / {cat.subcategory}"
        raise KeyError(f"unknown category id {category_id!r}")


def load_categories(path: str | Path | None = None) -> CategoryMap:
    """Read and validate a category mapping; the packaged default when no path.

    Parameters
    ----------
    path : str or Path, optional
        A YAML file shaped like ``anomaly/config/categories.yaml``.

    Returns
    -------
    CategoryMap

    Examples
    --------
    >>> m = load_categories()
    >>> m.taxonomy, len({c.id for c in m.categories}) == len(m.categories)
    ('itil-servicenow-default', True)
    """
    if path is None:
        text = resources.files("anomaly").joinpath("config/categories.yaml").read_text("utf-8")
        source = "anomaly/config/categories.yaml"
    else:
        text = Path(path).read_text("utf-8")
        source = str(path)
    raw = load_strict_yaml(text, source=source)
    if not isinstance(raw, dict) or not isinstance(raw.get("categories"), list):
        raise ValueError(f"{source}: needs a top-level 'categories' list")
    unknown = sorted(set(raw) - {"version", "taxonomy", "default", "categories"})
    if unknown:
        raise ValueError(f"{source}: unknown top-level key(s) {unknown}")
    categories: list[Category] = []
    seen_ids: set[str] = set()
    seen_pairs: set[tuple[str, str]] = set()
    for pos, entry in enumerate(raw["categories"], start=1):
        where = f"{source}: category #{pos}"
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: must be a mapping with keys {sorted(_KEYS)}")
        bad = sorted(set(entry) - _KEYS)
        if bad:
            raise ValueError(f"{where}: unknown key(s) {bad}; allowed are {sorted(_KEYS)}")
        for key in ("id", "category", "subcategory"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise ValueError(f"{where}: '{key}' must be a non-empty string")
        cid = entry["id"]
        pair = (entry["category"].casefold(), entry["subcategory"].casefold())
        if cid in seen_ids:
            raise ValueError(f"{where}: duplicate category id '{cid}'; each category once")
        if pair in seen_pairs:
            raise ValueError(
                f"{where}: duplicate category '{entry['category']} / {entry['subcategory']}'; "
                "merge the rules into one category"
            )
        seen_ids.add(cid)
        seen_pairs.add(pair)
        patterns = []
        for text_pattern in entry.get("error_type") or []:
            try:
                patterns.append(re.compile(str(text_pattern), re.IGNORECASE))
            except re.error as exc:
                raise ValueError(f"{where} ('{cid}'): error_type pattern does not compile: "
                                 f"{exc.msg}") from None
        statuses = entry.get("http_status") or []
        if not all(isinstance(s, int) and 100 <= s <= 599 for s in statuses):
            raise ValueError(f"{where} ('{cid}'): http_status must be integers 100..599")
        categories.append(Category(cid, entry["category"], entry["subcategory"],
                                   tuple(patterns), frozenset(statuses)))
    default = raw.get("default")
    if default not in seen_ids:
        raise ValueError(f"{source}: 'default' must be one of the category ids {sorted(seen_ids)}")
    return CategoryMap(tuple(categories), default, str(raw.get("taxonomy", "")))

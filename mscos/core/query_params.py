"""Whole numbers from a request's query or form: bad input gets the default, never an error page."""

import re
from collections.abc import Mapping
from typing import overload

# Plain ASCII digits (int() also takes "²" or "١٢"), an optional minus, and short enough for any
# database's integer column, so a number never reaches a query that cannot hold it.
_INTEGER = re.compile(r"-?[0-9]{1,11}")


@overload
def parse_int(value: object, *, default: int, minimum: int | None = None) -> int: ...
@overload
def parse_int(value: object, *, default: None = None, minimum: int | None = None) -> int | None: ...
def parse_int(
    value: object, *, default: int | None = None, minimum: int | None = None
) -> int | None:
    """`value` as an integer if written plainly (and at least `minimum`), else `default`."""
    if not isinstance(value, str) or not _INTEGER.fullmatch(value):
        return default
    number = int(value)
    if minimum is not None and number < minimum:
        return default
    return number


@overload
def int_param(
    query: Mapping[str, object], name: str, *, default: int, minimum: int | None = None
) -> int: ...
@overload
def int_param(
    query: Mapping[str, object],
    name: str,
    *,
    default: None = None,
    minimum: int | None = None,
) -> int | None: ...
def int_param(
    query: Mapping[str, object],
    name: str,
    *,
    default: int | None = None,
    minimum: int | None = None,
) -> int | None:
    """`query[name]` (a GET or POST QueryDict) as an integer; missing or malformed: `default`."""
    return parse_int(query.get(name), default=default, minimum=minimum)

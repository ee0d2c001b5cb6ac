"""The readers' results as JSON and back, so that a file can be read in a limited child process
(``bauantrag.sandbox``) and only the result crosses over: never pickle, which would let a child that a crafted
file took over run code in the parent.

Frozen dataclasses of plain values: ``str``, ``int``, ``float``, ``bool``, ``None``, ``datetime.date``, shapely
geometries (as WKB in hex), tuples and nested dataclasses, as their type hints say. A value that does not fit its
hint raises ``ValueError``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from functools import cache
from typing import Any, Literal, TypeVar

import shapely
import shapely.errors
from shapely.geometry.base import BaseGeometry

T = TypeVar("T")


def encode(value: Any) -> Any:
    """A JSON-compatible form of ``value``."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, BaseGeometry):
        return shapely.to_wkb(value, hex=True)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [encode(item) for item in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise ValueError(f"cannot encode {type(value).__name__}")


def decode(cls: type[T], data: Any) -> T:
    """The dataclass ``cls`` from what ``encode`` gave; ValueError for anything else (a child that a crafted file
    took over may send anything)."""
    try:
        return typing.cast(T, _decode(cls, data))
    except (KeyError, TypeError, RecursionError, shapely.errors.ShapelyError) as exc:
        raise ValueError(f"not a {cls.__name__}: {exc}") from exc


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(hint: Any, data: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if data is None and type(None) in options:
            return None
        for option in options:
            if option is type(None):
                continue
            try:
                return _decode(option, data)
            except (ValueError, TypeError):
                continue
        raise ValueError(f"no type of {hint} fits {type(data).__name__}")
    if origin is tuple:
        args = typing.get_args(hint)
        if not isinstance(data, list):
            raise ValueError("a list was expected")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], item) for item in data)
        if len(args) != len(data):
            raise ValueError("a list of another length was expected")
        return tuple(_decode(arg, item) for arg, item in zip(args, data, strict=True))
    if origin is Literal:
        if data not in typing.get_args(hint):
            raise ValueError(f"{data!r} is not one of {typing.get_args(hint)}")
        return data
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if not isinstance(data, dict):
            raise ValueError(f"an object was expected for {hint.__name__}")
        hints = _hints(hint)
        values = {f.name: _decode(hints[f.name], data[f.name])
                  for f in dataclasses.fields(hint) if f.init and f.name in data}  # fmt: skip
        return hint(**values)
    if hint is BaseGeometry:
        if not isinstance(data, str):
            raise ValueError("a geometry was expected")
        return shapely.from_wkb(data)
    if hint is dt.date:
        return dt.date.fromisoformat(data)
    if hint is float and isinstance(data, (int, float)) and not isinstance(data, bool):
        return float(data)
    if hint in (str, int, bool) and type(data) is hint:
        return data
    raise ValueError(f"{type(data).__name__} does not fit {hint}")

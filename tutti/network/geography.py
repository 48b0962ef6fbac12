"""Boundaries from ONS GeoJSON (WGS84 lon/lat) to SVG paths for the inline map.

The projection is equirectangular with longitude scaled by cos(53.5°), which keeps England's shape
true enough for a locator map without a projection library. Coordinates are rounded to 0.1 unit.
"""

import math
from collections.abc import Iterable, Sequence

# England fits inside lon -6.5..2.0, lat 49.8..55.9; the frame is 1000 units wide.
WEST, EAST, SOUTH, NORTH = -6.5, 2.0, 49.8, 55.9
_X_SCALE = math.cos(math.radians(53.5))
_UNITS_PER_DEGREE = 1000 / ((EAST - WEST) * _X_SCALE)
MAP_WIDTH = 1000
MAP_HEIGHT = math.ceil((NORTH - SOUTH) * _UNITS_PER_DEGREE)
MAP_VIEWBOX = f"0 0 {MAP_WIDTH} {MAP_HEIGHT}"

Position = Sequence[float]


def project(lon: float, lat: float) -> tuple[float, float]:
    x = (lon - WEST) * _X_SCALE * _UNITS_PER_DEGREE
    y = (NORTH - lat) * _UNITS_PER_DEGREE
    return round(x, 1), round(y, 1)


def _ring_path(ring: Iterable[Position]) -> str:
    points = []
    previous = None
    for lon, lat, *_ in ring:
        point = project(lon, lat)
        if point != previous:  # rounding folds near points together
            points.append(f"{point[0]:g},{point[1]:g}")
            previous = point
    if len(points) < 3:
        return ""
    return "M" + "L".join(points) + "Z"


def svg_path(geometry: dict) -> str:
    """A GeoJSON Polygon or MultiPolygon as one SVG path (holes drawn with the even-odd rule)."""
    kind = geometry["type"]
    if kind == "Polygon":
        polygons = [geometry["coordinates"]]
    elif kind == "MultiPolygon":
        polygons = geometry["coordinates"]
    else:
        raise ValueError(f"{kind} is not an area geometry")
    return "".join(_ring_path(ring) for polygon in polygons for ring in polygon)

"""Convert Natural Earth country shapes into the countries index's world map.

Run once at development time (the output is committed, so builds need
neither node nor this script):

    .venv/bin/python scripts/build_world_map.py

Input: the public-domain Natural Earth shapes of npm ``world-atlas`` 2.0.2
(``node_modules/world-atlas/countries-110m.json``, TopoJSON, ids are ISO 3166-1
numeric codes), turned into GeoJSON by ``topojson-client`` under node. Countries
too small for the 110m file get a dot placed from the 50m file.

Output: ``theme/templates/partials/world_map_shapes.html``, a Jinja partial
holding one inline SVG. Each shape is emitted as a call of a macro
(``partials/world_map_macros.html``) keyed by ISO alpha-2 code, so the theme
highlights and links exactly the countries in the ``countries`` context
variable; countries without briefings are plain land.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
ATLAS = ROOT / "node_modules" / "world-atlas"
OUTPUT = ROOT / "theme" / "templates" / "partials" / "world_map_shapes.html"

WIDTH = 960  # SVG user units; the map scales to its container
TOLERANCE = 0.7  # Douglas-Peucker tolerance, in SVG units
MIN_RING_AREA = 2.0  # drop islands smaller than this (square SVG units)...
DROPPED = {"AQ"}  # Antarctica: a third of the map's bytes for no briefing
# world-atlas features without an ISO numeric id. Kosovo has no ISO code but
# "XK" is the code in common use (EU, IMF, CLDR); the other two are drawn as
# plain land.
UNNUMBERED = {"Kosovo": "XK"}

TOPO_TO_GEO = """
const topojson = require(process.argv[1] + "/topojson-client");
const topo = require(process.argv[2]);
process.stdout.write(JSON.stringify(topojson.feature(topo, topo.objects.countries)));
"""


def load_features(atlas_file: Path) -> list[dict]:
    """Return the GeoJSON features of a world-atlas TopoJSON file (via node)."""
    result = subprocess.run(
        ["node", "-e", TOPO_TO_GEO, str(ROOT / "node_modules"), str(atlas_file)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout)["features"]


def alpha2(feature: dict) -> str:
    """Return a feature's ISO alpha-2 code, or "" for a territory without one."""
    numeric = feature.get("id")
    if numeric:
        country = pycountry.countries.get(numeric=str(numeric).zfill(3))
        if country:
            return country.alpha_2
    return UNNUMBERED.get(feature["properties"].get("name", ""), "")


def natural_earth(lon: float, lat: float) -> tuple[float, float]:
    """Project degrees with the Natural Earth projection (Šavrič et al. 2011)."""
    lam, phi = math.radians(lon), math.radians(lat)
    p2 = phi * phi
    p4 = p2 * p2
    x = lam * (
        0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4))
    )
    y = phi * (
        1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4))
    )
    return x, y


class Frame:
    """Scale projected coordinates into an SVG box WIDTH units wide."""

    def __init__(self, south: float = -58.0, north: float = 84.0):
        left, _ = natural_earth(-180, 0)
        right, _ = natural_earth(180, 0)
        _, top = natural_earth(0, north)
        _, bottom = natural_earth(0, south)
        self.scale = WIDTH / (right - left)
        self.left, self.top = left, top
        self.height = math.ceil((top - bottom) * self.scale)

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = natural_earth(lon, lat)
        return (x - self.left) * self.scale, (self.top - y) * self.scale


def simplify(
    points: list[tuple[float, float]], tolerance: float
) -> list[tuple[float, float]]:
    """Return the points Douglas-Peucker keeps (iterative, endpoints kept)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy) or 1e-9
        farthest, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            distance = abs(dy * (px - x1) - dx * (py - y1)) / length
            if distance > farthest:
                farthest, index = distance, i
        if index is not None and farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def simplify_ring(
    ring: list[tuple[float, float]], tolerance: float
) -> list[tuple[float, float]]:
    """Simplify a closed ring (first point == last) without collapsing it.

    Douglas-Peucker needs two distinct endpoints, so the ring is cut at the
    point farthest from its start and each half is simplified on its own.
    """
    start = ring[0]
    far = max(range(len(ring)), key=lambda i: math.dist(start, ring[i]))
    return simplify(ring[: far + 1], tolerance)[:-1] + simplify(ring[far:], tolerance)


def ring_area(points: list[tuple[float, float]]) -> float:
    """Return the absolute area of a closed ring (shoelace formula)."""
    return (
        abs(
            sum(
                x1 * y2 - x2 * y1
                for (x1, y1), (x2, y2) in zip(
                    points, points[1:] + points[:1], strict=True
                )
            )
        )
        / 2
    )


def polygons(geometry: dict) -> list[list[list[list[float]]]]:
    """Return a Polygon's or MultiPolygon's polygons as one list."""
    if geometry is None:
        return []
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


def unwrap(ring: list[list[float]]) -> list[list[list[float]]]:
    """Return a ring as drawable copies, mending jumps across the antimeridian.

    world-atlas rings of Russia and Fiji run along 180° and then jump to
    -180°, which would draw a line across the whole map. Unwrapping makes the
    longitudes continuous (some beyond 180°); such a ring is drawn twice, as
    is and shifted 360° back onto the map, and :func:`clip_to_world` cuts
    each copy at the ±180° meridians.
    """
    offset, previous, continuous = 0.0, ring[0][0], []
    for lon, lat in ring:
        if lon - previous > 180:
            offset -= 360
        elif previous - lon > 180:
            offset += 360
        previous = lon
        continuous.append([lon + offset, lat])
    copies = [continuous]
    for shift, outside in (
        (-360, max(lon for lon, _ in continuous) > 180),
        (360, min(lon for lon, _ in continuous) < -180),
    ):
        if outside:
            copies.append([[lon + shift, lat] for lon, lat in continuous])
    return copies


def clip_to_world(ring: list[list[float]]) -> list[list[float]]:
    """Return the part of a ring between longitudes -180° and 180° (closed).

    The projection's outline is the ±180° meridians, curved, not the SVG's
    rectangle: a copy of Russia's far east shifted back by 360° would
    otherwise stick out west of Alaska, inside the viewBox but outside the
    world. Sutherland-Hodgman against each meridian; the cut follows the
    meridian with a straight chord, which stays inside the convex outline.
    """
    points = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else list(ring)
    for edge, keep in ((180.0, lambda lon: lon <= 180.0), (-180.0, lambda lon: lon >= -180.0)):
        clipped: list[list[float]] = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if keep(current[0]):
                if not keep(previous[0]):
                    clipped.append(_crossing(previous, current, edge))
                clipped.append(current)
            elif keep(previous[0]):
                clipped.append(_crossing(previous, current, edge))
        points = clipped
        if not points:
            return []
    return points + [points[0]]


def _crossing(a: list[float], b: list[float], lon: float) -> list[float]:
    """Return where the segment a-b crosses the meridian ``lon``."""
    t = (lon - a[0]) / (b[0] - a[0])
    return [lon, a[1] + t * (b[1] - a[1])]


def ring_path(ring: list[tuple[int, int]]) -> str:
    """Return an SVG subpath: absolute move, then relative integer steps."""
    (x0, y0), steps, previous = ring[0], [], ring[0]
    for x, y in ring[1:]:
        steps.append(f"{x - previous[0]} {y - previous[1]}")
        previous = (x, y)
    # "l" steps separated by spaces; a minus sign needs no separator.
    return f"M{x0} {y0}l" + " ".join(steps).replace(" -", "-") + "z"


def feature_path(feature: dict, frame: Frame) -> str:
    """Return a feature's outline as compact SVG path data ("" if too small)."""
    rings, largest = [], None
    for polygon in polygons(feature["geometry"]):
        for ring in (clip_to_world(copy) for original in polygon
                     for copy in unwrap(original)):
            if len(ring) < 4:
                continue  # nothing of this copy is on the map
            projected = [frame.point(lon, lat) for lon, lat in ring]
            area = ring_area(projected)
            rounded = []
            for x, y in simplify_ring(projected, TOLERANCE):
                point = (round(x), round(y))
                if not rounded or point != rounded[-1]:
                    rounded.append(point)
            if len(rounded) > 1 and rounded[-1] == rounded[0]:
                rounded.pop()  # "z" closes the ring
            if len(rounded) < 3:
                continue
            if largest is None or area > largest[0]:
                largest = (area, rounded)
            if area >= MIN_RING_AREA:
                rings.append(rounded)
    if not rings and largest:  # a small country keeps its largest island
        rings = [largest[1]]
    return "".join(ring_path(r) for r in rings)


def centre(feature: dict, frame: Frame) -> tuple[int, int]:
    """Return the SVG point at the middle of a feature's largest ring."""
    best = max(
        (ring for polygon in polygons(feature["geometry"]) for ring in polygon),
        key=lambda r: ring_area([frame.point(*p) for p in r]),
    )
    xs, ys = zip(*(frame.point(lon, lat) for lon, lat in best), strict=True)
    return round((min(xs) + max(xs)) / 2), round((min(ys) + max(ys)) / 2)


SHAPES_HEAD = """\
{#- GENERATED by scripts/build_world_map.py; do not edit by hand.
    Natural Earth shapes (public domain, npm world-atlas 2.0.2), projected
    with the Natural Earth projection and simplified. Included by
    partials/world_map.html; the macros decide what each code looks like. -#}
{% import "partials/world_map_macros.html" as world with context %}
"""


def render(
    shapes: list[tuple[str, str]], dots: list[tuple[str, int, int]], frame: Frame
) -> str:
    """Return the Jinja partial holding the map's SVG."""
    lines = [
        SHAPES_HEAD,
        f'<svg viewBox="0 0 {WIDTH} {frame.height}" width="{WIDTH}" '
        f'height="{frame.height}" aria-labelledby="world-map-title">\n',
        '<title id="world-map-title">World map of the countries with briefings'
        "</title>\n",
    ]
    lines += [f'{{{{ world.shape("{code}", "{d}") }}}}\n' for code, d in shapes]
    lines += [f'{{{{ world.dot("{code}", {x}, {y}) }}}}\n' for code, x, y in dots]
    lines.append("</svg>\n")
    return "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    frame = Frame()
    shapes, drawn = [], set()
    for feature in load_features(ATLAS / "countries-110m.json"):
        code = alpha2(feature)
        if code in DROPPED:
            continue
        d = feature_path(feature, frame)
        if d:
            shapes.append((code, d))
            drawn.add(code)
    shapes.sort()
    dots = sorted(
        {
            (code, *centre(f, frame))
            for f in load_features(ATLAS / "countries-50m.json")
            if (code := alpha2(f)) and code not in drawn | DROPPED
        }
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render(shapes, dots, frame), encoding="utf-8")
    print(
        f"{args.output}: {len(shapes)} shapes, {len(dots)} dots, "
        f"{args.output.stat().st_size} bytes"
    )


if __name__ == "__main__":
    main()

"""scripts/build_world_map.py: the committed map is its output, and its geometry."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_world_map.py"
COMMITTED = ROOT / "theme" / "templates" / "partials" / "world_map_shapes.html"


def load_script():
    spec = importlib.util.spec_from_file_location("build_world_map", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


world_map = load_script()


def test_committed_map_is_what_the_script_makes(tmp_path, monkeypatch):
    """Needs node and `npm ci` (world-atlas, topojson-client), like the script."""
    output = tmp_path / "map.html"
    monkeypatch.setattr("sys.argv", ["build_world_map.py", "--output", str(output)])
    world_map.main()
    assert output.read_text("utf-8") == COMMITTED.read_text("utf-8"), (
        "run scripts/build_world_map.py and commit its output"
    )


def test_committed_map_has_the_partner_countries_and_no_antarctica():
    text = COMMITTED.read_text("utf-8")
    for code in ("RU", "TM", "PK", "IQ", "MM", "XK"):
        assert f'world.shape("{code}",' in text
    assert 'world.dot("SG",' in text, "small countries get a dot"
    assert '"AQ"' not in text
    assert len(text.encode()) < 40_000, "the map must stay small"


def test_ring_across_the_antimeridian_is_drawn_twice_without_a_jump():
    ring = [[179.0, 60.0], [180.0, 62.0], [-180.0, 62.0], [-179.0, 61.0], [179.0, 60.0]]
    copies = world_map.unwrap(ring)
    assert len(copies) == 2
    for copy in copies:
        steps = [abs(b[0] - a[0]) for a, b in zip(copy, copy[1:], strict=False)]
        assert max(steps) < 180
    assert {round(copy[0][0]) for copy in copies} == {179, -181}


def test_ring_away_from_the_antimeridian_is_left_alone():
    ring = [[10.0, 10.0], [20.0, 10.0], [20.0, 20.0], [10.0, 10.0]]
    assert world_map.unwrap(ring) == [ring]


def test_simplified_ring_keeps_its_corners_and_drops_collinear_points():
    square = [
        (0.0, 0.0),
        (5.0, 0.0),
        (10.0, 0.0),
        (10.0, 10.0),
        (0.0, 10.0),
        (0.0, 0.0),
    ]
    simplified = world_map.simplify_ring(square, tolerance=0.5)
    assert (5.0, 0.0) not in simplified
    assert {(10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)} <= set(simplified)


def test_projection_keeps_the_equator_and_meridian_straight():
    assert world_map.natural_earth(0, 0) == (0.0, 0.0)
    west, _ = world_map.natural_earth(-180, 0)
    east, _ = world_map.natural_earth(180, 0)
    assert west == -east
    assert world_map.natural_earth(0, 45)[0] == 0.0


# -- every shape inside the projection's outline -------------------------------

_PATH_TOKEN = re.compile(r"[MlzZ]|-?\d+(?:\.\d+)?")


def path_points(d: str) -> list[tuple[float, float]]:
    """Return the absolute points of path data made of M, l and z commands."""
    points, x, y, command, numbers = [], 0.0, 0.0, "", []
    for token in _PATH_TOKEN.findall(d):
        if token in "MlzZ":
            command, numbers = token, []
            continue
        numbers.append(float(token))
        if len(numbers) == 2:
            dx, dy = numbers
            x, y = (dx, dy) if command == "M" else (x + dx, y + dy)
            points.append((x, y))
            numbers = []
    return points


def latitude_at(frame, y: float) -> float:
    """Return the latitude the map draws at height ``y`` (y falls as latitude rises)."""
    south, north = -90.0, 90.0
    for _ in range(50):
        middle = (south + north) / 2
        if frame.point(0, middle)[1] > y:
            south = middle
        else:
            north = middle
    return (south + north) / 2


def outside_the_world(text: str, tolerance: float = 1.0) -> list[str]:
    """Return the points of the map's shapes that lie outside the projection's
    outline (the ±180° meridians) or the SVG's viewBox."""
    frame = world_map.Frame()
    stray = []
    for code, d in re.findall(r'world\.shape\("([A-Z]*)", "([^"]*)"\)', text):
        for x, y in path_points(d):
            lat = latitude_at(frame, y)
            left, right = frame.point(-180, lat)[0], frame.point(180, lat)[0]
            inside = (left - tolerance <= x <= right + tolerance
                      and -tolerance <= y <= frame.height + tolerance)
            if not inside:
                stray.append(f"{code or '(no code)'} ({x:g}, {y:g})")
    return stray


def test_no_shape_lies_outside_the_projections_outline():
    stray = outside_the_world(COMMITTED.read_text("utf-8"))
    assert not stray, f"{len(stray)} points outside the world: {stray[:10]}"


def test_the_outline_check_catches_a_copy_of_russias_far_east_west_of_alaska():
    # What the map drew before the copies were clipped at the antimeridian.
    stray_copy = '{{ world.shape("RU", "M-78 112l8-8 3-2 2 1 15-10z") }}'
    assert outside_the_world(stray_copy)
    near_the_corner = '{{ world.shape("RU", "M40 40l5 0 0 5z") }}'
    assert outside_the_world(near_the_corner), "inside the viewBox, outside the world"


def test_rings_are_clipped_at_the_antimeridian():
    ring = [[170.0, 60.0], [190.0, 60.0], [190.0, 70.0], [170.0, 70.0], [170.0, 60.0]]
    clipped = world_map.clip_to_world(ring)
    assert clipped[0] == clipped[-1]
    assert max(lon for lon, _ in clipped) == 180.0
    assert {tuple(p) for p in clipped} >= {(180.0, 60.0), (180.0, 70.0)}
    assert world_map.clip_to_world([[lon + 40, lat] for lon, lat in ring]) == []
    inside = [[10.0, 10.0], [20.0, 10.0], [20.0, 20.0], [10.0, 10.0]]
    assert world_map.clip_to_world(inside) == inside

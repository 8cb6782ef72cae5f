"""scripts/build_world_map.py: the committed map is its output, and its geometry."""

from __future__ import annotations

import importlib.util
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

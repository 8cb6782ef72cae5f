"""The committed seed and labels are the ones the desk handed over."""

import pytest

from sitebuild import SEED_DIR, SHARED_SEED_DIR


@pytest.mark.parametrize("name", ["ashgabat-2025-12-12.txt", "ashgabat-2025-12-12.labels.json"])
def test_seed_copy_matches_shared(name):
    shared = SHARED_SEED_DIR / name
    if not shared.exists():
        pytest.skip("../shared/seed is not beside this checkout")
    assert (SEED_DIR / name).read_bytes() == shared.read_bytes()

"""The committed seed and labels are the ones the desk handed over.

Compared with ../shared/seed/ when it sits beside the checkout (as in CI),
and always with the digests recorded when the copy was made.
"""

import hashlib

import pytest
from sitebuild import SEED_DIR, SHARED_SEED_DIR

DIGESTS = {
    "ashgabat-2025-12-12.txt": "cb35a33b3cfa108311f2ca05c4370c752f4333bf51e4c40000f80c9907ea6a39",
    "ashgabat-2025-12-12.labels.json": "00e4cce47d81c69c9d126f1fc626c337cf1179f176fa3d54a8a8847c85e3d7f7",
}


@pytest.mark.parametrize("name", sorted(DIGESTS))
def test_seed_copy_is_unchanged(name):
    data = (SEED_DIR / name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == DIGESTS[name]
    shared = SHARED_SEED_DIR / name
    assert not shared.exists() or shared.read_bytes() == data

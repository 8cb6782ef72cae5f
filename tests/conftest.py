import pytest
from sitebuild import build_site, copy_content


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory):
    """The seed report built with the project's settings (Countries: line kept)."""
    base = tmp_path_factory.mktemp("seed")
    return build_site(copy_content(base / "content"), base / "output")

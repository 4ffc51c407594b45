"""Fixtures shared by several test modules."""

import bench_seeds
import pytest


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    """A datasets folder holding the synthetic seed dataset (tests/bench_seeds.py), once per module."""
    directory = tmp_path_factory.mktemp("datasets")
    bench_seeds.write(directory)
    return directory


@pytest.fixture(autouse=True, scope="session")
def _dump_cache(tmp_path_factory):
    """The dumps that lynx and w3m make in tests are cached in a temporary folder, not the user's ~/.cache."""
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    yield
    patch.undo()

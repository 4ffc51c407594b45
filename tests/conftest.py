"""Fixtures shared by several test modules."""

import bench_seeds
import pytest


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    """A datasets folder holding the synthetic seed dataset (tests/bench_seeds.py), once per module."""
    directory = tmp_path_factory.mktemp("datasets")
    bench_seeds.write(directory)
    return directory

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def pytest_configure(config):  # type: ignore[no-untyped-def]
    config.addinivalue_line("markers", "network: needs the package index (pre-commit try-repo installs from it)")

"""pressparse: German press releases to validated, structured records with evidence."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pressparse")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]

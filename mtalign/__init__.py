"""mtalign: Korean-English news segmentation, alignment, terminology and translation."""

__version__ = "0.1.0"

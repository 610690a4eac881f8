"""`python -m pressparse`: the command line where the `pressparse` script is not on PATH."""

from .cli import main

main()

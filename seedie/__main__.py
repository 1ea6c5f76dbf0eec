"""``python -m seedie``: the same command line as ``seedie``."""

from .cli import main

if __name__ == "__main__":
    main()

"""Entry script of the PyInstaller bundle: the same `main` as the `hiplog` console script."""

import sys

from hiplog.__main__ import main

if __name__ == "__main__":
    sys.exit(main())

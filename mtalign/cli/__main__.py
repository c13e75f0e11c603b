import sys

from mtalign.cli import main

sys.exit(main())

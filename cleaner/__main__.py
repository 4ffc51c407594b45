"""The `cleaner` command (`python -m cleaner`, and the script pip installs).

What a process running the command line sets for itself, where a library imported into someone else's process
must not: both only cut start-up (docs/DECISIONS.md, Speed).
"""

import gc
import os


def main() -> None:
    # The cleaner's numpy work is elementwise, never linear algebra: OpenBLAS's thread pool, started when numpy
    # loads, only costs CPU. Set before anything imports numpy; a user's own setting stands.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    # Loading the modules makes many objects and no garbage, and they live as long as the process: no collection
    # while they load, and none that looks at them again (frozen). At the end the same for the rest: the
    # collections at exit would only visit every object once more (the outputs are closed by then).
    gc.disable()
    from .cli import app

    gc.freeze()
    gc.enable()
    try:
        app(prog_name="cleaner")
    finally:
        gc.freeze()


if __name__ == "__main__":
    main()

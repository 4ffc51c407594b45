"""What a batch run was started with, kept beside its output as `.OUTPUT.cleaner-run` (a hidden file, so a
folder of outputs read as input passes over it), so that `--resume` continues only its own run: a `.part` left
by a run over other inputs or with other options, or a complete output of another run, is refused, not adopted."""

from __future__ import annotations

import json
import os
from typing import Any

SUFFIX = ".cleaner-run"


def path_for(output: str) -> str:
    folder, name = os.path.split(output)
    return os.path.join(folder, f".{name}{SUFFIX}")


def describe(inputs: list[str], options: dict[str, Any]) -> dict[str, Any]:
    """The run as it is recorded and compared: its inputs as absolute paths (stdin as "-"), and its options."""
    return {"inputs": [i if i == "-" else os.path.abspath(i) for i in inputs], "options": options}


def read(output: str) -> dict[str, Any] | None:
    """The recorded run of `output`, or None when none was recorded (or the record is unreadable)."""
    try:
        with open(path_for(output), encoding="utf-8") as f:
            recorded = json.load(f)
    except (OSError, ValueError):
        return None
    return recorded if isinstance(recorded, dict) else None


def write(output: str, run: dict[str, Any]) -> None:
    path = path_for(output)
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as f:
        json.dump(run, f, ensure_ascii=False, sort_keys=True)
    os.replace(temporary, path)


def differences(recorded: dict[str, Any], run: dict[str, Any]) -> list[str]:
    """How `run` differs from the recorded one, in words; [] when it is the same run."""
    found = []
    if recorded.get("inputs") != run["inputs"]:
        found.append(f"inputs {' '.join(recorded.get('inputs') or [])!r}, now {' '.join(run['inputs'])!r}")
    before = recorded.get("options") or {}
    for name, value in run["options"].items():
        if before.get(name) != value:
            found.append(f"{name} {before.get(name)!r}, now {value!r}")
    return found

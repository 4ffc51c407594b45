"""Help that reads at 80 columns in any terminal: plain text (no rich markup, which ate "[train]"), and metavars
as Unix tools write them (`-o FILE`, `--mode [auto|html|text]`, `PAGE`, `[INPUTS]...`) instead of typer's
`<str>`, `<list[str]>` and `{page}`. The root command's group applies this to every command under it."""

from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperGroup

# What an option's value is, where its name alone does not say it.
_METAVARS = {
    "output": "FILE",
    "rejects": "FILE",
    "templates": "STORE",
    "jobs": "N",
    "time_limit": "SECONDS",
    "disable": "NAME",
    "html_field": "FIELD",
    "text_field": "FIELD",
}


class _PlainArgument(TyperArgument):
    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        name = name if self.required else f"[{name}]"
        return name + ("..." if self.nargs != 1 else "")

    def display_type_rich(self, ctx: Any) -> str | None:
        return None  # the name says it: PAGE, INPUTS

    def _rich_display_name(self) -> str:
        return self.display_name_raw + ("..." if self.nargs != 1 else "")


class PlainHelpGroup(TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _plain(self)


def _plain(command: Any) -> None:
    for param in getattr(command, "params", ()):
        if getattr(param, "is_flag", False):
            if param.default is False:  # a switch: `--pin`, not `--pin / --no-pin  [default: no-pin]`
                param.secondary_opts = []
                param.show_default = False
            continue
        if param.metavar is not None:
            continue
        if isinstance(param, TyperArgument):
            param.metavar = param.name.upper()
            param.__class__ = _PlainArgument  # the same argument, written without typer's braces
            continue
        described = getattr(param, "type_descriptor", None)
        choices = described.choices if described is not None and described.is_choice else None
        if choices:
            param.metavar = "[" + "|".join(str(getattr(c, "value", c)) for c in choices) + "]"
        else:
            param.metavar = _METAVARS.get(param.name, param.name.upper())
    for sub in getattr(command, "commands", {}).values():
        _plain(sub)

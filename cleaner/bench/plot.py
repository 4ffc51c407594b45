"""The speed/quality picture: mean body F1 against pages per second, one panel per mode."""

from __future__ import annotations

from pathlib import Path

from .summary import Overall

_MARKERS = {"html": "o", "html-text": "s", "inscriptis": "^"}
BASELINE = "as-is"  # does no work: its speed means nothing, its F1 is the floor a cleaner must beat (a line)


def plot(rows: list[Overall], path: Path, title: str = "") -> Path:
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt

    points = [r for r in rows if r.mean_body_f1 is not None and r.pages_per_second]
    modes = [m for m in ("html", "text") if any(r.variant.split("/")[0] == m for r in points)]
    fig, axes = plt.subplots(1, max(len(modes), 1), figsize=(6.5 * max(len(modes), 1), 6.5), squeeze=False)
    palette = ["C0", "C1", "C2", "C4", "C5", "C6", "C7", "C8", "C9"]  # C3 is red: the cleaner's alone
    others = [name for name in dict.fromkeys(r.system for r in points) if name != "cleaner"]
    colours = {name: palette[i % len(palette)] for i, name in enumerate(others)} | {"cleaner": "tab:red"}
    lowest = min((r.mean_body_f1 for r in points), default=0.0)
    for ax, mode in zip(axes[0], modes, strict=False):
        for r in (r for r in points if r.variant.split("/")[0] == mode):
            converter = r.variant.split("/", 1)[1] if "/" in r.variant else "html"
            label = r.system if mode == "html" else f"{r.system} ({converter})"
            if r.system == BASELINE:
                style = ":" if converter == "inscriptis" else "--"
                ax.axhline(r.mean_body_f1, linestyle=style, color="black", alpha=0.6, label=f"text as is ({converter})")
                continue
            ax.scatter(
                r.pages_per_second,
                r.mean_body_f1,
                marker=_MARKERS.get(converter, "o"),
                s=90 if r.system == "cleaner" else 50,
                color=colours[r.system],
                label=label,
                zorder=3,
            )
        # below the axes: inside, the legend would hide points
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize="small", frameon=False)
        ax.set_xscale("log")
        ax.set_ylim(max(0.0, lowest - 0.1), 1.0)
        ax.set_xlabel("pages per CPU-second (one core, log scale)")
        ax.set_ylabel("body F1 (mean over datasets with body gold)")
        ax.set_title("HTML input" if mode == "html" else "plain-text input (two converters)")
        ax.grid(True, which="both", alpha=0.3)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path

"""`deskops init`: a small, commented starter workspace to edit, validate, plan and apply.

The starter lives as plain files under ``starter/`` (two forms, four fields — dropdowns, a
conditional field, a patterned text field —, en + fr titles, triage rules, a reply template,
one help-centre article in two languages, a README and a ``.gitignore``), so what a new
admin reads is exactly what gets written. Nothing existing is ever overwritten: if any
starter file is already there, nothing at all is written.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from integrations.errors import WorkspaceError

__all__ = ["STARTER", "starter_files", "write_starter"]

#: the starter workspace shipped with the package.
STARTER = Path(__file__).with_name("starter")
#: names that cannot ship as-is in a package (a ``.gitignore`` would be read by git).
_RENAMED = {"gitignore": ".gitignore"}


def starter_files() -> list[Path]:
    """The starter's files, relative to the workspace root (as they will be named)."""
    files = sorted(p.relative_to(STARTER) for p in STARTER.rglob("*") if p.is_file())
    return [f.with_name(_RENAMED.get(f.name, f.name)) for f in files
            if "__pycache__" not in f.parts]


def write_starter(root: Path) -> list[Path]:
    """Write the starter into ``root`` (created if needed); returns the files written.

    Refuses, writing nothing, when ``root`` is a file or already holds any of the files.
    """
    if root.exists() and not root.is_dir():
        raise WorkspaceError(f"{root} is a file, not a folder; name a new or empty folder")
    targets = starter_files()
    taken = [t for t in targets if (root / t).exists() or (root / t).is_symlink()]
    if taken:
        names = ", ".join(str(t) for t in taken[:3]) + (" ..." if len(taken) > 3 else "")
        raise WorkspaceError(f"{root} already has {names}; init never overwrites: choose a "
                             "new folder (deskops init DIR)")
    sources = {v: k for k, v in _RENAMED.items()}
    for target in targets:
        source = STARTER / target.with_name(sources.get(target.name, target.name))
        (root / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, root / target)
    return targets

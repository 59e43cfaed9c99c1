"""Plan, apply, export and drift: the workspace ↔ helpdesk diff engine (pure core + apply).

`compare` (pure) turns a workspace, a helpdesk's `RemoteState` and the lock file into a
`Plan` of small operations; `render_text`/`render_json` show it; `apply_plan` executes it
through a `Helpdesk`, recording each success in the `LockFile`; `detect_drift` reports
managed objects changed by hand since the last apply; `export_workspace` turns a remote
state into a workspace plus its lock file.
"""

from integrations.plan._apply import ApplyResult, Progress, apply_plan, record_identities
from integrations.plan._choices import choice_values
from integrations.plan._compare import Plan, Unmanaged, compare, desired_forms_in_order
from integrations.plan._drift import DriftItem, detect_drift, render_drift
from integrations.plan._export import Pulled, export_workspace, pull_workspace
from integrations.plan._lock import ApplyLock, FieldEntry, FormEntry, LockFile, lock_path
from integrations.plan._ops import (
    Change,
    CreateField,
    CreateForm,
    CreateOption,
    DeleteField,
    DeleteForm,
    DeleteOption,
    Op,
    Rename,
    RenameField,
    RenameForm,
    ReorderForms,
    ReplaceField,
    SetTranslations,
    UpdateField,
    UpdateForm,
    UpdateOption,
)
from integrations.plan._render import plan_json, render_json, render_text, summary_line
from integrations.plan._views import ViewOptions, digest

__all__ = [
    "ApplyLock",
    "ApplyResult",
    "Change",
    "CreateField",
    "CreateForm",
    "CreateOption",
    "DeleteField",
    "DeleteForm",
    "DeleteOption",
    "DriftItem",
    "FieldEntry",
    "FormEntry",
    "LockFile",
    "Op",
    "Plan",
    "Progress",
    "Pulled",
    "Rename",
    "RenameField",
    "RenameForm",
    "ReorderForms",
    "ReplaceField",
    "SetTranslations",
    "Unmanaged",
    "UpdateField",
    "UpdateForm",
    "UpdateOption",
    "ViewOptions",
    "apply_plan",
    "choice_values",
    "compare",
    "desired_forms_in_order",
    "detect_drift",
    "digest",
    "export_workspace",
    "lock_path",
    "plan_json",
    "pull_workspace",
    "record_identities",
    "render_drift",
    "render_json",
    "render_text",
    "summary_line",
]

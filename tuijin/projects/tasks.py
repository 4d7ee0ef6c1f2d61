"""Background work of the projects domain: the ledger export, written in the task queue.

The export streams the projects of the list page's filters (in the user's scope) into a
write-only workbook on a temporary file, which goes to default_storage; the job page offers it
for download to the user who asked for it.
"""

from __future__ import annotations

import tempfile
import uuid

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.files.storage import default_storage
from django.http import QueryDict
from django.utils import timezone

from tuijin.core.errors import ServiceError
from tuijin.core.jobs import Outcome, job
from tuijin.core.models import Job

from .excel import project_ledger_export
from .filters import ProjectFilter
from .selectors import project_list

EXPORTS = "exports/"


@job("projects_export")
def export_projects(row: Job, query: str, user_id: int) -> Outcome:
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        raise ServiceError("J003", "发起导出的用户已不存在")
    filterset = ProjectFilter(QueryDict(query) or None, queryset=project_list(user))
    if filterset.is_bound and not filterset.is_valid():
        raise ServiceError("X020", f"筛选条件无效：{filterset.errors.as_text()}")
    year = filterset.form.cleaned_data.get("year") if filterset.is_bound else None
    projects = filterset.qs
    with tempfile.TemporaryFile() as tmp:
        project_ledger_export(projects, year=int(year) if year else None, out=tmp)
        tmp.seek(0)
        stored = default_storage.save(f"{EXPORTS}{row.pk}-{uuid.uuid4().hex}.xlsx", File(tmp))
    return Outcome(
        file=stored,
        filename=f"重点项目台账-{timezone.localdate():%Y%m%d}.xlsx",
        note=f"已导出 {projects.count()} 个项目。",
    )

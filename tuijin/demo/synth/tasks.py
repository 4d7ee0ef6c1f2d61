"""Plan documents with their stages and task trees (sections → subsections → tasks), each task
with one lead unit and one to three responsible units."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from tuijin.documents.models import Document
from tuijin.orgs.models import Unit
from tuijin.plans.models import Assignment, Stage, Task

from . import words
from .common import Ctx, at, month_end
from .region import Region

TOP_LABELS = "一二三四五六七八九十"
STATUSES = [("done", 15), ("in_progress", 55), ("not_started", 20), ("blocked", 10)]


@dataclass
class Plans:
    tasks: list[Task]  # leaves, in document order
    units: dict[int, list[tuple[Unit, str]]]  # task id → (unit, role)


def _status(ctx: Ctx) -> tuple[str, int]:
    roll = ctx.rng.randrange(100)
    status = STATUSES[-1][0]
    for name, weight in STATUSES:
        if roll < weight:
            status = name
            break
        roll -= weight
    progress = {
        "done": 100,
        "not_started": 0,
        "in_progress": ctx.rng.randint(10, 90),
        "blocked": ctx.rng.randint(10, 60),
    }[status]
    return status, progress


def _roll_up(leaves: list[Task]) -> tuple[str, int]:
    progress = round(sum(t.progress for t in leaves) / len(leaves)) if leaves else 0
    if leaves and all(t.status == "done" for t in leaves):
        return "done", 100
    started = any(t.status != "not_started" for t in leaves)
    return ("in_progress" if started else "not_started"), progress


def build_tasks(ctx: Ctx, region: Region, count: int) -> Plans:
    rng, today = ctx.rng, ctx.today
    n_docs = max(1, count // 300)
    per_doc = [count // n_docs + (1 if i < count % n_docs else 0) for i in range(n_docs)]
    documents: list[Document] = []
    # (document, [(top title, [(sub title, [leaf Task])])])
    outlines: list[list[tuple[str, list[tuple[str, list[Task]]]]]] = []
    cluster_stems = [c.name.removesuffix("产业集群") for c in region.clusters]
    park_names = [p.name for d in region.districts for p in d.parks] or [region.city_area.name]
    for k, leaves in enumerate(per_doc):
        theme = ctx.pick(words.DOCUMENT_THEMES).format(c=ctx.pick(cluster_stems))
        tops = rng.sample(words.SECTION_TITLES, rng.randint(3, 5))
        subs = [rng.randint(2, 4) for _ in tops]
        slots = [(t, s) for t, n in zip(range(len(tops)), subs, strict=True) for s in range(n)]
        buckets: list[list[Task]] = [[] for _ in slots]
        for n in range(leaves):
            verb = ctx.pick(words.TASK_VERBS)
            what = ctx.pick(words.TASK_OBJECTS).format(
                c=ctx.pick(cluster_stems), a=ctx.pick(park_names)
            )
            status, progress = _status(ctx)
            deadline = month_end(today.year + rng.randint(-1, 2), rng.randint(1, 12))
            if deadline < today and rng.random() < 0.75:  # most tasks past their time are done
                status, progress = "done", 100
            title = f"{verb}{what}"
            buckets[n % len(slots)].append(
                Task(
                    title=title,
                    text=f"{title}，明确时间表和路线图，确保{deadline.year}年{deadline.month}月底前取得阶段性成效。",
                    deadline=deadline,
                    deadline_text=f"{deadline.year}年{deadline.month}月底前",
                    status=status,
                    progress=progress,
                )
            )
        outline = []
        for t, top in enumerate(tops):
            outline.append(
                (
                    top,
                    [
                        (
                            f"{ctx.pick(words.TASK_VERBS)}{ctx.pick(cluster_stems)}{top[-4:]}",
                            buckets[i],
                        )
                        for i, (tt, _s) in enumerate(slots)
                        if tt == t
                    ],
                )
            )
        outlines.append(outline)
        lines = [f"{region.city}市关于{theme}的实施方案"]
        for t, (top, sub_list) in enumerate(outline):
            lines.append(f"{TOP_LABELS[t]}、{top}")
            for s, (sub, leaf_tasks) in enumerate(sub_list):
                lines.append(f"（{TOP_LABELS[s]}）{sub}")
                lines += [f"{n}. {leaf.text}" for n, leaf in enumerate(leaf_tasks, start=1)]
        text = "\n".join(lines)
        issued = today - dt.timedelta(days=rng.randint(60, 600))
        documents.append(
            Document(
                title=lines[0],
                doc_number=f"{region.city}政办发〔{issued.year}〕{k + 1}号",
                issuer=f"{region.city}市人民政府办公室",
                issued_on=issued,
                date_text=f"{issued.year}年{issued.month}月{issued.day}日",
                kind="plan",
                status="confirmed",
                text=text,
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                confirmed_at=at(issued + dt.timedelta(days=3)),
            )
        )
    ctx.bulk(Document, documents)
    stages = [
        Stage(
            document=doc,
            name=name,
            start_date=_months_after(doc.issued_on, start),
            end_date=_months_after(doc.issued_on, end),
            description=f"{name}阶段工作安排。",
            order=order,
        )
        for doc in documents
        if doc.issued_on is not None
        for order, (name, start, end) in enumerate(words.PLAN_STAGES, start=1)
    ]
    ctx.bulk(Stage, stages)

    tops_rows: list[Task] = []
    mids: list[Task] = []
    leaves_rows: list[Task] = []
    for doc, outline in zip(documents, outlines, strict=True):
        order = 0
        for t, (top_title, sub_list) in enumerate(outline):
            order += 1
            label1 = TOP_LABELS[t]
            all_leaves = [leaf for _, ls in sub_list for leaf in ls]
            top_status, top_progress = _roll_up(all_leaves)
            top_task = Task(
                document=doc,
                code=label1,
                title=top_title,
                order=order,
                status=top_status,
                progress=top_progress,
            )
            tops_rows.append(top_task)
            for s, (sub_title, leaf_tasks) in enumerate(sub_list):
                order += 1
                code2 = f"{label1}、（{TOP_LABELS[s]}）"
                status, progress = _roll_up(leaf_tasks)
                mid = Task(
                    document=doc,
                    parent=top_task,
                    code=code2,
                    title=sub_title,
                    section=f"{label1}、{top_title}",
                    order=order,
                    status=status,
                    progress=progress,
                )
                mids.append(mid)
                for n, leaf in enumerate(leaf_tasks, start=1):
                    order += 1
                    leaf.document, leaf.parent, leaf.order = doc, mid, order
                    leaf.code = f"{code2}{n}"
                    leaf.section = f"{label1}、{top_title} › （{TOP_LABELS[s]}）{sub_title}"
                    leaves_rows.append(leaf)
    ctx.bulk(Task, tops_rows)
    ctx.bulk(Task, mids)  # bulk_create takes parent_id from the parents saved just before
    ctx.bulk(Task, leaves_rows)

    leads = [*region.city_departments, *(d.government for d in region.districts)]
    others = region.government_units
    assignments: list[Assignment] = []
    units: dict[int, list[tuple[Unit, str]]] = {}
    for task in leaves_rows:
        lead = ctx.pick(leads)
        rows = [(lead, "lead")]
        for unit in rng.sample(others, min(len(others), rng.randint(1, 3))):
            if unit != lead:
                rows.append((unit, "responsible"))
        units[task.pk] = rows
        assignments += [
            Assignment(task=task, unit=u, role=role, unit_as_written=u.short_name)
            for u, role in rows
        ]
    ctx.bulk(Assignment, assignments)
    return Plans(tasks=leaves_rows, units=units)


def _months_after(day: dt.date | None, months: int) -> dt.date | None:
    if day is None:
        return None
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)

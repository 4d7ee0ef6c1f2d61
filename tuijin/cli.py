"""The `tuijin` command: a thin layer over the services.

    tuijin demo [--port N] [--no-serve]     set up SQLite, load the sample region, serve it
    tuijin serve [--host H] [--port N]      serve the web app (gunicorn, tuijin/serving.py)
    tuijin token create USERNAME            print a new API token for USERNAME
    tuijin user add USERNAME --role ROLE    create or update a user (office/liaison/leader/admin)
    tuijin extract FILE... --out DIR        extract plan documents to JSON (no database needed)
    tuijin ingest FILE...                   extract and load documents into the ledger
    tuijin synth --projects N [--seed S]    generate a synthetic region of any size
    tuijin manage ARGS...                   Django's management commands

Every command that touches the database honours DATABASE_URL.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from .cli_ops import add_ops_commands, serve_app
from .cli_setup import django_setup as _django_setup
from .cli_setup import prepare_database as _prepare_database
from .cli_setup import refused

DEMO_USERS_HELP = (
    "演示账号: admin (超级管理员)、office (办公室)、leader (领导)、liaison_fgw 与 liaison_gxj"
    " (联络员)。密码取自环境变量 TUIJIN_DEMO_PASSWORD，未设置时为 tuijin-demo"
)


def cmd_demo(args: argparse.Namespace) -> int:
    # A local trial: the development mode, where the server may run on the public development
    # key when SECRET_KEY is not set (tuijin/settings.py; any other start without it is refused).
    os.environ["TUIJIN_DEV"] = "1"
    _django_setup()
    _prepare_database()
    from tuijin.demo.loader import load_demo
    from tuijin.demo.plan import ingest_demo_plan
    from tuijin.demo.reporting import load_reporting
    from tuijin.reporting.choices import SubmissionState

    summary = load_demo(password=os.environ.get("TUIJIN_DEMO_PASSWORD"))
    print("演示数据已就绪 / demo data ready:")
    for label, count in summary.counts.items():
        print(f"  {label}: {count}")
    document, report = ingest_demo_plan()
    loaded = sum(report.linked.values())
    print(f"  示例方案《{document.title}》已提取入库（本次新增来源关联 {loaded} 处）")
    states = load_reporting()
    shown = "，".join(f"{SubmissionState(k).label} {n}" for k, n in states.items() if n)
    print(f"  信息报送：上半年报送 {shown}；红黄绿灯和逾期催报已按今天生成")
    print()
    for login in summary.logins:
        print(f"  登录 / login: {login}")
    if args.no_serve:
        return 0
    return serve_app(args.host, args.port)


def cmd_token(args: argparse.Namespace) -> int:
    _django_setup()
    from tuijin.core.errors import ServiceError
    from tuijin.core.services import token_create

    try:
        print(token_create(username=args.username, name=args.name or ""))
    except ServiceError as exc:
        return refused(exc)
    return 0


def cmd_user(args: argparse.Namespace) -> int:
    _django_setup()
    _prepare_database()
    from tuijin.accounts.services import user_save
    from tuijin.core.errors import ServiceError
    from tuijin.orgs.services import unit_find

    unit = None
    if args.unit:
        unit = unit_find(args.unit)
        if unit is None:
            print(f"错误: 找不到单位“{args.unit}”（可用全称、简称或别名）", file=sys.stderr)
            return 2
    password = None
    if args.password_env:
        password = os.environ.get(args.password_env)
        if not password:
            print(f"错误: 环境变量 {args.password_env} 未设置或为空", file=sys.stderr)
            return 2
    try:
        user = user_save(username=args.username, role=args.role, unit=unit, password=password)
    except ServiceError as exc:
        return refused(exc)
    where = f"，单位：{unit.name}" if unit is not None else ""
    print(f"已保存用户 {user.username}（角色：{args.role}{where}）")
    if not user.has_usable_password():
        print(
            f"提示: 该用户尚无密码，不能登录网站；可用 --password-env 设置，"
            f"或用 tuijin token create {user.username} 创建 API 令牌"
        )
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from pathlib import Path

    _django_setup()
    _prepare_database()
    from tuijin.core.errors import ServiceError
    from tuijin.documents.services import document_ingest

    failed = 0
    for name in args.files:
        path = Path(name)
        try:
            document, report = document_ingest(path=path)
        except ServiceError as exc:
            failed += 1
            print(f"{path.name}: 错误 {exc}", file=sys.stderr)
            continue
        created = "，".join(f"{k} {v}" for k, v in report.created.items()) or "无新增"
        linked = sum(report.linked.values())
        title = document.title or document.original_name
        print(f"{path.name}: 《{title}》 新建：{created}；来源关联 {linked} 处")
        if report.new_units:
            print(f"  新建单位（待核实）: {'、'.join(report.new_units)}")
        if report.collective:
            print(f"  集体表述: {report.collective_note()}")
    return 1 if failed else 0


def _cli_user(username: str | None) -> Any:
    """The user an import is recorded under (`--user`), or None."""
    if not username:
        return None
    from django.contrib.auth import get_user_model

    from tuijin.core.errors import ServiceError

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise ServiceError("C001", f"用户“{username}”不存在")
    return user


def cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    _django_setup()
    _prepare_database()
    from tuijin.core.errors import ServiceError
    from tuijin.plans import services as plans
    from tuijin.projects import services as projects

    preview_of: Any
    commit: Any
    preview_of, commit = {
        "projects": (projects.project_import_preview, projects.project_import_commit),
        "tasks": (plans.task_import_preview, plans.task_import_commit),
    }[args.kind]
    path = Path(args.file)
    try:
        if not path.is_file():
            raise ServiceError("X001", f"找不到文件 {path}")
        actor = _cli_user(args.user)
        preview = preview_of(path.read_bytes())
    except ServiceError as exc:
        return refused(exc)
    for warning in preview.warnings:
        print(f"提示: {warning}")
    if preview.problems:
        for problem in preview.problems:
            print(problem)
        print(f"{path.name}: {preview.summary()}", file=sys.stderr)
        return 1
    if args.dry_run:
        print(f"{path.name}: 检查通过，未写入。将{preview.summary()}")
        return 0
    from django.core.exceptions import PermissionDenied

    try:
        result = commit(preview=preview, actor=actor)
    except ServiceError as exc:
        return refused(exc)
    except PermissionDenied:
        print(f"错误: 用户“{args.user}”无权导入（仅办公室和系统管理员）", file=sys.stderr)
        return 2
    print(f"{path.name}: 已导入。{result.summary()}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    _django_setup()
    _prepare_database()
    from tuijin.accounts.scoping import SYSTEM
    from tuijin.core.errors import ServiceError

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    data = b""
    try:
        user = _cli_user(args.user) or SYSTEM  # unscoped system use unless --user is given
        if args.kind == "projects":
            from tuijin.projects.excel import project_filter_params, project_ledger_export
            from tuijin.projects.filters import ProjectFilter
            from tuijin.projects.selectors import project_list

            params = project_filter_params(
                stage=args.stage,
                area=args.area,
                unit=args.unit,
                cluster=args.cluster,
                year=args.year,
                q=args.q,
            )
            fs = ProjectFilter(params, queryset=project_list(user))
            with partial.open("wb") as handle:  # streamed to the file, row by row
                _filtered(fs, lambda qs: project_ledger_export(qs, year=args.year, out=handle))
        else:
            from tuijin.plans.excel import task_filter_params, task_ledger_export
            from tuijin.plans.filters import TaskFilter
            from tuijin.plans.selectors import task_list

            params = task_filter_params(
                unit=args.unit, role=args.role, status=args.status, q=args.q
            )
            fs = TaskFilter(params, queryset=task_list(user))
            data = _filtered(fs, task_ledger_export)
    except ServiceError as exc:
        partial.unlink(missing_ok=True)
        return refused(exc)
    if data:
        partial.write_bytes(data)
    os.replace(partial, out)
    print(f"已导出到 {out}")
    return 0


def _filtered(fs: Any, export: Callable[[Any], bytes]) -> bytes:
    """The export of a FilterSet's rows; ServiceError when its parameters are invalid."""
    from tuijin.core.errors import ServiceError

    if not fs.is_valid():
        errors = "；".join(f"{k}: {' '.join(v)}" for k, v in fs.errors.items())
        raise ServiceError("X020", f"筛选条件无效：{errors}")
    result: bytes = export(fs.qs)
    return result


def cmd_synth(args: argparse.Namespace) -> int:
    import datetime as dt
    import time

    _django_setup()
    _prepare_database()
    from tuijin.core.errors import ServiceError
    from tuijin.demo.synth import synth_region

    started = time.perf_counter()
    print(f"生成合成地区 / synthetic region: {args.projects} 个项目，种子 {args.seed}")
    try:
        today = dt.date.fromisoformat(args.today) if args.today else None
        report = synth_region(
            projects=args.projects, seed=args.seed, units=args.units, today=today, say=print
        )
    except ValueError:
        print(f"错误: [G003] 日期“{args.today}”无效，应为 YYYY-MM-DD", file=sys.stderr)
        return 2
    except ServiceError as exc:
        return refused(exc)
    for label, count in report.counts.items():
        print(f"  {label}: {count}")
    print(f"  灯色 / lights: {report.warning_levels}")
    total = time.perf_counter() - started
    print(f"共用时 {total:.1f} s（其中红黄绿灯重算 {report.warnings_seconds:.1f} s）")
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    _django_setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["tuijin manage", *args.rest])
    return 0


def _extract(argv: list[str]) -> int:
    from tuijin.ingest.cli import main as extract_main

    return extract_main(argv)


def cmd_extract(args: argparse.Namespace) -> int:
    return _extract(args.rest)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tuijin",
        description="推进 tuijin: 规划文件 → 任务、目标、项目台账的闭环推进平台",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="例 / example:  tuijin demo --port 8000",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(
        name: str, func: Callable[[argparse.Namespace], int], help_: str, example: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_, epilog=f"例 / example:  {example}")
        p.set_defaults(func=func)
        return p

    demo = add("demo", cmd_demo, "初始化 SQLite、载入示例地区并启动网站", "tuijin demo --port 8000")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)
    demo.add_argument("--no-serve", action="store_true", help="只载入数据，不启动网站")

    add_ops_commands(add)

    token = add("token", cmd_token, "管理 API 令牌", "tuijin token create admin")
    token_sub = token.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = token_sub.add_parser(
        "create", help="为用户创建令牌并打印", epilog="例:  tuijin token create admin"
    )
    create.add_argument("username")
    create.add_argument("--name", help="令牌用途说明")

    user = add(
        "user",
        cmd_user,
        "管理用户与角色",
        "tuijin user add zhangsan --role liaison --unit 市发改委 --password-env ZS_PASSWORD",
    )
    user_sub = user.add_subparsers(dest="action", required=True, metavar="ACTION")
    user_add = user_sub.add_parser(
        "add",
        help="新建用户，或修改已有用户的角色和单位",
        description="新建用户，或修改已有用户的角色和单位（重复运行只更新）",
        epilog="例:  tuijin user add zhangsan --role liaison --unit 市发改委 "
        "--password-env ZS_PASSWORD",
    )
    user_add.add_argument("username", metavar="USERNAME")
    user_add.add_argument(
        "--role",
        required=True,
        choices=["office", "liaison", "leader", "admin"],
        help="office 领导小组办公室 / liaison 单位联络员 / leader 领导 / admin 系统管理员",
    )
    user_add.add_argument("--unit", default="", help="所属单位的全称、简称或别名（联络员必填）")
    user_add.add_argument(
        "--password-env", metavar="VAR", help="从该环境变量读取密码（不在命令行上写密码）"
    )

    ingest = add(
        "ingest",
        cmd_ingest,
        "提取文件并载入台账（重复载入不会产生重复数据）",
        "tuijin ingest plan.docx",
    )
    ingest.add_argument("files", nargs="+", metavar="FILE")

    imp = add(
        "import",
        cmd_import,
        "从 Excel 台账导入重点项目或任务（有任何问题则不写入）",
        "tuijin import projects 台账.xlsx --dry-run",
    )
    imp_sub = imp.add_subparsers(dest="kind", required=True, metavar="KIND")
    for kind, help_, example in (
        ("projects", "导入重点项目台账", "tuijin import projects 重点项目台账.xlsx --dry-run"),
        ("tasks", "导入任务分解表", "tuijin import tasks 任务分解表.xlsx"),
    ):
        p = imp_sub.add_parser(kind, help=help_, description=help_, epilog=f"例:  {example}")
        p.add_argument("file", metavar="FILE", help=".xlsx 文件")
        p.add_argument("--dry-run", action="store_true", help="只检查并列出问题，不写入")
        p.add_argument("--user", help="记入修改历史的用户名")

    exp = add(
        "export",
        cmd_export,
        "把重点项目或任务导出为 Excel 台账（与导入格式相同）",
        "tuijin export projects --out 台账.xlsx --stage 续建",
    )
    exp_sub = exp.add_subparsers(dest="kind", required=True, metavar="KIND")
    projects_exp = exp_sub.add_parser(
        "projects",
        help="导出重点项目台账",
        description="导出重点项目台账（筛选条件与项目列表页相同）",
        epilog="例:  tuijin export projects --out 台账.xlsx --stage 续建 --area 东山县 --year 2025",
    )
    tasks_exp = exp_sub.add_parser(
        "tasks",
        help="导出任务分解表",
        description="导出任务分解表（筛选条件与任务列表页相同）",
        epilog="例:  tuijin export tasks --out 任务.xlsx --unit 市发改委 --role lead",
    )
    for p in (projects_exp, tasks_exp):
        p.add_argument("--out", required=True, metavar="FILE", help="输出的 .xlsx 文件")
        p.add_argument("--unit", default="", help="单位名称、简称或别名")
        p.add_argument("--q", default="", help="搜索文字")
        p.add_argument("--user", help="以该用户的可见范围导出")
    projects_exp.add_argument("--stage", default="", help="项目阶段，如 续建、新开工")
    projects_exp.add_argument("--area", default="", help="建设地点（区域名称）")
    projects_exp.add_argument("--cluster", default="", help="产业集群名称")
    projects_exp.add_argument("--year", type=int, help="年份：计划投资与完成投资取该年")
    tasks_exp.add_argument("--role", default="", help="分工角色：lead/牵头 或 responsible/责任")
    tasks_exp.add_argument("--status", default="", help="任务状态，如 推进中、已完成")

    synth = add(
        "synth",
        cmd_synth,
        "在空数据库中生成任意规模的合成地区（压力测试、基准测试用）",
        "tuijin synth --projects 20000 --seed 1",
    )
    synth.add_argument("--projects", type=int, required=True, metavar="N", help="重点项目数")
    synth.add_argument("--seed", type=int, default=1, help="随机种子：种子与日期相同则数据相同")
    synth.add_argument("--units", type=int, metavar="U", help="单位数（默认约为项目数的十分之一）")
    synth.add_argument(
        "--today", metavar="YYYY-MM-DD", help="按哪一天生成进展、报送和灯色（默认今天）"
    )

    manage = add("manage", cmd_manage, "Django 管理命令", "tuijin manage migrate")
    manage.add_argument("rest", nargs=argparse.REMAINDER)

    extract = add(
        "extract",
        cmd_extract,
        "从规划文件中提取结构（不需要数据库）",
        "tuijin extract plan.docx --out out/",
    )
    extract.add_argument("rest", nargs=argparse.REMAINDER)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # `extract` goes to the engine's own parser whole (its --help included), without Django.
    if argv and argv[0] == "extract":
        return _extract(argv[1:])
    args = build_parser().parse_args(argv)
    if args.command not in SERVING_COMMANDS:
        # A command that serves no one (ingest, import, export, user, backup, …) signs nothing
        # users hold: without SECRET_KEY it runs on the development key. The web server, the
        # worker and Django's own commands still refuse to start without one (settings.py, S001).
        os.environ.setdefault("TUIJIN_DEV", "1")
    result: int = args.func(args)
    return result


SERVING_COMMANDS = frozenset({"serve", "worker", "manage"})


def run() -> None:
    """The `tuijin` program. `extract` ends its process as `python -m tuijin.ingest` does."""
    if sys.argv[1:2] == ["extract"]:
        from tuijin.ingest.cli import run_and_exit

        run_and_exit(sys.argv[2:])
    sys.exit(main())


if __name__ == "__main__":
    run()

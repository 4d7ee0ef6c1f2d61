"""The `tuijin` command: a thin layer over the services.

    tuijin demo [--port N] [--no-serve]     set up SQLite, load the sample region, serve it
    tuijin serve [--host H] [--port N]      serve the web app (waitress)
    tuijin token create USERNAME            print a new API token for USERNAME
    tuijin extract FILE... --out DIR        extract plan documents to JSON (no database needed)
    tuijin ingest FILE...                   extract and load documents into the ledger
    tuijin manage ARGS...                   Django's management commands

Every command that touches the database honours DATABASE_URL.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

DEMO_USERS_HELP = (
    "演示账号: admin (超级管理员)。密码取自环境变量 TUIJIN_DEMO_PASSWORD，未设置时为 tuijin-demo"
)


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuijin.settings")
    import django

    django.setup()


def _prepare_database(*, verbosity: int = 0) -> None:
    from django.conf import settings
    from django.core.management import call_command

    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=verbosity)


def cmd_demo(args: argparse.Namespace) -> int:
    _django_setup()
    _prepare_database()
    from tuijin.demo.loader import load_demo

    summary = load_demo(password=os.environ.get("TUIJIN_DEMO_PASSWORD"))
    print("演示数据已就绪 / demo data ready:")
    for label, count in summary.counts.items():
        print(f"  {label}: {count}")
    print()
    for login in summary.logins:
        print(f"  登录 / login: {login}")
    if args.no_serve:
        return 0
    return _serve(args.host, args.port)


def cmd_serve(args: argparse.Namespace) -> int:
    _django_setup()
    _prepare_database()
    return _serve(args.host, args.port)


def _serve(host: str, port: int) -> int:
    from waitress import serve

    from tuijin.wsgi import application

    url_host = "127.0.0.1" if host in ("0.0.0.0", "") else host
    print(f"tuijin 正在运行 / serving at http://{url_host}:{port}/  (Ctrl+C 停止)", flush=True)
    serve(application, host=host, port=port, threads=8, ident="tuijin")
    return 0


def cmd_token(args: argparse.Namespace) -> int:
    _django_setup()
    from tuijin.core.errors import ServiceError
    from tuijin.core.services import token_create

    try:
        print(token_create(username=args.username, name=args.name or ""))
    except ServiceError as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 2
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
    return 1 if failed else 0


def cmd_manage(args: argparse.Namespace) -> int:
    _django_setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["tuijin manage", *args.rest])
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from tuijin.ingest.cli import main as extract_main

    return extract_main(args.rest)


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

    serve = add("serve", cmd_serve, "启动网站", "tuijin serve --host 0.0.0.0 --port 8000")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)

    token = add("token", cmd_token, "管理 API 令牌", "tuijin token create admin")
    token_sub = token.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = token_sub.add_parser(
        "create", help="为用户创建令牌并打印", epilog="例:  tuijin token create admin"
    )
    create.add_argument("username")
    create.add_argument("--name", help="令牌用途说明")

    ingest = add(
        "ingest",
        cmd_ingest,
        "提取文件并载入台账（重复载入不会产生重复数据）",
        "tuijin ingest plan.docx",
    )
    ingest.add_argument("files", nargs="+", metavar="FILE")

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
    # `extract` is handled by the engine's own parser, without importing Django.
    if argv and argv[0] == "extract":
        from tuijin.ingest.cli import main as extract_main

        return extract_main(argv[1:])
    args = build_parser().parse_args(argv)
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())

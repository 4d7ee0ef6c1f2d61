"""Conventions that keep the code navigable: every API route is documented, every CLI command
has help with an example, the extraction engine stays free of Django."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern

from tuijin.api import api
from tuijin.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
NOT_OPERATIONS = {"openapi-json", "openapi-view", "api-root"}


def _api_routes() -> list[tuple[str, str]]:
    patterns, _app, _namespace = api.urls
    routes = []
    for pattern in patterns:
        if not isinstance(pattern, URLPattern) or pattern.name in NOT_OPERATIONS:
            continue
        assert pattern.name, pattern
        route = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(pattern.pattern))
        routes.append((pattern.name, "/api/" + route))
    return routes


@pytest.mark.django_db
def test_every_api_route_is_in_the_openapi_schema():
    user = get_user_model().objects.create_user(username="schema-reader")
    client = Client()
    client.force_login(user)
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    documented = set(response.json()["paths"])
    routes = _api_routes()
    assert len(routes) >= 14  # list + detail for 7 resources
    missing = [path for _name, path in routes if path not in documented]
    assert missing == []


def test_every_list_endpoint_documents_its_page_parameters():
    paths = api.get_openapi_schema()["paths"]
    for name, path in _api_routes():
        if not name.startswith("list_"):
            continue
        params = {p["name"] for p in paths[path]["get"].get("parameters", [])}
        assert {"limit", "offset", "q"} <= params, path


def _subparsers(
    parser: argparse.ArgumentParser, prefix: str = "tuijin"
) -> Iterator[tuple[str, str | None, argparse.ArgumentParser]]:
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {choice.dest: choice.help for choice in action._choices_actions}
        for name, sub in action.choices.items():
            yield f"{prefix} {name}", helps.get(name), sub
            yield from _subparsers(sub, f"{prefix} {name}")


EXAMPLE = re.compile(r"(?:例|example)[^\n]*", re.IGNORECASE)


def test_every_cli_command_has_help_with_an_example():
    commands = list(_subparsers(build_parser()))
    assert {"tuijin token", "tuijin token create"} <= {name for name, _h, _p in commands}
    for name, help_text, parser in commands:
        assert help_text, f"{name}: no help text"
        examples = EXAMPLE.findall(parser.format_help())
        assert any(name in line for line in examples), f"{name}: no example in --help"


DJANGO_IMPORT = re.compile(r"^\s*(import django\b|from django\b)", re.MULTILINE)


def test_ingest_does_not_import_django():
    sources = sorted((ROOT / "tuijin" / "ingest").rglob("*.py"))
    assert sources, "no ingest sources found"
    offenders = [
        str(path.relative_to(ROOT))
        for path in sources
        if DJANGO_IMPORT.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []

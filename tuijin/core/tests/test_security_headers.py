"""Headers a browser enforces: the content security policy on every page, HSTS behind HTTPS; and
templates that the policy does not break (no inline scripts, no on… handler attributes)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from .test_settings import _production, _run

TUIJIN = Path(__file__).resolve().parents[2]


def _policy(header: str) -> dict[str, list[str]]:
    directives = [part.split() for part in header.split(";") if part.strip()]
    return {d[0]: d[1:] for d in directives}


@pytest.mark.parametrize("name", ["login", "admin:login"])
def test_pages_carry_a_strict_content_security_policy(client: Client, name: str) -> None:
    response = client.get(reverse(name))
    assert response.status_code == 200
    policy = _policy(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval'
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"]
    assert "'unsafe-inline'" not in " ".join(
        v for k, vs in policy.items() if k != "style-src" for v in vs
    )
    assert response["X-Frame-Options"] == "DENY"


def test_signed_in_pages_and_the_api_docs_carry_the_policy(ui_client: Client) -> None:
    for url in (reverse("overview"), "/api/docs"):
        response = ui_client.get(url)
        assert response.status_code == 200, url
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"], url


def test_hsts_and_secure_cookies_behind_https(tmp_path: Path) -> None:
    """Under the documented production settings (TUIJIN_SECURE=1) an HTTPS answer has HSTS."""
    code = (
        "import json; from django.test import Client; "
        "r = Client().get('/login/', secure=True, headers={'host': 'tuijin.example.gov.cn'}); "
        "plain = Client().get('/login/', headers={'host': 'tuijin.example.gov.cn'}); "
        "print(json.dumps({'status': r.status_code, 'hsts': r.get('Strict-Transport-Security'), "
        "'csp': r.get('Content-Security-Policy'), 'plain': plain.status_code, "
        "'to': plain.get('Location'), 'cookie': str(r.cookies.get('csrftoken', ''))}))"
    )
    env = _production(tmp_path, SECRET_KEY="x" * 20 + "production-secret-key-0987654321-abcdefgh")
    done = _run(["shell", "-c", code], env, under_pytest=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["status"] == 200
    assert seen["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert "default-src 'self'" in seen["csp"]
    assert (seen["plain"], seen["to"]) == (301, "https://tuijin.example.gov.cn/login/")
    assert "Secure" in seen["cookie"]


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)
HANDLER = re.compile(r"""\son[a-z]+\s*=\s*["']""", re.I)


def test_templates_have_no_inline_scripts_or_event_handlers() -> None:
    """script-src 'self' blocks both; the behaviour lives in static/tuijin/app.js."""
    found = []
    for path in sorted(TUIJIN.rglob("templates/**/*.html")):
        text = path.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, HANDLER):
            found += [f"{path.relative_to(TUIJIN)}: {m.group(0)}" for m in pattern.finditer(text)]
    assert not found, "\n".join(found)

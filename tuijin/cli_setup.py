"""What every `tuijin` command shares: Django set up, the database migrated, a refusal printed."""

from __future__ import annotations

import os
import sys


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuijin.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:  # e.g. [S001]: no SECRET_KEY outside development mode
        raise SystemExit(refused(exc)) from None


def prepare_database(*, verbosity: int = 0) -> None:
    from django.conf import settings
    from django.core.management import call_command

    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=verbosity)


def refused(exc: BaseException) -> int:
    """Print a refusal (a ServiceError's code and message) and give the exit status 2."""
    print(f"错误: {exc}", file=sys.stderr)
    return 2

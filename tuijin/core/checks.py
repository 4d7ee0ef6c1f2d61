"""System checks of the deployment (`manage.py check --deploy`): the secret key.

Django's own security.W009 looks only at the key's length and variety; the development key of
tuijin/settings.py passes that, yet it is in the public source, so these say so in Chinese.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register

MIN_SECRET_KEY_LENGTH = 50
MIN_SECRET_KEY_CHARS = 5


@register(Tags.security, deploy=True)
def check_secret_key(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    key = str(getattr(settings, "SECRET_KEY", "") or "")
    if key == getattr(settings, "DEV_SECRET_KEY", None):
        return [
            Error(
                "[S002] SECRET_KEY 是公开源代码里的开发密钥，任何人都能伪造登录会话。",
                hint="设置环境变量 SECRET_KEY 为一段很长的随机字符串，见 docs/deploy.md。",
                id="tuijin.S002",
            )
        ]
    if len(key) < MIN_SECRET_KEY_LENGTH or len(set(key)) < MIN_SECRET_KEY_CHARS:
        return [
            Warning(
                f"[S003] SECRET_KEY 太短或太单调（至少 {MIN_SECRET_KEY_LENGTH} 个字符、"
                f"{MIN_SECRET_KEY_CHARS} 种不同字符）。",
                hint="用 python -c 'import secrets; print(secrets.token_urlsafe(50))' 生成。",
                id="tuijin.S003",
            )
        ]
    return []

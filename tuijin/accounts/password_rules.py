"""Password rules whose Chinese message Django does not carry.

Django 5.2 reworded the minimum-length message and its Chinese catalogue still has only the old
wording, so the rule would answer in English; this one says it in Chinese (English through the
project's catalogue). The other rules (similar to the user, common, all digits) are Django's own,
translated by Django.
"""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.utils.translation import gettext as _


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return _("密码长度太短。密码必须包含至少 %(min_length)d 个字符。") % {
            "min_length": self.min_length
        }

    def get_help_text(self) -> str:
        return _("密码必须包含至少 %(min_length)d 个字符。") % {"min_length": self.min_length}

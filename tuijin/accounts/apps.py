from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "tuijin.accounts"
    label = "accounts"
    verbose_name = _("账号与权限")

    def ready(self) -> None:
        # Registers the object permissions with `rules` (one place decides who may do what).
        from . import permissions  # noqa: F401

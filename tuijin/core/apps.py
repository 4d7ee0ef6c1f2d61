from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "tuijin.core"
    label = "core"
    verbose_name = _("基础")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from . import (
            checks,  # noqa: F401  (registers the deploy checks of the secret key)
            figures_cache,
            workdays,
        )
        from .models import CalendarDay

        def forget(**kwargs: object) -> None:  # a changed day: build its year again
            workdays.forget()

        for signal in (post_save, post_delete):  # weak=False: the closure has no other owner
            signal.connect(forget, sender=CalendarDay, weak=False, dispatch_uid="calendar-day")
        figures_cache.connect()  # the overview's cached figures follow every change

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "tuijin.plans"
    label = "plans"
    verbose_name = _("任务与目标")

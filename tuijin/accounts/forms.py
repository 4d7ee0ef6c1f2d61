"""The office's user forms: add a user, change a user's role, unit or password."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from tuijin.orgs.models import Unit

from .choices import Role


class UserForm(forms.Form):
    username = forms.CharField(label=_("用户名"), max_length=150)
    full_name = forms.CharField(label=_("姓名"), max_length=150, required=False)
    email = forms.EmailField(label=_("电子邮箱"), required=False)
    role = forms.ChoiceField(label=_("角色"), choices=Role.choices)
    unit = forms.ModelChoiceField(
        label=_("所属单位"),
        queryset=Unit.objects.order_by("name"),
        required=False,
        empty_label=_("（无）"),
        help_text=_("联络员必填"),
    )
    password = forms.CharField(
        label=_("密码"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_("留空：新用户暂不能登录，已有用户密码不变"),
    )

    def __init__(self, *args: Any, editing: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.editing = editing
        if editing is not None:
            self.fields["username"].disabled = True

    def clean_username(self) -> str:
        name: str = self.cleaned_data["username"].strip()
        taken = get_user_model().objects.filter(username=name)
        if self.editing is None and taken.exists():
            raise forms.ValidationError(_("该用户名已存在"))
        return name

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("role") == Role.LIAISON and not data.get("unit"):
            self.add_error("unit", _("联络员必须指定所属单位"))
        password = data.get("password")
        if password:
            # The password rules, "too similar to the username/name/e-mail" included.
            username = self.editing.username if self.editing is not None else data.get("username")
            person = get_user_model()(
                username=username or "",
                first_name=data.get("full_name") or "",
                email=data.get("email") or "",
            )
            try:
                validate_password(password, person)
            except forms.ValidationError as exc:
                self.add_error("password", exc)
        return data

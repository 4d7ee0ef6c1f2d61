"""The office's user pages: list users with role and unit, add, change, deactivate."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from tuijin.core.errors import ServiceError

from .forms import UserForm
from .permissions import require
from .services import user_save, user_set_active


def _users() -> Any:
    return (
        get_user_model().objects.select_related("profile__unit").order_by("-is_active", "username")
    )


def locked_out_view(
    request: HttpRequest, response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """What a sign-in refused by django-axes answers (settings.AXES_LOCKOUT_CALLABLE): a page
    in Chinese with code U007 and the wait, status 429."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    context = {"minutes": minutes}
    return render(request, "accounts/locked_out.html", context, status=429)


@login_required
def user_list_view(request: HttpRequest) -> HttpResponse:
    require(request.user, "accounts.manage_users")
    users = _users()
    q = request.GET.get("q", "").strip()
    if q:
        users = users.filter(
            Q(username__icontains=q)
            | Q(first_name__icontains=q)
            | Q(profile__unit__name__icontains=q)
            | Q(profile__unit__short_name__icontains=q)
        )
    page = Paginator(users, 50).get_page(request.GET.get("page"))
    context = {"page_obj": page, "object_list": page.object_list, "q": q}
    return render(request, "accounts/user_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def user_add_view(request: HttpRequest) -> HttpResponse:
    require(request.user, "accounts.manage_users")
    form = UserForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _save(request, form, None):
        return redirect("user-list")
    return render(request, "accounts/user_form.html", {"form": form, "editing": None})


@login_required
@require_http_methods(["GET", "POST"])
def user_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "accounts.manage_users")
    user = get_object_or_404(_users(), pk=pk)
    profile = getattr(user, "profile", None)
    initial = {
        "username": user.username,
        "full_name": user.first_name,
        "email": user.email,
        "role": "admin" if user.is_superuser else getattr(profile, "role", ""),
        "unit": getattr(profile, "unit", None),
    }
    form = UserForm(request.POST or None, initial=initial, editing=user)
    if request.method == "POST" and form.is_valid() and _save(request, form, user):
        return redirect("user-list")
    return render(request, "accounts/user_form.html", {"form": form, "editing": user})


def _save(request: HttpRequest, form: UserForm, editing: Any) -> bool:
    data = form.cleaned_data
    try:
        user = user_save(
            username=editing.username if editing is not None else data["username"],
            role=data["role"],
            unit=data.get("unit"),
            password=data.get("password") or None,
            email=data.get("email") or "",
            full_name=data.get("full_name") or "",
            actor=request.user,
        )
    except ServiceError as exc:
        form.add_error(exc.field, f"[{exc.code}] {exc.message}")
        return False
    messages.success(request, f"已保存用户 {user.username}。")
    return True


@login_required
@require_POST
def user_active_view(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "accounts.manage_users")
    user = get_object_or_404(get_user_model(), pk=pk)
    active = request.POST.get("active") == "1"
    try:
        user_set_active(user=user, active=active, actor=request.user)
    except ServiceError as exc:
        messages.error(request, f"[{exc.code}] {exc.message}")
    else:
        messages.success(request, f"已{'启用' if active else '停用'}用户 {user.username}。")
    return redirect("user-list")

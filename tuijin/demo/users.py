"""Demo accounts, one per role, so that a newcomer (and the browser tests) can sign in as each.

    office       领导小组办公室
    leader       领导
    liaison_fgw  联络员 · 兰州市发展和改革委员会
    liaison_gxj  联络员 · 兰州市工业和信息化局

Idempotent: a second run changes nothing unless the password differs.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from tuijin.accounts.models import Profile
from tuijin.orgs.models import Unit

DEMO_USERS: list[tuple[str, str, str, str]] = [
    # username, role, unit name (liaisons), label
    ("office", "office", "", "领导小组办公室"),
    ("leader", "leader", "", "领导"),
    ("liaison_fgw", "liaison", "兰州市发展和改革委员会", "市发改委联络员"),
    ("liaison_gxj", "liaison", "兰州市工业和信息化局", "市工信局联络员"),
]


def ensure_demo_users(password: str) -> list[str]:
    """Create or refresh the demo users; return their login lines for the summary."""
    User = get_user_model()
    logins: list[str] = []
    for username, role, unit_name, label in DEMO_USERS:
        user, _created = User.objects.get_or_create(username=username)
        if not user.is_active or not user.check_password(password):
            user.is_active = True
            user.set_password(password)
            user.save()
        unit = Unit.objects.get(name=unit_name) if unit_name else None
        profile = Profile.objects.filter(user=user).first() or Profile(user=user)
        if profile.pk is None or profile.role != role or profile.unit_id != (unit and unit.pk):
            profile.role = role
            profile.unit = unit
            profile.full_clean()
            profile.save()
        logins.append(f"{username} / {password} （{label}）")
    return logins

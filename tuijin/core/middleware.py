"""Interface language: Chinese unless the user chose otherwise with the language switcher.

Django's LocaleMiddleware follows the browser's Accept-Language; our users' browsers are often
set to English on machines where the office still works in Chinese, so only the explicit choice
(the language cookie written by /i18n/setlang/) counts.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        try:
            code = translation.get_supported_language_variant(chosen) if chosen else ""
        except LookupError:
            code = ""
        translation.activate(code or settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()

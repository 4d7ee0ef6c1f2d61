#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuijin.settings")
    # The checkout's developer tool runs in development mode (the development key is allowed when
    # SECRET_KEY is unset); production runs `tuijin manage`, which refuses without SECRET_KEY.
    os.environ.setdefault("TUIJIN_DEV", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)

"""Django's system checks and the migrations, checked inside the test run (no process of their own).

`make test` used to run `manage.py check` and `makemigrations --check` before pytest: two more starts of
Django and a connection each. Here they run in a process that has already started.
"""

import io

import pytest

from django.core.management import call_command
from django.core.management.base import SystemCheckError


def test_system_checks_pass_without_a_warning():
    try:
        call_command("check", fail_level="WARNING", stdout=io.StringIO())
    except SystemCheckError as error:  # pragma: no cover - the message is the report
        pytest.fail(str(error))


@pytest.mark.django_db
def test_every_model_change_has_its_migration():
    out = io.StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out, verbosity=1)
    except SystemExit:
        pytest.fail(f"A model change has no migration; run `manage.py makemigrations`:\n{out.getvalue()}")

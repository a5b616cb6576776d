import pytest

from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", "e@example.org", "correct-horse-battery", is_staff=True)


def login(client, password):
    return client.post("/admin/login/", {"username": "editor", "password": password})


def test_five_failures_lock_the_account_from_that_address(client, editor, settings):
    """After 5 wrong passwords, even the right one is refused with a 429 and a clear message."""
    settings.WIMN_LOGIN_MAX_FAILURES = 5
    for _ in range(5):
        assert login(client, "wrong").status_code == 200
    response = login(client, "correct-horse-battery")
    assert response.status_code == 429
    assert "Too many failed login attempts" in response.content.decode()


def test_a_success_before_the_limit_resets_the_count(client, editor):
    for _ in range(4):
        login(client, "wrong")
    assert login(client, "correct-horse-battery").status_code == 302
    client.logout()
    for _ in range(4):
        login(client, "wrong")
    assert login(client, "correct-horse-battery").status_code == 302


def test_other_addresses_are_not_locked_out(client, editor):
    for _ in range(5):
        login(client, "wrong")
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "correct-horse-battery"}, REMOTE_ADDR="10.0.0.9"
    )
    assert response.status_code == 302

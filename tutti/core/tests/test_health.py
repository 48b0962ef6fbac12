from django.urls import reverse


def test_health_answers_ok_in_plain_text(client):
    response = client.get(reverse("core:health"))

    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")


def test_health_touches_no_database(client):
    # No django_db mark: pytest-django makes any database access here an error. Load balancers poll
    # this view, and a database outage must not take every process out of rotation at once.
    response = client.get("/health/")

    assert response.status_code == 200


def test_health_is_never_cached(client):
    response = client.get("/health/")

    assert "no-cache" in response["Cache-Control"]


def test_health_answers_head_and_refuses_writes(client):
    assert client.head("/health/").status_code == 200
    assert client.post("/health/").status_code == 405

"""The privacy page is generated from the settings in force, so it cannot drift from them."""


def test_privacy_page_states_the_real_retention_and_session_limits(client, demo_site, settings):
    settings.ADDRESS_HASH_RETENTION_DAYS = 12
    settings.MEMBER_SESSION_IDLE_SECONDS = 3 * 3600
    settings.STAFF_SESSION_IDLE_SECONDS = 15 * 60
    response = client.get("/privacy/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "deleted after 12 days at most" in html
    assert "after 3 hours without activity (staff: 15 minutes)" in html
    assert response.cookies == {}


def test_privacy_page_is_linked_from_every_page(client, demo_site):
    assert 'href="/privacy/"' in client.get("/forums/").content.decode()

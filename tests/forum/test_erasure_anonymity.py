"""Deleting an account and keeping the posts must not link a member's anonymous posts to their
named ones: everything public reads the same afterwards, but for "Former member" on named posts.

The attack: save every public page showing the member's posts (topic pages, feeds, search,
quote blocks), let the member delete their account with "keep posts", and look again. Before the
fix, both the named and the anonymous posts turned into "Former member" at the same moment, so
the saved copies paired them.
"""

import re

from django.test import Client

from mscos.accounts.services import account_delete
from mscos.forum import services
from mscos.forum.models import Post

CHANGING_PER_RESPONSE = [
    re.compile(r'name="(?:csrfmiddlewaretoken|started)" value="[^"]*"'),
    re.compile(r"<lastBuildDate>[^<]*</lastBuildDate>|<updated>[^<]*</updated>"),
]


def _public_responses(paths: list[str]) -> dict[str, str]:
    reader = Client()
    responses = {}
    for path in paths:
        response = reader.get(path)
        assert response.status_code == 200, path
        text = response.content.decode()
        for pattern in CHANGING_PER_RESPONSE:
            text = pattern.sub("", text)
        responses[path] = text
    return responses


def test_erasure_keeping_posts_leaves_nothing_that_pairs_anonymous_and_named_posts(
    member, other_member, open_category
):
    named_topic, named, _ = services.topic_create(
        category=open_category,
        title="Finding a solicitor",
        body="Named words about solicitors",
        acting_user=member,
    )
    hidden_topic, hidden, _ = services.topic_create(
        category=open_category,
        title="A thought about the workshop",
        body="Anonymous words about home",
        anonymous=True,
        acting_user=member,
    )
    services.post_create(topic=hidden_topic, body="Replying kindly", acting_user=other_member)
    anonymous_reply = services.post_create(
        topic=named_topic,
        body="Anonymous reply about solicitors",
        anonymous=True,
        acting_user=member,
    )[0]
    paths = [
        named_topic.get_absolute_url(),
        hidden_topic.get_absolute_url(),
        f"/forums/{open_category.slug}/",
        "/forums/feed/rss/",
        "/forums/feed/atom/",
        f"/forums/{open_category.slug}/feed/rss/",
        "/forums/search/?q=solicitors",
        "/forums/search/?q=home",
        f"/forums/t/{hidden_topic.pk}/reply/?quote={hidden.pk}",
        f"/forums/t/{named_topic.pk}/reply/?quote={anonymous_reply.pk}",
        f"/forums/t/{named_topic.pk}/reply/?quote={named.pk}",
    ]
    before = _public_responses(paths)
    assert "River" in before[named_topic.get_absolute_url()]

    account_delete(user=member, keep_posts=True, acting_user=member)

    after = _public_responses(paths)
    for path in paths:
        # The only change anywhere: the named posts' author is now "Former member".
        assert after[path] == before[path].replace("River", "Former member"), path
    hidden.refresh_from_db()
    anonymous_reply.refresh_from_db()
    named.refresh_from_db()
    assert hidden.author is None and hidden.is_anonymous and not hidden.by_former_member
    assert anonymous_reply.is_anonymous and anonymous_reply.author is None
    assert named.by_former_member and not named.is_anonymous and named.author is None
    assert not Post.objects.filter(address_hash__gt="", pk__in=[hidden.pk, named.pk]).exists()

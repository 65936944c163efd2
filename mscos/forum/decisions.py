"""What follows a moderator's decision on a post, wherever it is made (queue, item page, topic
page, bulk): the post is no longer urgent and, through the listener moderation registers here in
its AppConfig.ready, its open reports are closed. The forum never imports moderation.
"""

from typing import Protocol

from django.contrib.auth.models import AnonymousUser

from mscos.accounts.models import User
from mscos.forum.models import Post


class Listener(Protocol):
    # outcome: "kept" (approved as it is), "hidden", "edited" or "redacted".
    def __call__(
        self, *, post: Post, outcome: str, acting_user: User | AnonymousUser | None
    ) -> object: ...


_listeners: list[Listener] = []


def register_listener(listener: Listener) -> None:
    if listener not in _listeners:
        _listeners.append(listener)


def post_decided(*, post: Post, outcome: str, acting_user: User | AnonymousUser | None) -> None:
    """Runs inside the deciding service's audit scope, so what the listeners do joins its entry."""
    for listener in _listeners:
        listener(post=post, outcome=outcome, acting_user=acting_user)

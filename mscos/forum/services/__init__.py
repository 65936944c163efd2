"""Writes for the forum. Every change made on someone's behalf names the acting user for the log.

By subject: `posting` (topics, replies, edits and deletions by their writers), `moderating`
(decisions by moderators and the system, each one audit entry) and `counters` (the stored counts
both keep). Callers use these names from `mscos.forum.services`.
"""

from mscos.forum.services.moderating import (
    anonymous_author_reveal,
    post_approve,
    post_approve_as_system,
    post_hide,
    post_hide_pending_review,
    post_moderator_edit,
    post_replace_for_safety,
    post_return_to_queue,
    topic_hide,
    topic_move,
    topic_set_flags,
)
from mscos.forum.services.posting import (
    MAX_POST_LENGTH,
    NEW_MEMBER_LINK_LIMIT,
    NEW_MEMBER_POSTS,
    POST_WINDOW_SECONDS,
    POSTS_PER_WINDOW,
    guest_post_edit,
    guest_post_for_token,
    post_create,
    post_delete,
    post_edit,
    topic_create,
)

__all__ = [
    "MAX_POST_LENGTH",
    "NEW_MEMBER_LINK_LIMIT",
    "NEW_MEMBER_POSTS",
    "POSTS_PER_WINDOW",
    "POST_WINDOW_SECONDS",
    "anonymous_author_reveal",
    "guest_post_edit",
    "guest_post_for_token",
    "post_approve",
    "post_approve_as_system",
    "post_create",
    "post_delete",
    "post_edit",
    "post_hide",
    "post_hide_pending_review",
    "post_moderator_edit",
    "post_replace_for_safety",
    "post_return_to_queue",
    "topic_create",
    "topic_hide",
    "topic_move",
    "topic_set_flags",
]

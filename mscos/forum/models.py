"""Forum categories, topics and posts, with who may read, post and skip moderation."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class ForumCategory(models.Model):
    """A place to talk; editors set the order, who may read and post, and how posts are checked."""

    class Audience(models.TextChoices):
        EVERYONE = "everyone", _("Everyone, signed in or not")
        MEMBERS = "members", _("Signed-in members")
        STAFF = "staff", _("Moderators and staff only")

    class Premoderation(models.TextChoices):
        NONE = "none", _("No: posts appear at once (guests are always checked first)")
        NEW_MEMBERS = "new_members", _("Guests, and members' first posts")
        ALL = "all", _("Every post is checked before it appears")

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("address"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    guidelines = models.TextField(
        _("posting guidelines"), blank=True, help_text=_("Shown above the posting form.")
    )
    outcome_page = models.ForeignKey(
        "outcomes.OutcomePage",
        verbose_name=_("outcome page"),
        help_text=_("The outcome this category discusses; its page links here."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0, db_index=True)
    read_access = models.CharField(
        _("who may read"), max_length=10, choices=Audience.choices, default=Audience.EVERYONE
    )
    post_access = models.CharField(
        _("who may post"),
        max_length=10,
        choices=[
            ("members", _("Signed-in members")),
            ("staff", _("Moderators and staff only")),
        ],
        default=Audience.MEMBERS,
    )
    guests_may_post = models.BooleanField(
        _("guests without an account may post"),
        default=True,
        help_text=_("Guest posts always wait for a moderator."),
    )
    premoderation = models.CharField(
        _("check posts before they appear"),
        max_length=12,
        choices=Premoderation.choices,
        default=Premoderation.NEW_MEMBERS,
    )
    first_posts_checked = models.PositiveSmallIntegerField(
        _("how many first posts of a member are checked"), default=2
    )
    topic_count = models.PositiveIntegerField(default=0, editable=False)
    post_count = models.PositiveIntegerField(default=0, editable=False)
    last_activity_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("guidelines"),
        FieldPanel("outcome_page"),
        MultiFieldPanel(
            [
                FieldPanel("read_access"),
                FieldPanel("post_access"),
                FieldPanel("guests_may_post"),
                FieldPanel("premoderation"),
                FieldPanel("first_posts_checked"),
            ],
            heading=_("Access and moderation"),
        ),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("forum category")
        verbose_name_plural = _("forum categories")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forum:category", kwargs={"slug": self.slug})


class Status(models.TextChoices):
    PENDING = "pending", _("Waiting for a moderator")
    APPROVED = "approved", _("Published")
    HIDDEN = "hidden", _("Hidden by a moderator")
    DELETED = "deleted", _("Deleted by its author")


class Topic(models.Model):
    """A conversation: its first post opens it; replies follow in order."""

    category = models.ForeignKey(ForumCategory, on_delete=models.PROTECT, related_name="topics")
    title = models.CharField(_("title"), max_length=150)
    # Who opened it, as shown on list pages (copied from the first post).
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_topics",
    )
    is_anonymous = models.BooleanField(default=False)
    guest_name = models.CharField(max_length=60, blank=True)
    by_former_member = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(db_index=True)
    # Public posts after the first; kept up to date by the services, read on list pages.
    reply_count = models.PositiveIntegerField(default=0)
    # The next post's place in the topic; posts are paged by it (keyset pagination).
    next_position = models.PositiveIntegerField(default=1)

    class Meta:
        indexes = [
            models.Index(
                fields=["category", "status", "-is_pinned", "-last_activity_at"],
                name="forum_topic_listing",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forum:topic", kwargs={"topic_id": self.pk})


class Post(models.Model):
    """One message. Its author is kept even when it is anonymous; the public never sees it."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts")
    position = models.PositiveIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_posts",
    )
    is_anonymous = models.BooleanField(default=False)
    guest_name = models.CharField(max_length=60, blank=True)
    by_former_member = models.BooleanField(default=False)
    body = models.TextField()
    body_html = models.TextField()
    content_note = models.CharField(max_length=200, blank=True)
    # The language the writer chose for the post (one of settings.LANGUAGES), so readers can
    # filter by it and screen readers pronounce it right; blank for posts from before.
    language = models.CharField(_("language"), max_length=10, blank=True, db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    # Its words suggest someone may be in danger: first in the queue, never published unseen.
    is_urgent = models.BooleanField(default=False)
    held_because = models.CharField(max_length=200, blank=True)
    # Shown to the author when a moderator hides the post, so they know why.
    moderator_note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    # A keyed hash of the sender's network (never the address), blanked after the retention time.
    address_hash = models.CharField(max_length=40, blank=True)
    guest_token_hash = models.CharField(max_length=128, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["topic", "position"], name="forum_post_position")
        ]
        indexes = [
            models.Index(fields=["author", "status"], name="forum_post_author"),
            models.Index(fields=["status", "created_at"], name="forum_post_queue"),
        ]
        permissions = [
            ("moderate_post", "Can approve, hide and move forum posts and topics"),
            ("reveal_anonymous_author", "Can see who wrote an anonymous post (safeguarding)"),
        ]

    def __str__(self) -> str:
        return f"#{self.position} in {self.topic_id}"

    def get_absolute_url(self) -> str:
        return reverse("forum:post", kwargs={"post_id": self.pk})


class PostRevision(models.Model):
    """An earlier version of an edited post, for moderators."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    content_note = models.CharField(max_length=200, blank=True)
    replaced_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Earlier version of {self.post_id}"


class Watch(models.Model):
    """A member wants an email when there is something new in a topic or category."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_watches"
    )
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.CASCADE)
    category = models.ForeignKey(ForumCategory, null=True, blank=True, on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="forum_watch_topic_once"),
            models.UniqueConstraint(fields=["user", "category"], name="forum_watch_category_once"),
            models.CheckConstraint(
                condition=models.Q(topic__isnull=False) ^ models.Q(category__isnull=False),
                name="forum_watch_one_target",
            ),
        ]

    def __str__(self) -> str:
        return f"Watch {self.pk}"


class Notification(models.Model):
    """A new public post someone watches; sent in a batch, then marked sent."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_notifications"
    )
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "post"], name="forum_notification_once")
        ]
        indexes = [models.Index(fields=["sent_at", "user"], name="forum_notification_due")]

    def __str__(self) -> str:
        return f"Notification {self.pk}"


class ReaderPreferences(models.Model):
    """How a member wants to read: muted words, content-noted posts, a break from the forums."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_preferences"
    )
    muted_words = models.TextField(
        _("muted words and phrases"),
        blank=True,
        max_length=2000,
        help_text=_("One per line. Posts that contain them are folded away for you."),
    )
    hide_content_noted = models.BooleanField(
        _("fold away every post that has a content note"), default=False
    )
    break_until = models.DateTimeField(null=True, blank=True)
    # Digests of what a member watches: on unless stopped (here or by the mail's one-click link);
    # titles and links only unless the member asks for the posts' first lines too, because a
    # mailbox can be read by someone else.
    digest_emails = models.BooleanField(_("email me about new posts in what I watch"), default=True)
    digest_post_text = models.BooleanField(
        _("include the first lines of each post in those emails"), default=False
    )

    def __str__(self) -> str:
        return f"Reading preferences {self.pk}"

    def muted_list(self) -> list[str]:
        return [line.strip().lower() for line in self.muted_words.splitlines() if line.strip()]


class TopicRead(models.Model):
    """How far a member has read a topic, for "new" markers."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    last_position = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="forum_topicread_once")
        ]

    def __str__(self) -> str:
        return f"Read {self.pk}"

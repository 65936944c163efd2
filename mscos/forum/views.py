"""Forum pages: thin views over permissions, selectors and services."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from mscos.core.query_params import int_param
from mscos.core.site_address import absolute_url
from mscos.forum import (
    forms,
    permissions,
    reader,
    review_time,
    selectors,
    services,
    watching,
    wording,
)
from mscos.forum import search as forum_search
from mscos.forum.models import Post
from mscos.forum.rendering import quote_markdown, render_markdown
from mscos.safety import ratelimit
from mscos.safety.addresses import address_hash


def forum_index(request):
    categories = selectors.categories_for_request(request)
    context = {
        "categories": [category for category in categories if category.topic_count],
        "empty_categories": [category for category in categories if not category.topic_count],
        "latest_topics": selectors.latest_topics_for_reader(request.user),
        # The list is cached as rendered, under this key: any change to what it shows makes a
        # new key, so a reader never sees an old count. Rendering it is most of the page's time.
        "categories_fingerprint": selectors.categories_fingerprint(categories),
    }
    return render(request, "forum/index.html", context)


def category_detail(request, slug: str):
    category = permissions.get_category_for_user_or_404(request.user, slug)
    page = int_param(request.GET, "page", default=1, minimum=1)
    topics = selectors.topics_for_category(category, request.user, page)[
        : selectors.TOPICS_PER_PAGE + 1
    ]
    shown = topics[: selectors.TOPICS_PER_PAGE]
    context = {
        "category": category,
        "topics": shown,
        "unread": reader.unread_topic_ids(request.user, shown),
        "watching": watching.is_watching(request.user, category=category),
        "page": page,
        "has_next": len(topics) > selectors.TOPICS_PER_PAGE,
        "can_post": permissions.can_post_in_category(request.user, category)
        or permissions.can_guest_post_in_category(request.user, category),
    }
    return render(request, "forum/category.html", context)


def _language_filter(request) -> str:
    """The ?language= a reader chose to filter posts by, if it is one the site offers."""
    language = request.GET.get("language", "")
    return language if language in dict(settings.LANGUAGES) else ""


def topic_detail(request, topic_id: int):
    topic = permissions.get_topic_for_user_or_404(request.user, topic_id)
    page = selectors.posts_for_topic(
        topic,
        request.user,
        after=int_param(request.GET, "after"),
        before=int_param(request.GET, "before"),
        last="last" in request.GET,
        language=_language_filter(request),
    )
    user = request.user
    preferences = reader.preferences_for(user)
    for post in page.posts:
        # Read by the post template: why this reader's post is folded away, if it is.
        post.folded = reader.folded_reason(post, preferences)  # type: ignore[attr-defined]
    reader.mark_read(user=user, topic=topic, position=page.last_position)
    context = {
        "topic": topic,
        "category": topic.category,
        "page": page,
        "watching": watching.is_watching(user, topic=topic),
        "is_moderator": permissions.is_moderator(user),
        "language_filter": _language_filter(request),
        "languages": settings.LANGUAGES,
        "move_targets": selectors.categories_in_order() if permissions.is_moderator(user) else [],
        "can_reply": permissions.can_reply(user, topic),
        "can_guest_reply": permissions.can_guest_reply(user, topic),
        "reply_form": forms.MemberPostForm(first_post=_first_post(user))
        if permissions.can_reply(user, topic)
        else None,
    }
    return render(request, "forum/topic.html", context)


def post_permalink(request, post_id: int):
    post = permissions.get_post_for_user_or_404(request.user, post_id)
    url = reverse("forum:topic", kwargs={"topic_id": post.topic_id})
    return redirect(f"{url}?after={post.position - 1}#post-{post.pk}")


def _first_post(user) -> bool:
    return user.is_authenticated and not selectors.has_posted(user)


def _after_posting(request, post: Post, guest_token: str):
    if post.is_urgent:
        # Help first, before anything else; the post waits for a moderator.
        response = render(
            request, "forum/help_now.html", {"post": post, "guest_token": guest_token}
        )
        response["Cache-Control"] = "no-store"
        return response
    if guest_token:
        # Shown once, in this response only: nothing keeps it, not even a session.
        link = absolute_url(
            reverse("forum:guest_manage", kwargs={"post_id": post.pk, "token": guest_token})
        )
        response = render(
            request,
            "forum/guest_posted.html",
            {"link": link, "post": post, "review_time": review_time.review_time()},
        )
        response["Cache-Control"] = "no-store"
        return response
    if post.status != "approved":
        return redirect("forum:post_waiting", post_id=post.pk)
    return redirect(post.get_absolute_url())


@never_cache
@login_required
def post_waiting(request, post_id: int):
    """The member's "thank you, a moderator will read it" page, with help while they wait."""
    post = permissions.get_own_post_or_404(request.user, post_id)
    if post.status != "pending":
        return redirect(post.get_absolute_url())
    return render(
        request,
        "forum/post_waiting.html",
        {
            "post": post,
            "edited": "edited" in request.GET,
            "review_time": review_time.review_time(),
        },
    )


def _signed_out_while_writing(request):
    """A member's session ended while they wrote (idle time-out, or signed out in another tab).

    Nothing is posted, not even as a guest, and nothing is lost: the text comes back to copy.
    """
    return render(
        request,
        "forum/signed_out_while_writing.html",
        {
            "title": request.POST.get("title", ""),
            "body": request.POST.get("body", ""),
            "sign_in_url": f"{reverse('account_login')}?{urlencode({'next': request.path})}",
        },
        status=403,
    )


def _hands_back_text_if_signed_out(view):
    """Before any permission check: a members' room is a 404 to someone signed out."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        member_form = request.method == "POST" and request.POST.get("signed_in")
        if member_form and not request.user.is_authenticated:
            return _signed_out_while_writing(request)
        return view(request, *args, **kwargs)

    return checked


def _posting_page(
    request,
    *,
    member_form,
    guest_form,
    may_post: bool,
    may_guest_post: bool,
    save,
    context: dict,
    initial=None,
):
    """The shared flow of starting a topic and replying: choose the form, preview or send."""
    user = request.user
    if may_post:
        form_class, guest = member_form, False
    elif may_guest_post:
        form_class, guest = guest_form, True
    elif not user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.path}")
    elif permissions.posting_paused(user):
        return render(request, "forum/posting_paused.html", {"member": user}, status=403)
    else:
        raise PermissionDenied
    kwargs = {} if guest else {"first_post": _first_post(user)}
    previewing = request.method == "POST" and "preview" in request.POST
    if previewing:
        form, preview = _previewed(request, form_class, initial=initial, **kwargs)
    else:
        form, preview = form_class(request.POST or None, initial=initial, **kwargs), ""
    if request.method == "POST" and not previewing and form.is_valid():
        data = form.cleaned_data
        try:
            post, token = save(
                acting_user=user,
                body=data["body"],
                anonymous=data.get("anonymous", False),
                guest_name=data.get("guest_name", ""),
                content_note=data["content_note"],
                language=data.get("language", ""),
                address_hash=address_hash(request),
                **({"title": data["title"]} if "title" in data else {}),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return _after_posting(request, post, token)
    return render(
        request,
        "forum/post_form.html",
        {**context, "form": form, "guest": guest, "preview": preview},
    )


@never_cache
@_hands_back_text_if_signed_out
def topic_new(request, slug: str):
    category = permissions.get_category_for_user_or_404(request.user, slug)

    def save(**fields):
        _topic, post, token = services.topic_create(category=category, **fields)
        return post, token

    return _posting_page(
        request,
        member_form=forms.MemberTopicForm,
        guest_form=forms.GuestTopicForm,
        may_post=permissions.can_post_in_category(request.user, category),
        may_guest_post=permissions.can_guest_post_in_category(request.user, category),
        save=save,
        context={"category": category, "heading": _("Start a topic")},
    )


@never_cache
@_hands_back_text_if_signed_out
def reply(request, topic_id: int):
    topic = permissions.get_topic_for_user_or_404(request.user, topic_id)
    initial = {}
    quoted_id = int_param(request.GET, "quote")
    if quoted_id is not None:
        quoted = selectors.post_in_topic(topic=topic, post_id=quoted_id)
        if quoted is not None and permissions.can_see_post(request.user, quoted):
            initial["body"] = quote_markdown(quoted.body, selectors.author_label(quoted)) + "\n\n"
    return _posting_page(
        request,
        member_form=forms.MemberPostForm,
        guest_form=forms.GuestPostForm,
        may_post=permissions.can_reply(request.user, topic),
        may_guest_post=permissions.can_guest_reply(request.user, topic),
        save=lambda **fields: services.post_create(topic=topic, **fields),
        context={
            "topic": topic,
            "category": topic.category,
            "heading": _("Reply to: %(title)s") % {"title": topic.title},
            # The title isolated, so an English title in an Arabic heading keeps its place.
            "heading_html": mark_safe(  # noqa: S308 # nosec B308 B703 - wording and title escaped
                escape(_("Reply to: %(title)s")).replace(
                    "%(title)s", f'<bdi class="reply-heading__title">{escape(topic.title)}</bdi>'
                )
            ),
        },
        initial=initial,
    )


# A person previews a few times for each post they send; a preview renders like a post.
PREVIEWS_PER_WINDOW = 3 * services.POSTS_PER_WINDOW


def _previewed(request, form_class, *, initial, **kwargs):
    """The post as it will look, checked as sending it is: the bot check, the length and
    structure bounds, and a rate limit. Refused, the form comes back with the text and why."""
    form = form_class(request.POST, initial=initial, **kwargs)
    form.is_valid()
    # Only what a preview needs: a first post's "I understand" or a topic's title can wait.
    for name in [name for name in form.errors if name not in ("body", NON_FIELD_ERRORS)]:
        del form.errors[name]
    if form.errors:
        return form, ""
    user = request.user
    if user.is_authenticated:
        key = f"forum-preview:user:{user.pk}"
    else:
        key = f"forum-preview:{address_hash(request)}"
    if not ratelimit.allow(
        key, limit=PREVIEWS_PER_WINDOW, window_seconds=services.POST_WINDOW_SECONDS
    ):
        form.add_error(None, forms.PREVIEWS_TOO_OFTEN)
        return form, ""
    # An unbound form holding what was written, with a start time of its own for sending.
    shown = form_class(initial={**(initial or {}), **request.POST.dict()}, **kwargs)
    return shown, render_markdown(form.cleaned_data["body"]) or "<p></p>"


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@never_cache
def post_edit(request, post_id: int):
    if not request.user.is_authenticated:
        if request.method == "POST":
            return _signed_out_while_writing(request)
        return redirect(f"{reverse('account_login')}?next={request.path}")
    post = permissions.get_post_for_user_or_404(request.user, post_id)
    if not permissions.can_edit_post(request.user, post):
        raise Http404
    form = forms.EditPostForm(
        request.POST or None, initial={"body": post.body, "content_note": post.content_note}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.post_edit(
                post=post,
                body=form.cleaned_data["body"],
                content_note=form.cleaned_data["content_note"],
                acting_user=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if post.is_urgent:
                return _after_posting(request, post, "")
            if post.status == "pending":
                url = reverse("forum:post_waiting", kwargs={"post_id": post.pk})
                return redirect(f"{url}?edited=1")
            messages.success(request, wording.POST_CHANGES_SAVED)
            return redirect(post.get_absolute_url())
    return render(
        request,
        "forum/post_form.html",
        {"form": form, "topic": post.topic, "heading": _("Edit your post")},
    )


@login_required
@require_POST
def post_delete(request, post_id: int):
    post = permissions.get_post_for_user_or_404(request.user, post_id)
    if not permissions.can_delete_post(request.user, post):
        raise Http404
    services.post_delete(post=post, acting_user=request.user)
    messages.success(request, wording.POST_DELETED)
    return redirect(post.topic.get_absolute_url())


@never_cache
def guest_manage(request, post_id: int, token: str):
    """The guest's private link: edit or delete their post without an account."""
    post = selectors.post_with_category(post_id)
    if post is None or not services.guest_post_for_token(post=post, token=token):
        raise Http404
    if post.status not in ("pending", "approved"):
        raise Http404
    form = forms.EditPostForm(
        request.POST or None, initial={"body": post.body, "content_note": post.content_note}
    )
    if request.method == "POST" and request.POST.get("action") == "delete":
        services.post_delete(post=post, guest_token=token)
        return render(request, "forum/guest_deleted.html", {"topic": post.topic})
    if request.method == "POST" and form.is_valid():
        try:
            services.guest_post_edit(
                post=post,
                token=token,
                body=form.cleaned_data["body"],
                content_note=form.cleaned_data["content_note"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if post.is_urgent:
                return _after_posting(request, post, "")
            # Shown in this response, not after a redirect: a notice would need a session, and
            # so a cookie, for someone who has no account.
            response = render(
                request,
                "forum/post_waiting.html",
                {
                    "post": post,
                    "edited": True,
                    "guest": True,
                    "review_time": review_time.review_time(),
                },
            )
            response["Cache-Control"] = "no-store"
            return response
    return render(request, "forum/guest_manage.html", {"form": form, "post": post})


def _moderated(request, post_id: int) -> Post:
    permissions.check_moderator_or_404(request.user)
    post = selectors.post_with_category(post_id)
    if post is None:
        raise Http404
    return post


@login_required
@require_POST
def moderate_post(request, post_id: int):
    post = _moderated(request, post_id)
    action = request.POST.get("action")
    if action == "approve":
        try:
            services.post_approve(post=post, acting_user=request.user)
        except ValidationError as error:  # an urgent post needs the queue's confirmation step
            messages.error(request, " ".join(error.messages))
            return redirect(post.get_absolute_url())
    elif action == "hide":
        services.post_hide(
            post=post, acting_user=request.user, reason=request.POST.get("reason", "")
        )
    elif action == "reveal":
        try:
            author = services.anonymous_author_reveal(
                post=post, acting_user=request.user, reason=request.POST.get("reason", "")
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(post.get_absolute_url())
        messages.info(
            request,
            wording.ANONYMOUS_AUTHOR_REVEALED
            % {
                "name": author.public_name if author else wording.FORMER_MEMBER,
                "id": author.pk if author else "-",
            },
        )
    else:
        raise Http404
    return redirect(post.get_absolute_url())


@login_required
@require_POST
def moderate_topic(request, topic_id: int):
    permissions.check_moderator_or_404(request.user)
    topic = permissions.get_topic_for_user_or_404(request.user, topic_id)
    action = request.POST.get("action")
    if action in {"lock", "unlock"}:
        services.topic_set_flags(topic=topic, acting_user=request.user, locked=action == "lock")
    elif action in {"pin", "unpin"}:
        services.topic_set_flags(topic=topic, acting_user=request.user, pinned=action == "pin")
    elif action == "hide":
        services.topic_hide(topic=topic, acting_user=request.user)
        return redirect(topic.category.get_absolute_url())
    elif action == "move":
        target = selectors.category_by_pk(int_param(request.POST, "category"))
        if target is None:
            raise Http404
        services.topic_move(topic=topic, category=target, acting_user=request.user)
    else:
        raise Http404
    return redirect(topic.get_absolute_url())


def search(request):
    """Search public posts, optionally in one category."""
    text = request.GET.get("q", "")[:200]
    category = None
    slug = request.GET.get("category", "")
    if slug:
        category = selectors.category_by_slug(slug)
    language = _language_filter(request)
    too_broad = False
    try:
        results = (
            forum_search.search_posts(
                text,
                request.user,
                category=category,
                language=language,
                readable=selectors.categories_for_request(request),
            )
            if text
            else []
        )
    except forum_search.SearchTooBroad:
        results, too_broad = [], True
    context = {
        "query": text,
        "language_filter": language,
        "languages": settings.LANGUAGES,
        "results": results,
        "too_broad": too_broad,
        "categories": selectors.categories_for_request(request),
        "selected": category.slug if category else "",
    }
    return render(request, "forum/search.html", context)


@login_required
@require_POST
def watch(request):
    """Start or stop watching a topic or a category."""
    watching_now = request.POST.get("watch") == "on"
    if topic_id := int_param(request.POST, "topic"):
        topic = permissions.get_topic_for_user_or_404(request.user, topic_id)
        watching.watch_set(user=request.user, topic=topic, watching=watching_now)
        target = topic.get_absolute_url()
    else:
        category = permissions.get_category_for_user_or_404(
            request.user, request.POST.get("category", "")
        )
        watching.watch_set(user=request.user, category=category, watching=watching_now)
        target = category.get_absolute_url()
    following_url = reverse("forum:following")
    if request.POST.get("next") == following_url:
        target = following_url  # pressed on the Following page: stay there
    by_email = watching.news_by_email(request.user)
    if watching_now and by_email:
        messages.success(request, wording.WATCHING_STARTED)
    elif watching_now:
        # The wording is the site's own translated text; only the address is filled in.
        notice = wording.WATCHING_STARTED_ON_PAGE % {"url": escape(following_url)}
        messages.success(request, mark_safe(notice))  # noqa: S308 # our own wording: # nosec B308, B703
    else:
        stopped = wording.WATCHING_STOPPED if by_email else wording.WATCHING_STOPPED_ON_PAGE
        messages.success(request, stopped)
    return redirect(target)


@never_cache
@login_required
def preferences(request):
    """Muted words, content-noted posts, and taking a break from the forums."""
    current = reader.preferences_for(request.user)
    posting_preferences = request.method == "POST" and not request.POST.get("action")
    form = forms.ReaderPreferencesForm(
        request.POST if posting_preferences else None,
        initial={
            "muted_words": current.muted_words,
            "hide_content_noted": current.hide_content_noted,
            "digest_emails": current.digest_emails,
            "digest_post_text": current.digest_post_text,
        },
    )
    if request.method == "POST" and request.POST.get("action") == "end_break":
        reader.break_end(user=request.user)
        messages.success(request, wording.BREAK_ENDED)
        return redirect("forum:preferences")
    break_form = forms.BreakForm()
    if request.method == "POST" and request.POST.get("action") == "break":
        break_form = forms.BreakForm(request.POST)
        if break_form.is_valid():
            until = reader.break_start(user=request.user, days=break_form.cleaned_data["days"])
            messages.success(
                request,
                wording.BREAK_STARTED
                % {"date": formats.date_format(timezone.localtime(until), "DATE_FORMAT")},
            )
            return redirect("accounts:overview")
    elif request.method == "POST" and form.is_valid():
        reader.preferences_update(
            user=request.user,
            muted_words=form.cleaned_data["muted_words"],
            hide_content_noted=form.cleaned_data["hide_content_noted"],
            digest_emails=form.cleaned_data["digest_emails"],
            digest_post_text=form.cleaned_data["digest_post_text"],
        )
        messages.success(request, wording.READING_PREFERENCES_SAVED)
        return redirect("forum:preferences")
    context = {
        "form": form,
        "break_form": break_form,
        "on_break": reader.is_on_break(request.user),
        "preferences": current,
    }
    return render(request, "forum/preferences.html", context)

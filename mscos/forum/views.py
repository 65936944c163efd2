"""Forum pages: thin views over permissions, selectors and services."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from mscos.forum import forms, permissions, reader, selectors, services, watching, wording
from mscos.forum import search as forum_search
from mscos.forum.models import ForumCategory, Post
from mscos.forum.rendering import quote_markdown, render_markdown
from mscos.safety.addresses import address_hash


def forum_index(request):
    categories = selectors.categories_for_request(request)
    context = {
        "categories": categories,
        # The list is cached as rendered, under this key: any change to what it shows makes a
        # new key, so a reader never sees an old count. Rendering it is most of the page's time.
        "categories_fingerprint": selectors.categories_fingerprint(categories),
    }
    return render(request, "forum/index.html", context)


def category_detail(request, slug: str):
    category = permissions.get_category_for_user_or_404(request.user, slug)
    try:
        page = max(int(request.GET.get("page", "1")), 1)
    except ValueError:
        page = 1
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


def _position(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _language_filter(request) -> str:
    """The ?language= a reader chose to filter posts by, if it is one the site offers."""
    language = request.GET.get("language", "")
    return language if language in dict(settings.LANGUAGES) else ""


def topic_detail(request, topic_id: int):
    topic = permissions.get_topic_for_user_or_404(request.user, topic_id)
    page = selectors.posts_for_topic(
        topic,
        request.user,
        after=_position(request.GET.get("after")),
        before=_position(request.GET.get("before")),
        last="last" in request.GET,
        language=_language_filter(request),
    )
    user = request.user
    preferences = reader.preferences_for(user)
    for post in page.posts:
        post.folded = reader.folded_reason(post, preferences)
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
    return user.is_authenticated and not Post.objects.filter(author=user).exists()


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
        link = request.build_absolute_uri(
            reverse("forum:guest_manage", kwargs={"post_id": post.pk, "token": guest_token})
        )
        response = render(request, "forum/guest_posted.html", {"link": link, "post": post})
        response["Cache-Control"] = "no-store"
        return response
    if post.status != "approved":
        messages.info(request, wording.POST_WAITING_FOR_MODERATOR)
    return redirect(post.get_absolute_url())


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
    preview = _preview(request)
    form = _posting_form(request, form_class, preview, initial=initial, **kwargs)
    if request.method == "POST" and not preview and form.is_valid():
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
    quoted_id = _position(request.GET.get("quote"))
    if quoted_id is not None:
        quoted = Post.objects.filter(pk=quoted_id, topic=topic).select_related("author").first()
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
        },
        initial=initial,
    )


def _preview(request) -> str:
    """The post as it will look, when the person asked to preview it rather than send it."""
    if request.method == "POST" and "preview" in request.POST:
        return render_markdown(request.POST.get("body", "")) or "<p></p>"
    return ""


def _posting_form(request, form_class, preview: str, initial=None, **kwargs):
    """A bound form to send; after a preview, an unbound one holding what was written."""
    if preview:
        return form_class(initial={**(initial or {}), **request.POST.dict()}, **kwargs)
    return form_class(request.POST or None, initial=initial, **kwargs)


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
    post = Post.objects.select_related("topic__category").filter(pk=post_id).first()
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
            messages.info(request, wording.GUEST_POST_SAVED_FOR_REVIEW)
            return redirect(request.path)
    return render(request, "forum/guest_manage.html", {"form": form, "post": post})


def _moderated(request, post_id: int) -> Post:
    if not permissions.is_moderator(request.user):
        raise Http404
    return get_object_or_404(Post.objects.select_related("topic__category"), pk=post_id)


@login_required
@require_POST
def moderate_post(request, post_id: int):
    post = _moderated(request, post_id)
    action = request.POST.get("action")
    if action == "approve":
        services.post_approve(post=post, acting_user=request.user)
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
    if not permissions.is_moderator(request.user):
        raise Http404
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
        target = get_object_or_404(ForumCategory, pk=_position(request.POST.get("category")))
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
        category = ForumCategory.objects.filter(slug=slug).first()
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
    if topic_id := _position(request.POST.get("topic")):
        topic = permissions.get_topic_for_user_or_404(request.user, topic_id)
        watching.watch_set(user=request.user, topic=topic, watching=watching_now)
        target = topic.get_absolute_url()
    else:
        category = permissions.get_category_for_user_or_404(
            request.user, request.POST.get("category", "")
        )
        watching.watch_set(user=request.user, category=category, watching=watching_now)
        target = category.get_absolute_url()
    if watching_now:
        messages.success(request, wording.WATCHING_STARTED)
    else:
        messages.success(request, wording.WATCHING_STOPPED)
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
                wording.BREAK_STARTED % {"date": until.strftime("%d %B %Y")},
            )
            return redirect("accounts:overview")
    elif request.method == "POST" and form.is_valid():
        reader.preferences_update(
            user=request.user,
            muted_words=form.cleaned_data["muted_words"],
            hide_content_noted=form.cleaned_data["hide_content_noted"],
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

"""Public newsletter pages: subscribe, confirm, preferences and one-click unsubscribe.

None of them sets a cookie for readers who are not signed in. The subscribe form needs no CSRF
token (a forged request could only do what anyone can: ask for a confirmation mail), and the
other pages are authorised by the signed token in their address, which a forger cannot know.
"""

import re

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from mscos.accounts.selectors import verified_address
from mscos.newsletter import selectors, services
from mscos.newsletter.forms import MemberSubscribeForm, PreferencesForm, SubscribeForm
from mscos.safety.addresses import address_hash
from mscos.safety.ratelimit import allow

SUBSCRIBE_LIMIT_PER_HOUR = 10


@csrf_exempt
@require_http_methods(["GET", "POST"])
def subscribe(request):
    consent_text = selectors.current_consent_text()
    if consent_text is None:
        return render(request, "newsletter/closed.html", status=503)
    # Where the reader came from, for editors' counts: a short word, never free text.
    source = re.sub(
        r"[^a-z0-9-]", "", (request.GET.get("from") or request.POST.get("source") or "")
    )
    source = source[:40] or "subscribe-page"
    if request.method != "POST":
        return render(
            request,
            "newsletter/subscribe.html",
            {"form": SubscribeForm(consent_text=consent_text), "source": source},
        )
    form = SubscribeForm(request.POST, consent_text=consent_text)
    if form.is_valid():
        if form.cleaned_data["consent_version"] != consent_text.version:
            form.add_error(
                "consent",
                _("The consent text has changed since the page was opened. Please read it again."),
            )
        elif not allow(
            f"newsletter-subscribe:{address_hash(request)}",
            limit=SUBSCRIBE_LIMIT_PER_HOUR,
            window_seconds=3600,
        ):
            form.add_error(None, _("Too many requests from here. Please try again in an hour."))
        else:
            try:
                services.request_subscription(
                    email=form.cleaned_data["email"],
                    name=form.cleaned_data["name"],
                    interests=form.cleaned_data["interests"],
                    consent_text_version=consent_text.version,
                    source=source,
                    acting_user=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect("newsletter:check_inbox")
    return render(
        request, "newsletter/subscribe.html", {"form": form, "source": source}, status=400
    )


def check_inbox(request):
    return render(request, "newsletter/check_inbox.html")


def _invalid_link(request):
    return render(request, "newsletter/invalid_link.html", status=404)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    subscriber = selectors.subscriber_from_token(token, "confirm")
    if subscriber is None:
        return _invalid_link(request)
    # A GET only shows the button: mail scanners follow links, and must not subscribe anyone.
    if request.method == "POST":
        services.confirm_subscription(subscriber=subscriber)
        return render(request, "newsletter/confirmed.html", {"subscriber": subscriber})
    return render(request, "newsletter/confirm.html", {"subscriber": subscriber})


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request, token: str):
    subscriber = selectors.subscriber_from_token(token, "preferences")
    if subscriber is None:
        return _invalid_link(request)
    saved = False
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            services.update_preferences(
                subscriber=subscriber,
                name=form.cleaned_data["name"],
                interests=form.cleaned_data["interests"],
            )
            saved = True
    else:
        form = PreferencesForm(
            initial={"name": subscriber.name, "interests": list(subscriber.interests.all())}
        )
    return render(
        request,
        "newsletter/preferences.html",
        {
            "form": form,
            "saved": saved,
            "subscriber": subscriber,
            "unsubscribe_token": _unsubscribe_token(subscriber),
        },
        status=400 if form.errors else 200,
    )


def _unsubscribe_token(subscriber) -> str:
    from mscos.newsletter.tokens import make_token

    return make_token(subscriber, "unsubscribe")


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """GET asks; POST (the button, or a mail client's RFC 8058 one-click request) unsubscribes."""
    subscriber = selectors.subscriber_from_token(token, "unsubscribe")
    if request.method == "POST":
        if subscriber is not None:
            services.unsubscribe(subscriber=subscriber)
        # A repeated click finds no subscriber any more; the answer is the same.
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(_("You are unsubscribed."), content_type="text/plain")
        return render(request, "newsletter/unsubscribed.html")
    if subscriber is None:
        return render(request, "newsletter/unsubscribed.html")
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})


@login_required
@require_http_methods(["GET", "POST"])
def member_subscription(request):
    """Members subscribe a verified address of their account without a confirmation mail."""
    consent_text = selectors.current_consent_text()
    subscription = selectors.subscription_for_member(request.user)
    address = verified_address(user=request.user)
    form = MemberSubscribeForm(consent_text=consent_text)
    if request.method == "POST" and request.POST.get("action") == "unsubscribe" and subscription:
        services.unsubscribe(subscriber=subscription)
        return redirect("newsletter:member")
    if request.method == "POST" and address and consent_text:
        form = MemberSubscribeForm(request.POST, consent_text=consent_text)
        if form.is_valid():
            if form.cleaned_data["consent_version"] != consent_text.version:
                form.add_error("consent", _("The consent text has changed. Please read it again."))
            else:
                services.subscribe_member(
                    user=request.user,
                    email=address,
                    interests=form.cleaned_data["interests"],
                    consent_text_version=consent_text.version,
                    acting_user=request.user,
                )
                return redirect("newsletter:member")
    elif subscription:
        form = MemberSubscribeForm(
            consent_text=consent_text,
            initial={"interests": list(subscription.interests.all())},
        )
    return render(
        request,
        "newsletter/member.html",
        {
            "form": form,
            "subscription": subscription,
            "address": address,
            "consent_text": consent_text,
            "preferences_token": _preferences_token(subscription) if subscription else "",
        },
    )


def _preferences_token(subscriber) -> str:
    from mscos.newsletter.tokens import make_token

    return make_token(subscriber, "preferences")

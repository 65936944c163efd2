"""A member's Following page, and the digest's one-click stop link (no sign-in, no cookie)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from mscos.forum import watching


@never_cache
@login_required
def following(request):
    """What the member watches and the newest posts there: where news waits without email."""
    context = {
        **watching.following_for(request.user),
        "by_email": watching.news_by_email(request.user),
    }
    return render(request, "forum/following.html", context)


# Exempt from CSRF: the link comes from a mail, and mail programs POST it themselves (RFC 8058)
# without any cookie. The signed token is the only authority, and it can only stop mail.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def digest_stop(request, token: str):
    """GET asks (mail scanners follow links); POST, the button or a one-click request, stops."""
    user_id = watching.digest_stop_user_id(token)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if request.method == "POST":
        if user is not None:
            watching.digest_emails_set(user=user, sending=False)
        # The same answer for a repeated, forged or stale link: nothing to tell apart.
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(_("Forum emails are stopped."), content_type="text/plain")
        return render(request, "forum/digest_stopped.html")
    if user is None:
        return render(request, "forum/digest_stopped.html")
    return render(request, "forum/digest_stop.html")

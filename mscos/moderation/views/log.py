"""The audit log and the removed words it keeps for safeguarding leads."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from mscos.forum import permissions as forum_permissions
from mscos.forum.audit import AuditAction
from mscos.moderation import forms, selectors, services
from mscos.moderation.models import AuditEntry
from mscos.moderation.views.common import _moderator_only


@never_cache
@login_required
def audit_log(request):
    """Every moderation and safeguarding action, newest first, filtered by who, what, when."""
    _moderator_only(request)
    form = forms.AuditFilterForm(request.GET or None)
    filters = selectors.AuditFilters()
    if form.is_valid():
        filters = selectors.AuditFilters(**form.cleaned_data)
    page = Paginator(selectors.audit_entries(filters), selectors.AUDIT_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "moderation/audit_log.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "section": "log",
            "may_read_originals": forum_permissions.can_reveal_anonymous_author(request.user),
        },
    )


@never_cache
@login_required
@require_POST
def audit_original(request, entry_id: int):
    """The words removed from a post, for safeguarding leads; each reading is logged."""
    _moderator_only(request)
    entry = get_object_or_404(AuditEntry, pk=entry_id, action=AuditAction.POST_REDACTED)
    text = services.redacted_original_read(entry=entry, acting_user=request.user)
    return render(request, "moderation/original.html", {"entry": entry, "text": text})

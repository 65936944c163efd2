"""The site search page, and the robots.txt that points crawlers at the sitemap."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from mscos.outcomes.models import OutcomePage
from mscos.search import selectors


@require_GET
def search(request):
    text = request.GET.get("q", "")[: selectors.MAX_QUERY_LENGTH]
    outcome_id = request.GET.get("outcome", "")
    outcome = None
    if outcome_id.isdigit() and len(outcome_id) < 12:
        outcome = OutcomePage.objects.live().public().filter(pk=int(outcome_id)).first()
    results = selectors.search_site(text, request.user, outcome=outcome)
    context = {
        "query": text.strip(),
        "results": results,
        "outcomes": selectors.outcome_choices(),
        "selected_outcome": outcome.pk if outcome else None,
    }
    return render(request, "search/search.html", context)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /account/",
        "Disallow: /moderation/",
        "Disallow: /search/",
        "Disallow: /exit/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")

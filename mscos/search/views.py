"""The site search page, and the robots.txt that points crawlers at the sitemap."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from mscos.core.models import SafetySettings
from mscos.core.query_params import int_param
from mscos.core.site_address import absolute_url
from mscos.search import selectors, suggestions


@require_GET
def search(request):
    text = request.GET.get("q", "")[: selectors.MAX_QUERY_LENGTH]
    outcome_id = int_param(request.GET, "outcome", minimum=0)
    outcome = selectors.outcome_for_filter(outcome_id) if outcome_id is not None else None
    results = selectors.search_site(text, request.user, outcome=outcome)
    corrected = ""
    if text.strip() and not results.total:
        # Nothing found: search again with the closest known words ("trafficing" -> "trafficking").
        corrected = suggestions.did_you_mean(text)
        if corrected:
            results = selectors.search_site(corrected, request.user, outcome=outcome)
    context = {
        "query": text.strip(),
        "corrected": corrected,
        "results": results,
        "safety": SafetySettings.for_request(request),
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
        f"Sitemap: {absolute_url('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")

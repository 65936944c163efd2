"""The survivor's own one-time check-in link (#20): the worker's pages that make and show it,
and the survivor's page, reached with no account.

The survivor's page sets no cookie and needs no CSRF cookie: like the newsletter's private
links, the signed token in its address is what authorises a send, and a forger cannot know it
(docs/decisions/0016-survivor-link-without-cookie.md). Nothing of it is kept by the browser, a
proxy or the site's page cache (`never_cache`), nor indexed by a search engine.
"""

import functools

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from mscos.core.models import SafetySettings
from mscos.measurement import (
    journey_chart,
    permissions,
    selectors,
    survivor_selectors,
    survivor_services,
)
from mscos.measurement.services import CheckInConflict
from mscos.measurement.survivor_forms import SurvivorAnswersForm, SurvivorLinkForm
from mscos.measurement.views import _apply_errors, workspace_view


@workspace_view
def survivor_link_create(request, membership, person_id):
    person = permissions.get_person_for_member_or_404(membership, person_id)
    form = SurvivorLinkForm(
        request.POST or None,
        initial={"language": translation.get_language()},
        check_ins=selectors.check_ins_for_person(person),
        languages=survivor_selectors.site_languages(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            link = survivor_services.survivor_link_create(
                check_in=form.cleaned_data["check_in"],  # one of this person's (the queryset)
                language=form.cleaned_data["language"],
                acting_user=request.user,
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            return redirect(
                "measurement:survivor_link", membership.organisation.slug, person.pk, link.pk
            )
    return TemplateResponse(
        request,
        "measurement/survivor_link_new.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "person": person,
            "form": form,
            "link_hours": settings.MEASUREMENT_SURVIVOR_LINK_HOURS,
        },
        status=400 if form.errors else 200,
    )


@workspace_view
def survivor_link(request, membership, person_id, link_id):
    person = permissions.get_person_for_member_or_404(membership, person_id)
    link = survivor_selectors.link_for_person(person, link_id)
    if link is None:
        raise Http404
    context = {
        "membership": membership,
        "organisation": membership.organisation,
        "person": person,
        "link": link,
        "is_open": survivor_selectors.link_is_open(link),
        "language_name": dict(survivor_selectors.site_languages()).get(link.language, ""),
    }
    if context["is_open"]:
        context["address"] = survivor_selectors.link_address(link)
        context["qr_svg"] = survivor_selectors.link_qr_svg(
            link, label=_("QR code of the survivor's link")
        )
    return TemplateResponse(request, "measurement/survivor_link.html", context)


def _survivor_page(view):
    """No cookie, no cache, no index; GET and POST only."""

    @csrf_exempt
    @never_cache
    @require_http_methods(["GET", "POST"])
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped


def _link_no_longer_works(request):
    """One answer for a used, late, tampered or unknown link, so probing learns nothing."""
    safety = SafetySettings.for_request(request)
    return TemplateResponse(
        request,
        "measurement/survivor/link_no_longer_works.html",
        {
            "safety": safety,
            # As the safety bar does: the catalogue translates the wording it knows.
            "helpline_name": _(safety.helpline_name) if safety.helpline_name else "",
        },
        status=404,
    )


def _answers_form(data=None, *, version: int) -> SurvivorAnswersForm:
    indicators = survivor_selectors.survivor_indicators()
    return SurvivorAnswersForm(
        data,
        initial={"version": version},
        indicators=indicators,
        words=selectors.indicator_words(indicators),
    )


@_survivor_page
def check_in(request, token):
    link = survivor_selectors.open_link_for_token(token)
    if link is None:
        return _link_no_longer_works(request)
    form = _answers_form(request.POST or None, version=link.check_in.version)
    conflict = False
    if request.method == "POST" and form.is_valid():
        try:
            saved = survivor_services.survivor_answers_record(
                token=token, answers=form.answers(), expected_version=form.cleaned_data["version"]
            )
        except survivor_services.LinkNoLongerWorks:
            return _link_no_longer_works(request)
        except CheckInConflict as error:
            # Their answers stay in the form, now based on the saved version: sending again
            # keeps them.
            data = request.POST.copy()
            data["version"] = str(error.saved.version)
            form, conflict = _answers_form(data, version=error.saved.version), True
            form.is_valid()
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            return _thanks(request, saved.person)
    return TemplateResponse(
        request,
        "measurement/survivor/check_in.html",
        {"form": form, "conflict": conflict},
        status=409 if conflict else 400 if form.errors else 200,
    )


def _thanks(request, person):
    """Shown once, in answer to the send: the link is used up, so it cannot be shown again."""
    journey = survivor_selectors.own_journey(person)
    right_to_left = translation.get_language_bidi()
    rows, height = journey_chart.chart_rows(journey.changes, right_to_left=right_to_left)
    return TemplateResponse(
        request,
        "measurement/survivor/thanks.html",
        {
            "first": journey.first,
            "latest": journey.latest,
            "changes": journey.changes,
            "chart_rows": rows,
            "chart_width": journey_chart.WIDTH,
            "chart_height": height,
            "bar_height": journey_chart.BAR_HEIGHT,
            "label_x": journey_chart.WIDTH if right_to_left else 0,
        },
    )

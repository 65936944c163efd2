"""The page a poster's QR code opens: the lightest on the site, no JavaScript, no cookie."""

from django.http import Http404
from django.shortcuts import render
from django.utils.html import escape, format_html
from django.views.decorators.cache import cache_control

from mscos.core.models import SafetySettings
from mscos.core.selectors import site_for_request
from mscos.posters import selectors
from mscos.posters.wording import LANGUAGES


@cache_control(public=True, max_age=3600)
def help_page(request, language_code: str):
    chosen = LANGUAGES.get(language_code)
    if chosen is None:
        raise Http404("No such poster language")
    site = site_for_request(request)
    safety = SafetySettings.for_site(site) if site else SafetySettings()
    questions = list(selectors.general_questions())
    section = {
        "language": chosen,
        "questions": [q.in_language(chosen.code) for q in questions if q.has_language(chosen.code)],
        # The emergency number is a tap-to-call link inside the sentence, not repeated after it.
        "emergency": format_html(
            escape(chosen.emergency).replace("{number}", "{}"),
            format_html('<a href="tel:{}">{}</a>', safety.emergency_dial, safety.emergency_number),
        ),
    }
    return render(
        request,
        "posters/help_page.html",
        {
            "chosen": chosen,
            "section": section,
            "others": [language for language in LANGUAGES.values() if language != chosen],
            "safety": safety,
        },
    )

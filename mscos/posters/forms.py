"""The poster's admin form: it lays the poster out before saving and says, in plain words, when
the chosen languages and questions do not fit one sheet, so nothing spills onto a second page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

DOES_NOT_FIT = _(
    "The poster does not fit on one sheet of this format (%(format)s): with these languages and "
    "questions it would run onto a second sheet, even in the smallest type allowed. Choose fewer "
    "questions or languages, or a bigger format, then save again."
)
TEXT_IS_CUT = _(
    "Some words on the poster would be cut off at the edge of the sheet (%(format)s): a word or "
    "a translation is too long for the width. Choose shorter questions or a bigger format, then "
    "save again."
)


def fit_message(fit, format_label: str) -> str:
    """What an editor reads when a poster does not fit, or an empty string when it does."""
    if fit.sheets > 1:
        return DOES_NOT_FIT % {"format": format_label}
    if fit.cut:
        return TEXT_IS_CUT % {"format": format_label}
    return ""


class PosterPageForm(WagtailAdminPageForm):
    def _chosen_questions(self):
        formset = self.formsets.get("questions")
        if formset is None or not formset.is_valid():
            return None  # the formset shows its own errors
        chosen = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("question"):
                continue
            order = data.get("ORDER")
            chosen.append((order is None, order or 0, len(chosen), data["question"]))
        chosen.sort(key=lambda item: item[:3])
        return [item[3] for item in chosen][:4]

    def clean(self):
        cleaned_data = super().clean()
        if self._errors:
            return cleaned_data  # the poster cannot be laid out until the other errors are fixed
        questions = self._chosen_questions()
        if not questions:
            return cleaned_data
        from mscos.posters.models import PosterPage
        from mscos.posters.pdf import PosterBuildError, poster_fit

        candidate = PosterPage(
            title=cleaned_data.get("title") or "",
            poster_format=cleaned_data.get("poster_format") or "",
            language=cleaned_data.get("language") or "",
            second_language=cleaned_data.get("second_language") or "",
            third_language=cleaned_data.get("third_language") or "",
        )
        if not candidate.poster_format or not candidate.language_codes:
            return cleaned_data
        try:
            fit = poster_fit(candidate, questions=questions)
        except PosterBuildError:
            return cleaned_data  # the server cannot lay posters out; the PDF view says so
        message = fit_message(fit, candidate.get_poster_format_display())
        if message:
            self.add_error(None, message)
        return cleaned_data

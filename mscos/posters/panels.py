"""A panel on the poster's edit page saying whether the poster as saved fits one sheet."""

from wagtail.admin.panels import Panel


class PosterFitPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "posters/admin/fit_panel.html"

        def get_context_data(self, parent_context=None):
            from mscos.posters.forms import fit_message
            from mscos.posters.pdf import PosterBuildError, poster_fit

            context = super().get_context_data(parent_context)
            poster = self.instance
            context["message"] = ""
            context["checked"] = False
            if poster.pk and poster.chosen_questions and poster.language_codes:
                try:
                    fit = poster_fit(poster)
                except PosterBuildError:
                    return context
                context["checked"] = True
                context["message"] = fit_message(fit, poster.get_poster_format_display())
                context["points"] = round(fit.points * 0.9)
            return context

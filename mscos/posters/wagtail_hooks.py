from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from mscos.posters.models import PosterQuestion


class PosterQuestionViewSet(SnippetViewSet):
    model = PosterQuestion
    icon = "help"
    menu_label = _("Poster questions")
    list_display = ["text", "sector", "reviewed"]
    list_filter = ["sector", "reviewed"]
    search_fields = ["text"]


register_snippet(PosterQuestionViewSet)

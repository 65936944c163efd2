"""Forum categories: one per core outcome, General discussion, Feedback and suggestions."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class ForumCategory(models.Model):
    """A place to talk; editors set the order in which categories appear."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("address"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    guidelines = models.TextField(
        _("posting guidelines"), blank=True, help_text=_("Shown above the posting form.")
    )
    outcome_page = models.ForeignKey(
        "outcomes.OutcomePage",
        verbose_name=_("outcome page"),
        help_text=_("The outcome this category discusses; its page links here."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("guidelines"),
        FieldPanel("outcome_page"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("forum category")
        verbose_name_plural = _("forum categories")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forum:category", kwargs={"slug": self.slug})

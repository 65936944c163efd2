"""Site-wide settings editors change in the Wagtail admin: safety chrome and navigation."""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable, Page

from mscos.core.images import image_without_metadata
from mscos.core.languages import localise_site_path
from mscos.core.navigation import submenu_choices
from mscos.core.validators import validate_https_url


@register_setting(icon="warning")
class SafetySettings(BaseSiteSetting):
    """What the exit control does and the helpline block says, on every page."""

    exit_url = models.URLField(
        _("exit target"),
        default=settings.DEFAULT_EXIT_URL,
        validators=[validate_https_url],
        help_text=_("A neutral website the Exit this page button opens instead of this site."),
    )
    helpline_name = models.CharField(
        _("helpline name"),
        max_length=100,
        default=gettext_noop("Modern Slavery & Exploitation Helpline"),
    )
    helpline_number = models.CharField(_("helpline number"), max_length=30, default="08000 121 700")
    helpline_hours = models.CharField(
        _("helpline availability"),
        max_length=100,
        default=gettext_noop("free, confidential, 24 hours"),
    )
    emergency_number = models.CharField(_("emergency number"), max_length=10, default="999")
    staying_safe_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("'Staying safe online' page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("exit_url"),
        MultiFieldPanel(
            [
                FieldPanel("helpline_name"),
                FieldPanel("helpline_number"),
                FieldPanel("helpline_hours"),
                FieldPanel("emergency_number"),
            ],
            heading=_("Helpline block"),
        ),
        FieldPanel("staying_safe_page"),
    ]

    class Meta:
        verbose_name = _("Safety settings")

    @staticmethod
    def dial_string(number: str) -> str:
        """A number as a tel: link wants it, without spaces."""
        return "".join(character for character in number if character.isdigit() or character == "+")

    @property
    def helpline_dial(self) -> str:
        return self.dial_string(self.helpline_number)

    @property
    def emergency_dial(self) -> str:
        return self.dial_string(self.emergency_number)


@register_setting(icon="list-ul")
class NavigationSettings(ClusterableModel, BaseSiteSetting):
    """The primary navigation, in the order editors set."""

    panels = [InlinePanel("items", label=_("Menu items"))]

    class Meta:
        verbose_name = _("Navigation")


class NavigationItem(Orderable):
    navigation = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="items")
    label = models.CharField(_("label"), max_length=60)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link_url = models.CharField(
        _("or address on this site"),
        max_length=200,
        blank=True,
        help_text=_("For pages outside the page tree, e.g. /forums/"),
    )
    submenu = models.CharField(
        _("drop-down"),
        max_length=30,
        blank=True,
        choices=submenu_choices,
        help_text=_("Show a drop-down list under this item, e.g. the forum categories."),
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("link_page"),
        FieldPanel("link_url"),
        FieldPanel("submenu"),
    ]

    def __str__(self) -> str:
        return self.label

    @property
    def url(self) -> str:
        if self.link_page is not None and self.link_page.live:
            return self.link_page.url
        return self.link_url or "/"

    def clean(self) -> None:
        if self.link_url and (not self.link_url.startswith("/") or self.link_url.startswith("//")):
            raise ValidationError({"link_url": _("Enter an address on this site starting with /")})


class SiteImage(AbstractImage):
    """Wagtail's image, stored without the metadata a camera or phone adds (location included)."""

    admin_form_fields = Image.admin_form_fields

    def save(self, *args, **kwargs):
        if self.file and not getattr(self.file, "_committed", True):
            cleaned = image_without_metadata(self.file.file)
            if cleaned is not None:
                # A new, uncommitted file: Django stores it under upload_to and re-reads its size.
                self.file = File(cleaned, name=os.path.basename(self.file.name))
                self._set_image_file_metadata()
        super().save(*args, **kwargs)

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]


class SiteImageRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, related_name="renditions", on_delete=models.CASCADE)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class PeriodicJobRun(models.Model):
    """When a periodic job (see core/scheduling.py) was last started, shared by every server."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    last_started_at = models.DateTimeField(_("last started at"), null=True, blank=True)

    class Meta:
        verbose_name = _("periodic job run")
        verbose_name_plural = _("periodic job runs")

    def __str__(self) -> str:
        return self.name


class SitePage(Page):
    """The base of every page type: a page keeps the reader's language in its address.

    A page nobody has translated yet is served in English under /ro/… with the Romanian interface
    (see core.views.serve_page). Its address, and every link to it (menus, cards, links in rich
    text), stays under the reader's prefix instead of sending them back to the English site.
    """

    class Meta:
        abstract = True

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if parts is None:
            return None
        site_id, root_url, page_path = parts
        return site_id, root_url, localise_site_path(page_path)

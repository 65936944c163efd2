"""Loads the short addresses the outcome section is known by. Called by `load_demo`; adds only
what is missing."""

from wagtail.contrib.redirects.models import Redirect

from mscos.outcomes.models import OutcomeIndexPage


def load(*, outcomes_index: OutcomeIndexPage) -> None:
    """The short addresses the issue names, /outcomes/ and /outcomes/long-list/."""
    long_list = outcomes_index.get_children().filter(slug="long-list").first()
    for old_path, target in [("/outcomes", outcomes_index), ("/outcomes/long-list", long_list)]:
        if target is not None:
            Redirect.objects.get_or_create(
                old_path=Redirect.normalise_path(old_path),
                site=None,
                defaults={"redirect_page": target, "is_permanent": False},
            )

"""Builds the demo site once; running it again changes nothing that already exists."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from mscos.accounts.models import User
from mscos.core.models import NavigationItem, NavigationSettings, SafetySettings
from mscos.core.site_address import site_host_and_port, site_record_sync
from mscos.demo import (
    content,
    content_events,
    content_posters,
    content_translations,
    content_updates,
    outcomes,
    people,
    practice,
    redirects,
    resources,
    standard_pages,
)
from mscos.demo.tree import child_page, stream
from mscos.events.models import EventIndexPage
from mscos.forum import services as forum_services
from mscos.forum.models import ForumCategory, Topic
from mscos.forum.navigation import FORUM_SUBMENU
from mscos.measurement.library import library_load
from mscos.outcomes.models import Domain, OutcomeIndexPage, OutcomePage
from mscos.pages.editorial import ensure_editorial_setup
from mscos.pages.models import HomePage, StandardPage
from mscos.updates.models import UpdateIndexPage


class Command(BaseCommand):
    help = "Load the demo content (idempotent: existing pages and records are left as they are)."

    @transaction.atomic
    def handle(self, *args, **options):
        home = self.home_page()
        domains = self.domains()
        community = child_page(
            home,
            StandardPage,
            "community-of-practice",
            title="Community of Practice",
            intro=content.COMMUNITY_INTRO,
            body=stream(content.COMMUNITY_BODY),
        )
        updates = child_page(
            community,
            UpdateIndexPage,
            "updates",
            title="Updates",
            intro="Every update so far, newest first. Each looks at one core outcome or theme.",
        )
        outcomes_index = child_page(
            home,
            OutcomeIndexPage,
            "core-outcomes",
            title="Core outcomes",
            intro=content.OUTCOMES_INTRO,
            body=stream(content.OUTCOMES_BODY),
        )
        outcome_pages = self.outcome_pages(outcomes_index, domains)
        events = child_page(
            home,
            EventIndexPage,
            "events",
            title="Events",
            intro=content.EVENTS_INTRO,
            body=stream(content.EVENTS_BODY),
        )
        get_involved = child_page(
            home,
            StandardPage,
            "get-involved",
            title="Get involved",
            intro=content.GET_INVOLVED_INTRO,
            body=stream(content.GET_INVOLVED_BODY),
        )
        staying_safe = child_page(
            home,
            StandardPage,
            "staying-safe-online",
            title="Staying safe online",
            intro=content.STAYING_SAFE_INTRO,
            body=stream(content.STAYING_SAFE_BODY),
            show_in_menus=False,
        )
        content_translations.translate_staying_safe(staying_safe)
        self.update_page(updates, outcome_pages)
        content_updates.add_signup(get_involved)
        self.forum_categories(outcome_pages)
        self.forum_conversations()
        content_events.load(home=home, events=events, get_involved=get_involved)
        content_posters.load(home=home)
        if home.featured_section_id is None and home.updates_section_id is None:
            home.featured_section = outcomes_index
            home.updates_section = updates
            home.save_revision().publish()
        site_record_sync()  # the Site record at SITE_URL, as migrate leaves it
        site = Site.objects.get(is_default_site=True)
        self.settings(site, staying_safe)
        self.navigation(site, community, outcomes_index, updates, events, get_involved)
        # The editors' groups and approval workflow, then each area's pages in turn.
        ensure_editorial_setup()
        core = outcomes.core_outcomes(outcome_pages)
        outcomes.load(outcomes_index=outcomes_index, core=core)
        practice.load(home=home, core=core)
        study = standard_pages.load(home=home)
        resources.load(study=study, core=core)
        people.load(home=home)
        outcomes.feature(site=site, core=core)
        redirects.load(outcomes_index=outcomes_index)
        library_load()  # the draft indicator library the measurement check-ins ask
        content_translations.translate_pages(
            home=home,
            outcomes_index=outcomes_index,
            outcome_pages=[p for p in outcome_pages.values() if p.kind == OutcomePage.CORE],
            set_page=outcomes_index.get_children()
            .filter(slug="working-with-the-outcomes-as-a-set")
            .first(),
            update=self.latest_update,
        )
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))

    def home_page(self) -> HomePage:
        existing = HomePage.objects.first()
        if existing is not None:
            return existing
        root = self.page_tree_root()
        # Wagtail's installer leaves a placeholder "Welcome" page; the demo home page replaces it.
        placeholders = root.get_children().exact_type(Page)
        home = HomePage(title="Modern Slavery Core Outcome Set: Community of Practice", slug="home")
        home.intro = content.HOME_INTRO
        home.body = stream(content.HOME_BODY)
        site = Site.objects.filter(is_default_site=True).first()
        for placeholder in placeholders:
            # An update, not save(): save() queues search-index tasks for a page deleted below,
            # and the worker of a fresh `make run` printed their failures.
            Page.objects.filter(pk=placeholder.pk).update(slug=f"{placeholder.slug}-placeholder")
        root.add_child(instance=home)
        home.save_revision().publish()
        if site is None:
            hostname, port = site_host_and_port()
            Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
        else:
            site.root_page = home
            site.site_name = "MSCOS Community of Practice"
            site.save()
        for placeholder in placeholders:
            placeholder.delete()
        return home

    def page_tree_root(self) -> Page:
        """Root page, locale and root collection; made again if the database was emptied."""
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        if not Collection.objects.exists():
            Collection.add_root(name="Root")
        root = Page.get_first_root_node()
        if root is None:
            ContentType.objects.clear_cache()  # ids cached before the emptying are stale
            root = Page.add_root(instance=Page(title="Root", slug="root", live=True))
        return root

    def domains(self) -> dict[str, Domain]:
        result = {}
        for order, (name, description) in enumerate(content.DOMAINS, start=1):
            domain, _created = Domain.objects.get_or_create(
                name=name, defaults={"description": description, "sort_order": order}
            )
            result[name] = domain
        return result

    def outcome_pages(self, index: OutcomeIndexPage, domains) -> dict[str, OutcomePage]:
        pages = {}
        for number, title, summary, descriptor, domain_name in content.CORE_OUTCOMES:
            pages[title] = child_page(
                index,
                OutcomePage,
                slugify(title),
                title=title,
                kind=OutcomePage.CORE,
                number=number,
                summary=summary,
                descriptor=descriptor,
                domain=domains[domain_name],
            )
        for title, summary in content.TOPIC_PAGES:
            pages[title] = child_page(
                index,
                OutcomePage,
                slugify(title),
                title=title,
                kind=OutcomePage.TOPIC,
                summary=summary,
            )
        return pages

    def update_page(self, updates: UpdateIndexPage, outcome_pages) -> None:
        self.latest_update = content_updates.load_updates(updates, outcome_pages)

    def forum_categories(self, outcome_pages) -> None:
        order = 0
        for number, title, summary, _descriptor, _domain in content.CORE_OUTCOMES:
            order += 1
            ForumCategory.objects.get_or_create(
                slug=slugify(title),
                defaults={
                    "name": title,
                    "description": f"Outcome {number}. {summary}",
                    "guidelines": content.FORUM_GUIDELINES,
                    "outcome_page": outcome_pages[title],
                    "sort_order": order,
                },
            )
        for name, slug, description in content.GENERAL_CATEGORIES:
            order += 1
            ForumCategory.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "description": description,
                    "guidelines": content.FORUM_GUIDELINES,
                    "sort_order": order,
                },
            )

    def forum_conversations(self) -> None:
        """A few published conversations, written through the real services, once."""
        if Topic.objects.exists():
            return
        members = []
        for display_name, username in content.DEMO_MEMBERS:
            member, created = User.objects.get_or_create(
                username=username, defaults={"display_name": display_name}
            )
            if created:
                member.set_unusable_password()  # demo people cannot sign in
                member.save()
            members.append(member)
        for slug, title, posts in content.DEMO_TOPICS:
            category = ForumCategory.objects.get(slug=slug)
            (author_index, anonymous, text), *replies = posts
            topic, first, _token = forum_services.topic_create(
                category=category,
                title=title,
                body=text,
                acting_user=members[author_index] if author_index is not None else None,
                anonymous=anonymous,
            )
            self.publish(first)
            topic.refresh_from_db()
            for author_index, anonymous, text in replies:
                author = members[author_index] if author_index is not None else None
                post, _token = forum_services.post_create(
                    topic=topic,
                    body=text,
                    acting_user=author,
                    anonymous=anonymous,
                    guest_name="",
                )
                self.publish(post)

    @staticmethod
    def publish(post) -> None:
        """Demo posts skip the moderators' queue; the log records that the loader did it."""
        if post.status != "approved":
            forum_services.post_approve_as_system(post=post, reason="demo content")

    def settings(self, site: Site, staying_safe: Page) -> None:
        safety = SafetySettings.for_site(site)
        if safety.staying_safe_page_id is None:
            safety.staying_safe_page = staying_safe
            safety.save()

    def navigation(
        self, site: Site, community, outcomes_index, updates, events, get_involved
    ) -> None:
        navigation = NavigationSettings.for_site(site)
        if navigation.items.exists():
            return
        entries = [
            ("Community of Practice", community, "", ""),
            ("Core outcomes", outcomes_index, "", ""),
            ("Updates", updates, "", ""),
            ("Events", events, "", ""),
            ("Forums", None, "/forums/", FORUM_SUBMENU),
            ("Get involved", get_involved, "", ""),
        ]
        navigation.items = [
            NavigationItem(label=label, link_page=page, link_url=url, submenu=submenu, sort_order=i)
            for i, (label, page, url, submenu) in enumerate(entries)
        ]
        navigation.save()

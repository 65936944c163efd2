"""Posting forms, with a honeypot and a minimum fill time against bots (no outside CAPTCHA)."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mscos.forum import rendering
from mscos.safety.bot_check import BotCheckMixin

TOO_MUCH_STRUCTURE = _(
    "Your post has more formatting than the forum can show at once (links, tables, emphasis or "
    "lines). Please simplify it or split it into two posts; your text is still here."
)
PREVIEWS_TOO_OFTEN = _(
    "You have previewed a lot in the last few minutes. Please wait a little and try again; "
    "your text is still here."
)


class PostBotCheck(BotCheckMixin):
    honeypot_message = _("Your post could not be sent. Please try again.")
    out_of_date_message = _(
        "This form is out of date. Please copy your text, reload the page and try again."
    )
    too_quick_message = _(
        "Sorry, we could not send your post yet. Please check it and press Post again."
    )


class PostFields(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of your post"),
        choices=settings.LANGUAGES,
        required=False,
        help_text=_("So that readers can find posts in their language."),
    )
    body = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Write as you would in a message. To make words bold, put two stars on each side: "
            "**like this**. Start a line with - to make a list, or with > to quote someone. "
            "Paste a web address to share a link. Press Preview to see how your post will look."
        ),
    )
    content_note = forms.CharField(
        label=_("Content note"),
        required=False,
        max_length=200,
        help_text=_(
            'If your post talks about something distressing, say what, e.g. "violence". '
            "Readers then choose whether to open it."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The language the reader is using the site in, unless they choose another.
        self.fields["language"].initial = get_language()

    def clean_body(self):
        # Checked here as well as in services, so a preview is bounded exactly like a post.
        body = self.cleaned_data["body"]
        if len(body.strip()) > rendering.MAX_RENDER_LENGTH:
            raise forms.ValidationError(
                _("Please keep a post under %(limit)s characters.")
                % {"limit": rendering.MAX_RENDER_LENGTH}
            )
        if not rendering.structure_within_bounds(body.strip()):
            raise forms.ValidationError(TOO_MUCH_STRUCTURE)
        return body


class MemberPostForm(PostBotCheck, PostFields):
    # Tells the site this was written while signed in: if the session ended meanwhile, the text
    # is handed back rather than posted as a guest's (see views._signed_out_while_writing).
    signed_in = forms.CharField(widget=forms.HiddenInput, initial="1", required=False)
    anonymous = forms.BooleanField(
        label=_("Post anonymously"),
        required=False,
        help_text=_(
            'Everyone else sees "Anonymous member". A few safeguarding moderators can see it was '
            "you, and every time they look it is recorded."
        ),
    )
    understood = forms.BooleanField(
        label=_(
            "I understand that others can read what I post, and that it may say more about me "
            "than I intend."
        ),
        required=False,
    )

    def __init__(self, *args, first_post: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.first_post = first_post
        if not first_post:
            del self.fields["understood"]
        else:
            self.fields["understood"].required = True


class GuestPostForm(PostBotCheck, PostFields):
    guest_name = forms.CharField(
        label=_("Name to show"),
        required=False,
        max_length=60,
        help_text=_('Leave it empty to appear as "Anonymous". Please not your real name.'),
    )
    understood = forms.BooleanField(
        label=_(
            "I understand that a moderator reads my post before it appears, and that others can "
            "read it afterwards."
        ),
        required=True,
    )


class TopicFieldsMixin(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=150)


class MemberTopicForm(TopicFieldsMixin, MemberPostForm):
    field_order = ["title", "body", "content_note", "anonymous", "understood"]


class GuestTopicForm(TopicFieldsMixin, GuestPostForm):
    field_order = ["title", "guest_name", "body", "content_note", "understood"]


class EditPostForm(PostFields):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["language"]  # chosen when the post is written


class ReaderPreferencesForm(forms.Form):
    muted_words = forms.CharField(
        label=_("Muted words and phrases"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line. Posts that contain them are folded away for you."),
    )
    hide_content_noted = forms.BooleanField(
        label=_("Fold away every post that has a content note"), required=False
    )
    digest_emails = forms.BooleanField(
        label=_("Email me about new posts in what I watch"),
        required=False,
        help_text=_(
            "At most one email at a time. Without it, new posts wait on your Following page."
        ),
    )
    digest_post_text = forms.BooleanField(
        label=_("Include the first lines of each post in those emails"),
        required=False,
        help_text=_(
            "Off: the emails give only conversation titles and links, in case someone else can "
            "read your mailbox."
        ),
    )


class BreakForm(forms.Form):
    days = forms.TypedChoiceField(
        label=_("Take a break for"),
        coerce=int,
        choices=[(1, _("1 day")), (7, _("1 week")), (30, _("1 month")), (90, _("3 months"))],
        initial=7,
        help_text=_(
            "No forum emails, and the forums leave your menu, until then. You can come back "
            "earlier from this page."
        ),
    )

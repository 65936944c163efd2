from django.db.models import QuerySet

from mscos.feedback.models import Feedback


def feedback_list(*, unread_only: bool = False) -> QuerySet[Feedback]:
    items = Feedback.objects.order_by("-created_at", "-pk")
    return items.filter(read_at__isnull=True) if unread_only else items


def unread_count() -> int:
    return Feedback.objects.filter(read_at__isnull=True).count()

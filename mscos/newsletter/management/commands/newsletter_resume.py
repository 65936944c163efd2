from django.core.management.base import BaseCommand

from mscos.newsletter.sending import resume_stalled


class Command(BaseCommand):
    help = "Queue again every mailing whose worker stopped (the scheduler does this each minute)."

    def handle(self, *args, **options):
        resumed = resume_stalled()
        self.stdout.write(f"Resumed {len(resumed)} mailing(s).")

"""``manage.py seed_demo``: the five demo institutions, their users and news (local only)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.demo.seed import DEMO_PASSWORD, demo_usernames, seed_demo


class Command(BaseCommand):
    help = "Load the demo institutions of the five SOPs with one user per role and news items."

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="Only print the demo users.")
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="Run even when DEBUG is off (for tests; never on a public server).",
        )

    def handle(self, *args, **options):
        if options["list"]:
            for username in demo_usernames():
                self.stdout.write(username)
            return
        if not settings.DEBUG and not options["allow_without_debug"]:
            raise CommandError(
                "Data demo memakai kata sandi yang diketahui umum; "
                "jalankan hanya dengan DEBUG=True."
            )
        report = seed_demo()
        if not report.created:
            self.stdout.write("Data demo sudah lengkap; tidak ada perubahan.")
            return
        for line in report.created:
            self.stdout.write(f"  + {line}")
        self.stdout.write(
            self.style.SUCCESS(f"Data demo siap. Kata sandi semua pengguna demo: {DEMO_PASSWORD}")
        )

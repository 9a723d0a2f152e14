"""Re-encrypt every stored channel token with the first key of SOCIAL_TOKEN_KEYS."""

from django.core.management.base import BaseCommand
from django.db import transaction

from social_publish import crypto
from social_publish.models import Channel


class Command(BaseCommand):
    help = "Re-encrypt channel tokens with the first SOCIAL_TOKEN_KEYS key (key rotation)."

    def handle(self, *args, **options) -> None:
        count = 0
        with transaction.atomic():
            for channel in Channel.objects.select_for_update():
                channel.access_token_encrypted = crypto.rotate(channel.access_token_encrypted)
                channel.refresh_token_encrypted = crypto.rotate(channel.refresh_token_encrypted)
                channel.save(update_fields=["access_token_encrypted", "refresh_token_encrypted"])
                count += 1
        self.stdout.write(f"{count} channel(s) re-encrypted.")

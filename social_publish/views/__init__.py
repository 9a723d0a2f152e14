"""Admin views of ``social_publish``: channels (with connecting), syndications, page status."""

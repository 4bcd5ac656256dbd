"""What every service needs, and nothing else: settings, database, events, outbox/inbox, Celery, tokens, logs, health."""

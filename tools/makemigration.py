"""Write a service's next migration by comparing its models with a scratch database built from its migrations.

    python -m tools.makemigration licenses "add reminders"
"""
import sys
import tempfile

from alembic import command

from common.migrations import alembic_config


def main(service: str, message: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        config = alembic_config(service, f"sqlite:///{scratch}/scratch.sqlite3")
        command.upgrade(config, "head")
        command.revision(config, message=message, autogenerate=True)


if __name__ == "__main__":
    main(*sys.argv[1:3])

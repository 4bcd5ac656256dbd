"""seed certifications, their required documents and the introduction course

Revision ID: c4f1a2b3d5e6
Revises: 98ec7d76ae1a
Create Date: 2026-11-29 21:30:00
"""
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from common.db import UTCDateTime
from services.applications.seed.certifications import CERTIFICATIONS
from services.applications.seed.intro_course import MODULES

revision = "c4f1a2b3d5e6"
down_revision = "98ec7d76ae1a"
branch_labels = None
depends_on = None

# Tables as they are at this revision (not the models, which may change later).
certifications = sa.table("certifications", sa.column("code"), sa.column("position"), sa.column("name_en"),
                          sa.column("name_fr"), sa.column("updated_at", UTCDateTime()))
requirements = sa.table("requirements", sa.column("certification_code"), sa.column("code"), sa.column("position"),
                        sa.column("name_en"), sa.column("name_fr"), sa.column("description_en"),
                        sa.column("description_fr"))
intro_modules = sa.table("intro_modules", sa.column("key"), sa.column("position"), sa.column("title_en"),
                         sa.column("title_fr"), sa.column("body_en"), sa.column("body_fr"))


def upgrade() -> None:
    now = datetime.now(UTC)
    op.bulk_insert(certifications, [
        {"code": item["code"], "position": position, "name_en": item["name_en"], "name_fr": item["name_fr"],
         "updated_at": now}
        for position, item in enumerate(CERTIFICATIONS, start=1)])
    op.bulk_insert(requirements, [
        {"certification_code": item["code"], "position": position, **requirement}
        for item in CERTIFICATIONS for position, requirement in enumerate(item["requirements"], start=1)])
    op.bulk_insert(intro_modules, [
        {"position": position, **module} for position, module in enumerate(MODULES, start=1)])


def downgrade() -> None:
    op.execute(intro_modules.delete())
    op.execute(requirements.delete())
    op.execute(certifications.delete())

"""drop course_access: the courses service opens each course on license.redeemed and owns it

Revision ID: 7e3b9c1d2a40
Revises: c4f1a2b3d5e6
Create Date: 2026-12-02 10:00:00
"""
import sqlalchemy as sa
from alembic import op

import common.db

revision = "7e3b9c1d2a40"
down_revision = "c4f1a2b3d5e6"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_table("course_access")


def downgrade():
    op.create_table(
        "course_access",
        sa.Column("employee_id", sa.Uuid(), nullable=False),
        sa.Column("certification_code", sa.String(length=60), nullable=False),
        sa.Column("license_id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=True),
        sa.Column("opened_at", common.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["certification_code"], ["certifications.code"]),
        sa.PrimaryKeyConstraint("employee_id", "certification_code"),
    )

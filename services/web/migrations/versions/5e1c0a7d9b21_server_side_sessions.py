"""server-side sessions and disabled accounts

A session is a row (the hash of the cookie's random key) that logout, a password change or an administrator
ends on the server; an administrator can disable an account.

Revision ID: 5e1c0a7d9b21
Revises: 5c1e2a7d9b30
Create Date: 2026-12-01 21:20:00
"""
from alembic import op
import sqlalchemy as sa

import common.db

revision = '5e1c0a7d9b21'
down_revision = '5c1e2a7d9b30'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('disabled_at', common.db.UTCDateTime(timezone=True), nullable=True))
    op.create_table(
        'sessions',
        sa.Column('key_hash', sa.String(length=64), nullable=False),
        sa.Column('user_id', sa.Uuid(), nullable=False),
        sa.Column('created_at', common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('last_seen_at', common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('ended_at', common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column('end_reason', sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['users.id']),
        sa.PrimaryKeyConstraint('key_hash'),
    )
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sessions_user_id'), ['user_id'], unique=False)


def downgrade() -> None:
    op.drop_table('sessions')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('disabled_at')

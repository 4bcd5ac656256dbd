"""account links and confirmed addresses

Links sent by e-mail are rows (only their id travels; the token is derived from it); an account is usable once
its address is confirmed. Accounts made before confirmation existed count as confirmed when they were created.

Revision ID: 5c1e2a7d9b30
Revises: 0017f95d61d9
Create Date: 2026-12-01 21:30:00
"""
from alembic import op
import sqlalchemy as sa
import common.db

revision = '5c1e2a7d9b30'
down_revision = '0017f95d61d9'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email_confirmed_at', common.db.UTCDateTime(timezone=True), nullable=True))
    op.execute("UPDATE users SET email_confirmed_at = created_at")
    op.create_table(
        'account_links',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('user_id', sa.Uuid(), nullable=False),
        sa.Column('purpose', sa.String(length=30), nullable=False),
        sa.Column('created_at', common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('expires_at', common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('used_at', common.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['users.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_account_links_user_id'), 'account_links', ['user_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_account_links_user_id'), table_name='account_links')
    op.drop_table('account_links')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('email_confirmed_at')

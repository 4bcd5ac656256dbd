"""drop users.session_version

Sessions are rows now (5e1c0a7d9b21) and e-mailed links are rows (5c1e2a7d9b30): nothing reads the version that
used to end both, so it goes.

Revision ID: 7a4d2c9e1f05
Revises: 5e1c0a7d9b21
Create Date: 2026-12-01 22:35:00
"""
from alembic import op
import sqlalchemy as sa

revision = '7a4d2c9e1f05'
down_revision = '5e1c0a7d9b21'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users') as batch_op:
        batch_op.drop_column('session_version')


def downgrade() -> None:
    with op.batch_alter_table('users') as batch_op:
        batch_op.add_column(sa.Column('session_version', sa.Integer(), nullable=False, server_default='1'))

"""a redeemed license is held until its employee finishes: one held license per employee

Revision ID: 7b3e51c0a9d2
Revises: 0e688362cefc
Create Date: 2026-12-01 21:40:00

Before this, a redeemed license was not counted, so an employee could link a second code after redeeming a
first. Such second codes (claimed or eligible beside a redeemed one) go back to their company here, with a
history row naming the employee, before the new index is built; the companies were unable to take them back.
"""
from alembic import op
import sqlalchemy as sa


revision = '7b3e51c0a9d2'
down_revision = '0e688362cefc'
branch_labels = None
depends_on = None

LIVE = "status IN ('claimed', 'eligible')"
HELD = "status IN ('claimed', 'eligible', 'redeemed')"
SECOND_CODES = ("FROM licenses WHERE status IN ('claimed', 'eligible') AND employee_id IN "
                "(SELECT employee_id FROM licenses WHERE status = 'redeemed')")


def upgrade() -> None:
    op.execute("INSERT INTO license_history (license_id, from_status, to_status, at, cause, employee_id) "
               "SELECT id, status, 'available', CURRENT_TIMESTAMP, "
               "'migration 7b3e51c0a9d2: second code of an employee holding a redeemed one', employee_id "
               + SECOND_CODES)
    op.execute("UPDATE licenses SET status = 'available', employee_id = NULL, claimed_at = NULL, "
               "application_id = NULL, certification = NULL, approved_at = NULL, redeem_by = NULL, "
               "updated_at = CURRENT_TIMESTAMP WHERE id IN (SELECT id " + SECOND_CODES + ")")
    with op.batch_alter_table('licenses', schema=None) as batch_op:
        batch_op.drop_index('uq_licenses_live_employee', postgresql_where=sa.text(LIVE), sqlite_where=sa.text(LIVE))
        batch_op.create_index('uq_licenses_held_employee', ['employee_id'], unique=True,
                              postgresql_where=sa.text(HELD), sqlite_where=sa.text(HELD))


def downgrade() -> None:
    with op.batch_alter_table('licenses', schema=None) as batch_op:
        batch_op.drop_index('uq_licenses_held_employee', postgresql_where=sa.text(HELD), sqlite_where=sa.text(HELD))
        batch_op.create_index('uq_licenses_live_employee', ['employee_id'], unique=True,
                              postgresql_where=sa.text(LIVE), sqlite_where=sa.text(LIVE))

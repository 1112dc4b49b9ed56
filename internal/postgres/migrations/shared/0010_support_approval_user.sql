-- A support approval names the platform user it lets in (issue 11): an
-- owner approves "Jane from support", not the whole support team. Rows
-- from before this migration keep NULL and count for the team until they
-- expire (at most seven days). Additive: old code ignores the column.
ALTER TABLE shared.support_approvals
    ADD COLUMN IF NOT EXISTS approved_user_id uuid REFERENCES shared.users (id) ON DELETE CASCADE;

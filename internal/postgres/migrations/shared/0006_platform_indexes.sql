-- Platform dashboard: users who signed in during a period, by range scan.
CREATE INDEX users_last_login ON shared.users (last_login_at) WHERE last_login_at IS NOT NULL;

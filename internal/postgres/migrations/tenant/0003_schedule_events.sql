-- Changes to the schedule are announced on channel ss_schedule as
-- "<schema>:<table>:<op>:<id>", delivered at commit, so every serve process
-- can tell the browsers watching this business to refresh.
CREATE FUNCTION notify_schedule() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('ss_schedule', TG_TABLE_SCHEMA || ':' || TG_TABLE_NAME || ':' || TG_OP || ':' ||
        CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END::text);
    RETURN NULL;
END $$;
CREATE TRIGGER appointments_notify AFTER INSERT OR UPDATE OR DELETE ON appointments
    FOR EACH ROW EXECUTE FUNCTION notify_schedule();
CREATE TRIGGER blockers_notify AFTER INSERT OR UPDATE OR DELETE ON blockers
    FOR EACH ROW EXECUTE FUNCTION notify_schedule();

-- Plan limits count the appointments created this month.
CREATE INDEX IF NOT EXISTS appointments_created ON appointments (created_at);

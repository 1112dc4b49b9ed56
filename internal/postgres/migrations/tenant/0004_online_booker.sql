-- An anonymous online booking is attached to the customer with the booker's
-- email without reading or changing that record (nobody verified the
-- email): what the booker typed, and the payment method they gave, stay on
-- the appointment.
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS booker_name text NOT NULL DEFAULT '';
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS booker_phone text NOT NULL DEFAULT '';
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS payment_method_id text NOT NULL DEFAULT '';

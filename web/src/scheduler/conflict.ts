import { ApiError } from "../api/client";
import type { Appointment, Blocker } from "../api/types";
import { MINUTE, formatTime } from "../lib/time";

interface Lookup {
  appointments: Appointment[];
  blockers: Blocker[];
  resourceName: (id: string | null | undefined) => string | undefined;
  customerName: (a: Appointment) => string;
  tz: string;
}

/**
 * A sentence for a refused move or booking: a 409 names the appointment in
 * the way (conflictingAppointmentId); say who and when instead of its ID.
 * Anything else keeps the server's message.
 */
export function conflictReason(e: unknown, l: Lookup): string | null {
  if (!(e instanceof ApiError) || e.status !== 409) return null;
  const id = e.problem.conflictingAppointmentId;
  const other = id ? l.appointments.find((a) => a.id === id) : undefined;
  if (other?.startTime) {
    const start = Date.parse(other.startTime);
    const end = start + other.durationMinutes * MINUTE;
    const who = l.resourceName(other.resourceId) ?? "That resource";
    return `${who} is already booked ${formatTime(start, l.tz)}–${formatTime(end, l.tz)} (${l.customerName(other)}).`;
  }
  const detail = (e.problem.detail ?? "").replace(/ by appointment [0-9a-f-]{36}$/i, "");
  if (detail) return detail.charAt(0).toUpperCase() + detail.slice(1) + (/[.!?]$/.test(detail) ? "" : ".");
  return "That time clashes with another booking.";
}

import { api, type Page } from "./client";
import type { components } from "./schema.gen";
import type { Appointment, Availability, Service } from "./types";

type S = components["schemas"];
export type BookingResource = S["BookingResourceOut"];
export type BookingInput = S["BookingIn"];
export type BookingResult = S["BookingOut"];
export type CancellationPreview = S["CancellationPreviewOut"];

/** A manage-link token (from a booking confirmation e-mail) authorises a guest. */
const tok = (token?: string) => (token ? { token } : undefined);

export const bookingApi = {
  services: () => api.get<Page<Service>>("/api/booking/services/", { page_size: 200 }),
  resources: (serviceId: string) => api.get<Page<BookingResource>>("/api/booking/resources/", { service_id: serviceId }),
  availability: (q: { service_id: string; date: string; timezone: string; resource_id?: string }) =>
    api.get<Availability>("/api/booking/availability/", q),
  book: (body: BookingInput, idempotencyKey: string) =>
    api.post<BookingResult>("/api/booking/", body, { headers: { "Idempotency-Key": idempotencyKey } }),
  myAppointments: (when: "upcoming" | "past") => api.get<Page<Appointment>>("/api/booking/appointments/", { when }),
  cancellationPreview: (id: string, token?: string) =>
    api.get<CancellationPreview>(`/api/booking/appointments/${id}/cancellation-preview/`, tok(token)),
  cancel: (id: string, token?: string) =>
    api.post<Appointment>(`/api/booking/appointments/${id}/cancel/`, {}, { query: tok(token) }),
  reschedule: (id: string, startTime: string, token?: string) =>
    api.post<Appointment>(`/api/booking/appointments/${id}/reschedule/`, { startTime }, { query: tok(token) }),
};

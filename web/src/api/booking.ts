import { client, unwrap } from "./client";
import type { components } from "./schema.gen";

const { GET, POST } = client;

type S = components["schemas"];
export type BookingResource = S["BookingResourceOut"];
export type BookingInput = S["BookingIn"];
export type BookingResult = S["BookingOut"];
export type CancellationPreview = S["CancellationPreviewOut"];

/** A manage-link token (from a booking confirmation e-mail) authorises a guest. */
const tok = (token?: string) => (token ? { token } : {});

export const bookingApi = {
  services: () => unwrap(GET("/api/booking/services", { params: { query: { page_size: 200 } } })),
  resources: (serviceId: string) => unwrap(GET("/api/booking/resources", { params: { query: { service_id: serviceId } } })),
  availability: (q: { service_id: string; date: string; timezone: string; resource_id?: string }) =>
    unwrap(GET("/api/booking/availability", { params: { query: q } })),
  book: (body: BookingInput, idempotencyKey: string) =>
    unwrap(POST("/api/booking", { body, params: { header: { "Idempotency-Key": idempotencyKey } } })),
  myAppointments: (when: "upcoming" | "past") => unwrap(GET("/api/booking/appointments", { params: { query: { when } } })),
  cancellationPreview: (id: string, token?: string) =>
    unwrap(GET("/api/booking/appointments/{id}/cancellation-preview", { params: { path: { id }, query: tok(token) } })),
  cancel: (id: string, token?: string) =>
    unwrap(POST("/api/booking/appointments/{id}/cancel", { params: { path: { id }, query: tok(token) } })),
  reschedule: (id: string, startTime: string, token?: string) =>
    unwrap(POST("/api/booking/appointments/{id}/reschedule", { params: { path: { id }, query: tok(token) }, body: { startTime } })),
};

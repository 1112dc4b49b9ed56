import { api, type Page } from "./client";
import type { Appointment, Availability, Service } from "./types";

export interface BookingResource {
  id: string;
  name: string;
  type?: string;
}
export interface BookingInput {
  serviceId: string;
  startTime: string;
  resourceId?: string;
  customer?: { name: string; email: string; phone: string };
  notes?: string;
}
export interface CancellationPreview {
  lateCancellation: boolean;
  feePercent: number;
  feeAmount?: string | null;
  currency?: string | null;
  cancellationWindowHours?: number;
}

export const bookingApi = {
  services: () => api.get<Page<Service> | Service[]>("/api/booking/services/"),
  resources: (serviceId: string) => api.get<Page<BookingResource> | BookingResource[]>("/api/booking/resources/", { service_id: serviceId }),
  availability: (q: { service_id: string; date: string; timezone: string; resource_id?: string }) =>
    api.get<Availability>("/api/booking/availability/", q),
  book: (body: BookingInput, idempotencyKey: string) =>
    api.post<Appointment>("/api/booking/", body, { headers: { "Idempotency-Key": idempotencyKey } }),
  myAppointments: (when: "upcoming" | "past") => api.get<Page<Appointment>>("/api/booking/appointments/", { when }),
  cancellationPreview: (id: string) => api.get<CancellationPreview>(`/api/booking/appointments/${id}/cancellation-preview/`),
  cancel: (id: string) => api.post<Appointment>(`/api/booking/appointments/${id}/cancel/`),
  reschedule: (id: string, startTime: string) => api.post<Appointment>(`/api/booking/appointments/${id}/reschedule/`, { startTime }),
};

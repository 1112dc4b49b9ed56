import { useQuery } from "@tanstack/react-query";
import { resultsOf } from "../api/client";
import { appointmentsApi, blockersApi, customersApi, hoursApi, resourcesApi, servicesApi } from "../api/business";
import type { BusinessHoursRow } from "../api/types";

export const POLL_MS = 15_000;

export const qk = {
  resources: ["resources"] as const,
  services: ["services"] as const,
  customers: (search = "") => ["customers", search] as const,
  hours: ["business-hours"] as const,
  appointments: (from: string, to: string) => ["appointments", from, to] as const,
  blockers: (from: string, to: string) => ["blockers", from, to] as const,
  pending: ["appointments", "pending"] as const,
};

export function useResources() {
  return useQuery({ queryKey: qk.resources, queryFn: () => resourcesApi.list({ page_size: 500 }), select: resultsOf });
}
export function useServices() {
  return useQuery({ queryKey: qk.services, queryFn: () => servicesApi.list({ page_size: 500 }), select: resultsOf });
}
export function useCustomers(search = "") {
  return useQuery({ queryKey: qk.customers(search), queryFn: () => customersApi.list({ search, page_size: search ? 20 : 500 }), select: resultsOf });
}
export function useHours() {
  return useQuery({ queryKey: qk.hours, queryFn: hoursApi.get, select: (v): BusinessHoursRow[] => v ?? [] });
}
/** Appointments between two dates (inclusive), refreshed by polling. */
export function useAppointments(from: string, to: string) {
  return useQuery({
    queryKey: qk.appointments(from, to),
    queryFn: () => appointmentsApi.range({ start_date: from, end_date: to }),
    select: resultsOf,
    refetchInterval: POLL_MS,
  });
}
export function useBlockers(from: string, to: string) {
  return useQuery({ queryKey: qk.blockers(from, to), queryFn: () => blockersApi.range(from, to), select: resultsOf, refetchInterval: POLL_MS * 2 });
}
export function usePending() {
  return useQuery({
    queryKey: qk.pending,
    queryFn: () => appointmentsApi.list({ status: ["PENDING"], page_size: 100 }),
    select: resultsOf,
    refetchInterval: POLL_MS,
  });
}

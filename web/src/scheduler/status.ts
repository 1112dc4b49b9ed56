import type { AppointmentStatus } from "../api/types";
import type { BadgeTone } from "../ui/feedback";

/** Block colours by status (light and dark), also used for the legend. */
export const statusStyle: Record<AppointmentStatus, { block: string; dot: string; label: string; tone: BadgeTone }> = {
  PENDING: { label: "Pending", tone: "amber", dot: "bg-amber-500",
    block: "bg-amber-100 border-amber-400 text-amber-950 dark:bg-amber-900/60 dark:border-amber-500 dark:text-amber-50" },
  CONFIRMED: { label: "Confirmed", tone: "brand", dot: "bg-brand",
    block: "bg-[color-mix(in_oklab,var(--ss-brand)_16%,var(--ss-surface))] border-brand text-fg" },
  COMPLETED: { label: "Completed", tone: "green", dot: "bg-emerald-500",
    block: "bg-emerald-100 border-emerald-500 text-emerald-950 dark:bg-emerald-900/50 dark:text-emerald-50" },
  CANCELLED: { label: "Cancelled", tone: "gray", dot: "bg-slate-400",
    block: "bg-slate-100 border-slate-400 text-slate-600 line-through dark:bg-slate-800 dark:text-slate-400" },
  NO_SHOW: { label: "No-show", tone: "red", dot: "bg-red-500",
    block: "bg-red-100 border-red-500 text-red-950 dark:bg-red-900/50 dark:text-red-50" },
};

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { bookingApi } from "../../api/booking";
import { errorMessage } from "../../api/client";
import { addDays, formatClock, formatDay, todayIn } from "../../lib/time";
import { cx } from "../../ui/cx";
import { Alert, Skeleton } from "../../ui/feedback";
import { Icon } from "../../ui/Icon";

/** Pick a day (a week at a time) and one of its free times, in the customer's zone. */
export function SlotPicker({ serviceId, resourceId, tz, date, time, onChange }: {
  serviceId: string; resourceId?: string | undefined; tz: string; date: string; time: string; onChange: (date: string, time: string) => void;
}) {
  const today = todayIn(tz);
  const [weekStart, setWeekStart] = useState(() => (date && date >= today ? date : today));
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
  const selected = date || today;
  const avail = useQuery({
    queryKey: ["booking-availability", serviceId, selected, tz, resourceId ?? ""],
    queryFn: () => bookingApi.availability({ service_id: serviceId, date: selected, timezone: tz, resource_id: resourceId }),
    refetchInterval: 60_000,
  });
  const slots = avail.data?.availableSlots ?? [];
  const groups = [
    { label: "Morning", list: slots.filter((s) => s < "12:00") },
    { label: "Afternoon", list: slots.filter((s) => s >= "12:00" && s < "17:00") },
    { label: "Evening", list: slots.filter((s) => s >= "17:00") },
  ].filter((g) => g.list.length);
  return (
    <div>
      <div className="mb-3 flex items-center justify-between">
        <p className="text-sm font-medium">{formatDay(weekStart, { month: "long", year: "numeric" })}</p>
        <div className="flex gap-1">
          <button type="button" className="btn-ghost p-2" aria-label="Previous week" disabled={weekStart <= today}
            onClick={() => setWeekStart((w) => { const p = addDays(w, -7); return p < today ? today : p; })}><Icon name="chevronLeft" /></button>
          <button type="button" className="btn-ghost p-2" aria-label="Next week" onClick={() => setWeekStart((w) => addDays(w, 7))}><Icon name="chevronRight" /></button>
        </div>
      </div>
      <div role="radiogroup" aria-label="Day" className="grid grid-cols-7 gap-1.5">
        {days.map((d) => (
          <button key={d} type="button" role="radio" aria-checked={d === selected} onClick={() => onChange(d, "")}
            aria-label={formatDay(d, { weekday: "long", month: "long", day: "numeric" })}
            className={cx("flex flex-col items-center rounded-xl border py-2 text-xs transition-colors",
              d === selected ? "border-brand bg-brand text-brand-fg" : "border-line bg-surface hover:border-brand")}>
            <span className="uppercase opacity-80">{formatDay(d, { weekday: "short" })}</span>
            <span className="text-base font-semibold">{formatDay(d, { day: "numeric" })}</span>
          </button>
        ))}
      </div>
      <div className="mt-5" aria-live="polite">
        {avail.isLoading ? (
          <div role="status" aria-label="Loading times" className="grid grid-cols-3 gap-2 sm:grid-cols-4">{Array.from({ length: 8 }, (_, i) => <Skeleton key={i} className="h-10" />)}</div>
        ) : avail.isError ? (
          <Alert>{errorMessage(avail.error)}</Alert>
        ) : !slots.length ? (
          <div className="rounded-xl border border-dashed border-line p-6 text-center text-sm text-muted">
            No free times on {formatDay(selected, { weekday: "long", month: "long", day: "numeric" })}.
            <button type="button" className="ml-1 font-medium text-brand underline-offset-2 hover:underline" onClick={() => onChange(addDays(selected, 1), "")}>Try the next day</button>
          </div>
        ) : (
          <div className="space-y-4">
            {groups.map((g) => (
              <fieldset key={g.label}>
                <legend className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">{g.label}</legend>
                <div role="radiogroup" aria-label={`${g.label} times`} className="grid grid-cols-3 gap-2 sm:grid-cols-4">
                  {g.list.map((s) => (
                    <button key={s} type="button" role="radio" aria-checked={s === time} onClick={() => onChange(selected, s)}
                      className={cx("rounded-lg border py-2.5 text-sm font-medium tabular-nums transition-colors",
                        s === time ? "border-brand bg-brand text-brand-fg" : "border-line bg-surface hover:border-brand")}>
                      {formatClock(s)}
                    </button>
                  ))}
                </div>
              </fieldset>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

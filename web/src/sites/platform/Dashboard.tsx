import { useQuery } from "@tanstack/react-query";
import { platformApi } from "../../api/platform";
import type { MetricPoint } from "../../api/types";
import { AreaChart, BarChart, MetricCard, type Point } from "../../ui/charts";
import { ErrorState, Skeleton } from "../../ui/feedback";
import { Card, PageHeader } from "../../ui/Page";
import { formatMoney } from "../booking/policy";

const pts = (s?: MetricPoint[] | null): Point[] =>
  (s ?? []).map((p) => ({ label: new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" }).format(Date.parse(p.date + "T00:00:00Z")), value: Number(p.value) }));

function delta(s?: MetricPoint[] | null, goodWhenUp = true) {
  if (!s || s.length < 2) return null;
  const a = Number(s[0]!.value), b = Number(s[s.length - 1]!.value);
  if (!a) return null;
  const pct = ((b - a) / a) * 100;
  return { text: `${pct >= 0 ? "▲" : "▼"} ${Math.abs(pct).toFixed(1)}% over the period`, good: goodWhenUp ? pct >= 0 : pct <= 0 };
}

export default function Dashboard() {
  const m = useQuery({ queryKey: ["platform-metrics"], queryFn: () => platformApi.metrics(), refetchInterval: 60_000 });
  const d = m.data;
  const cur = d?.currency ?? "USD";
  const money = (v: number) => formatMoney(v, cur).replace(/\.00$/, "");
  return (
    <div>
      <PageHeader title="Platform overview" description="How the business is doing across all tenants." />
      {m.isError ? <ErrorState error={m.error} onRetry={() => m.refetch()} /> : (
        <>
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
            {m.isLoading ? [0, 1, 2, 3].map((i) => <Skeleton key={i} className="h-[104px]" />) : <>
              <MetricCard label="Monthly recurring revenue" value={money(Number(d?.mrr ?? 0))} delta={delta(d?.series?.mrr)} />
              <MetricCard label="Active businesses" value={String(d?.activeTenants ?? 0)} delta={delta(d?.series?.activeTenants)}>
                {d && <p className="text-xs text-muted">{d.payingTenants} paying · {d.newTenants} new</p>}
              </MetricCard>
              <MetricCard label="Churn (30 days)" value={`${((d?.churnRate ?? 0) * 100).toFixed(1)}%`} delta={delta(d?.series?.churn, false)} />
              <MetricCard label="Appointments (30 days)" value={(d?.appointments ?? 0).toLocaleString()} delta={delta(d?.series?.appointments)} />
            </>}
          </div>
          <div className="mt-6 grid gap-4 lg:grid-cols-2">
            <Card title="MRR"><div className="p-4">{m.isLoading ? <Skeleton className="h-40" /> : <AreaChart label="Monthly recurring revenue" data={pts(d?.series?.mrr)} format={money} />}</div></Card>
            <Card title="Active businesses"><div className="p-4">{m.isLoading ? <Skeleton className="h-40" /> : <AreaChart label="Active businesses" data={pts(d?.series?.activeTenants)} format={(v) => String(Math.round(v))} />}</div></Card>
            <Card title="Appointments per day"><div className="p-4">{m.isLoading ? <Skeleton className="h-40" /> : <BarChart label="Appointments" data={pts(d?.series?.appointments)} format={(v) => String(Math.round(v))} />}</div></Card>
            <Card title="Churn"><div className="p-4">{m.isLoading ? <Skeleton className="h-40" /> : <AreaChart label="Churn rate" data={pts(d?.series?.churn).map((p) => ({ ...p, value: p.value * 100 }))} format={(v) => `${v.toFixed(1)}%`} />}</div></Card>
          </div>
          {!!d?.planBreakdown?.length && (
            <Card title="Businesses by plan" className="mt-4"><div className="p-4"><BarChart label="Businesses by plan" data={d.planBreakdown.map((p) => ({ label: p.plan, value: p.count }))} /></div></Card>
          )}
        </>
      )}
    </div>
  );
}

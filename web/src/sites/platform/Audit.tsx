import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { platformApi } from "../../api/platform";
import { Badge, type BadgeTone } from "../../ui/feedback";
import { Card, PageHeader } from "../../ui/Page";
import { Pager, Table } from "../../ui/Table";
import { UserPicker, type PickedUser } from "./UserPicker";

const ACTIONS = ["MASQUERADE_START", "MASQUERADE_END", "MASQUERADE_DENIED", "GRANT_CREATED", "GRANT_USED", "GRANT_REVOKED", "LOGIN_SUCCEEDED", "LOGIN_FAILED", "BUSINESS_SUSPENDED", "BUSINESS_ACTIVATED"];
const toneOf = (a: string): BadgeTone => (a.includes("DENIED") || a.includes("FAILED") || a.includes("SUSPEND") ? "red" : a.includes("MASQUERADE") ? "amber" : a.includes("GRANT") ? "violet" : "gray");

export default function Audit() {
  const [action, setAction] = useState("");
  const [actor, setActor] = useState<PickedUser | null>(null);
  const [target, setTarget] = useState<PickedUser | null>(null);
  const [page, setPage] = useState(1);
  const a = actor?.id ?? "", t = target?.id ?? "";
  const list = useQuery({ queryKey: ["audit", action, a, t, page], queryFn: () => platformApi.audit({ action, actor_id: a, target_id: t, page }), placeholderData: keepPreviousData });
  return (
    <div>
      <PageHeader title="Audit log" description="Append-only record of sensitive actions." />
      <Card>
        <div className="grid gap-3 border-b border-line p-4 sm:grid-cols-3">
          <select aria-label="Action" className="input" value={action} onChange={(e) => { setAction(e.target.value); setPage(1); }}>
            <option value="">All actions</option>
            {ACTIONS.map((x) => <option key={x} value={x}>{x}</option>)}
          </select>
          <UserPicker label="Actor" hideLabel allowId placeholder="Done by… (name, email or ID)" value={actor} onChange={(v) => { setActor(v); setPage(1); }} />
          <UserPicker label="Target" hideLabel allowId placeholder="Done to… (name, email or ID)" value={target} onChange={(v) => { setTarget(v); setPage(1); }} />
        </div>
        <Table caption="Audit events" rows={list.data?.results} loading={list.isLoading} error={list.error} onRetry={() => list.refetch()}
          empty={{ icon: "list", title: "No events match" }}
          columns={[
            { key: "when", header: "When", cell: (e) => <time dateTime={e.createdAt} className="whitespace-nowrap">{new Date(e.createdAt).toLocaleString(undefined, { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", second: "2-digit" })}</time> },
            { key: "action", header: "Action", cell: (e) => <Badge tone={toneOf(e.action)}>{e.action}</Badge> },
            { key: "actor", header: "Actor", cell: (e) => e.actorEmail || e.actorId || "—" },
            { key: "target", header: "Target", cell: (e) => e.targetEmail || e.targetId || "—", hideOnMobile: true },
            { key: "reason", header: "Reason", cell: (e) => <span className="line-clamp-2 max-w-xs">{e.reason}</span>, hideOnMobile: true },
            { key: "ip", header: "IP", cell: (e) => <span className="tabular-nums text-muted">{e.ipAddress}</span>, hideOnMobile: true },
          ]} />
        <Pager page={page} count={list.data?.count ?? 0} pageSize={50} onPage={setPage} />
      </Card>
    </div>
  );
}

import { useQuery } from "@tanstack/react-query";
import { resultsOf } from "../../api/client";
import { platformApi } from "../../api/platform";
import type { PlatformStaff } from "../../api/types";
import { Badge } from "../../ui/feedback";
import { Card, PageHeader } from "../../ui/Page";
import { Table } from "../../ui/Table";
import { RoleBadge } from "./badges";

export default function Staff() {
  const list = useQuery({ queryKey: ["platform-staff"], queryFn: platformApi.staff, select: (v) => resultsOf<PlatformStaff>(v) });
  return (
    <div>
      <PageHeader title="Platform staff" description="SmoothSchedule employees with access to this console." />
      <Card>
        <Table caption="Platform staff" rows={list.data} loading={list.isLoading} error={list.error} onRetry={() => list.refetch()}
          empty={{ icon: "shield", title: "No platform staff" }}
          columns={[
            { key: "name", header: "User", cell: (u) => <span className="font-medium">{u.name || "—"}<span className="block text-xs font-normal text-muted">{u.email}</span></span> },
            { key: "role", header: "Role", cell: (u) => <RoleBadge role={u.role} /> },
            { key: "mfa", header: "Two-factor", cell: (u) => (u.mfaEnabled ? <Badge tone="green">on</Badge> : <Badge tone="amber">off</Badge>), hideOnMobile: true },
            { key: "last", header: "Last sign-in", cell: (u) => (u.lastLoginAt ? new Date(u.lastLoginAt).toLocaleString() : "Never"), hideOnMobile: true },
            { key: "status", header: "Status", cell: (u) => (u.status === "active" ? <Badge tone="green">active</Badge> : <Badge>disabled</Badge>) },
          ]} />
      </Card>
    </div>
  );
}

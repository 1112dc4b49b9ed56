import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { platformApi } from "../../api/platform";
import { PLATFORM_ROLES, TENANT_ROLES, type PlatformUser } from "../../api/types";
import { useDebounced } from "../../lib/useDebounced";
import { titleCase } from "../../ui/feedback";
import { SearchInput } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { Card, PageHeader } from "../../ui/Page";
import { Pager, Table, type Column } from "../../ui/Table";
import { useMe } from "../../auth/session";
import { RoleBadge } from "./badges";
import { MasqueradeDialog } from "./MasqueradeDialog";

export function userColumns(onMasq: ((u: PlatformUser) => void) | null, meId?: string): Column<PlatformUser>[] {
  return [
    { key: "name", header: "User", cell: (u) => <span className="font-medium">{u.name || "—"}<span className="block text-xs font-normal text-muted">{u.email}</span></span> },
    { key: "role", header: "Role", cell: (u) => <RoleBadge role={u.role} /> },
    { key: "biz", header: "Business", cell: (u) => u.businessName ?? (u.businessId ? "—" : "Platform"), hideOnMobile: true },
    { key: "last", header: "Last sign-in", cell: (u) => (u.lastLoginAt ? new Date(u.lastLoginAt).toLocaleString() : "Never"), hideOnMobile: true },
    ...(onMasq ? [{
      key: "act", header: <span className="sr-only">Actions</span>, className: "text-right",
      cell: (u: PlatformUser) => u.id === meId ? null : (
        <button type="button" className="btn-ghost py-1" onClick={(e) => { e.stopPropagation(); onMasq(u); }} aria-label={`Masquerade as ${u.email}`}>
          <Icon name="mask" /> <span className="hidden sm:inline">Masquerade</span>
        </button>
      ),
    }] : []),
  ];
}

export default function Users() {
  const me = useMe();
  const [search, setSearch] = useState("");
  const [role, setRole] = useState("");
  const [page, setPage] = useState(1);
  const q = useDebounced(search);
  const list = useQuery({ queryKey: ["platform-users", q, role, page], queryFn: () => platformApi.users({ search: q, role, page }), placeholderData: keepPreviousData });
  const [masq, setMasq] = useState<PlatformUser | null>(null);
  return (
    <div>
      <PageHeader title="Users" description="Everyone with an account, on the platform and in every business." />
      <Card>
        <div className="grid gap-3 border-b border-line p-4 sm:grid-cols-[1fr_auto]">
          <SearchInput label="Search users" placeholder="Search by name or email" value={search} onChange={(v) => { setSearch(v); setPage(1); }} />
          <select aria-label="Role" className="input" value={role} onChange={(e) => { setRole(e.target.value); setPage(1); }}>
            <option value="">All roles</option>
            <optgroup label="Platform">{PLATFORM_ROLES.map((r) => <option key={r} value={r}>{titleCase(r)}</option>)}</optgroup>
            <optgroup label="Business">{TENANT_ROLES.map((r) => <option key={r} value={r}>{titleCase(r)}</option>)}</optgroup>
          </select>
        </div>
        <Table caption="Users" rows={list.data?.results} loading={list.isLoading} error={list.error} onRetry={() => list.refetch()}
          empty={{ icon: "users", title: "No users match", body: "Try another search or role." }} columns={userColumns(setMasq, me.data?.id)} />
        <Pager page={page} count={list.data?.count ?? 0} pageSize={25} onPage={setPage} />
      </Card>
      <MasqueradeDialog target={masq} onClose={() => setMasq(null)} />
    </div>
  );
}

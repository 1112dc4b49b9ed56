import { useState } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "../../api/client";
import { platformApi } from "../../api/platform";
import { PLATFORM_ROLES, TENANT_ROLES, type PlatformUser } from "../../api/types";
import { useDebounced } from "../../lib/useDebounced";
import { titleCase } from "../../ui/feedback";
import { ConfirmDialog } from "../../ui/Dialog";
import { useToast } from "../../ui/Toast";
import { SearchInput } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { Card, PageHeader } from "../../ui/Page";
import { Pager, Table, type Column } from "../../ui/Table";
import { hasPermission, useMe } from "../../auth/session";
import { RoleBadge, UserStatusBadge } from "./badges";
import { MasqueradeDialog } from "./MasqueradeDialog";

export function userColumns(onMasq: ((u: PlatformUser) => void) | null, meId?: string, onToggle?: ((u: PlatformUser) => void) | null): Column<PlatformUser>[] {
  return [
    { key: "name", header: "User", cell: (u) => <span className="font-medium">{u.name || "—"}<span className="block text-xs font-normal text-muted">{u.email}</span></span> },
    { key: "role", header: "Role", cell: (u) => <RoleBadge role={u.role} /> },
    { key: "biz", header: "Business", cell: (u) => u.businessName ?? (u.businessId ? "—" : "Platform"), hideOnMobile: true },
    { key: "status", header: "Status", cell: (u) => <UserStatusBadge status={u.status} /> },
    { key: "last", header: "Last sign-in", cell: (u) => (u.lastLoginAt ? new Date(u.lastLoginAt).toLocaleString() : "Never"), hideOnMobile: true },
    ...(onMasq || onToggle ? [{
      key: "act", header: <span className="sr-only">Actions</span>, className: "text-right whitespace-nowrap",
      cell: (u: PlatformUser) => u.id === meId ? <span className="text-xs text-muted">You</span> : (
        <div className="inline-flex gap-1">
          {onMasq && u.status !== "disabled" && (
            <button type="button" className="btn-ghost py-1" onClick={(e) => { e.stopPropagation(); onMasq(u); }} aria-label={`Masquerade as ${u.email}`}>
              <Icon name="mask" /> <span className="hidden sm:inline">Masquerade</span>
            </button>
          )}
          {onToggle && (
            <button type="button" className={u.status === "disabled" ? "btn-ghost py-1" : "btn-ghost py-1 text-red-600 dark:text-red-400"}
              onClick={(e) => { e.stopPropagation(); onToggle(u); }} aria-label={`${u.status === "disabled" ? "Enable" : "Disable"} ${u.email}`}>
              <Icon name={u.status === "disabled" ? "play" : "ban"} /> <span className="hidden sm:inline">{u.status === "disabled" ? "Enable" : "Disable"}</span>
            </button>
          )}
        </div>
      ),
    }] : []),
  ];
}

export default function Users() {
  const me = useMe();
  const qc = useQueryClient();
  const toast = useToast();
  const [search, setSearch] = useState("");
  const [role, setRole] = useState("");
  const [status, setStatus] = useState<PlatformUser["status"] | "">("");
  const [page, setPage] = useState(1);
  const q = useDebounced(search);
  const list = useQuery({ queryKey: ["platform-users", q, role, status, page], queryFn: () => platformApi.users({ search: q, role, status, page }), placeholderData: keepPreviousData });
  const [masq, setMasq] = useState<PlatformUser | null>(null);
  const [toggling, setToggling] = useState<PlatformUser | null>(null);
  const canMasq = hasPermission(me.data, "masquerade.start");
  const canWrite = hasPermission(me.data, "platform.users.write");
  const disabling = toggling?.status !== "disabled";
  const toggle = useMutation({
    mutationFn: (u: PlatformUser) => (u.status === "disabled" ? platformApi.enableUser(u.id) : platformApi.disableUser(u.id)),
    onSuccess: (r, u) => {
      toast(r?.status === "disabled" || (!r && u.status !== "disabled") ? `${u.email} is disabled and signed out everywhere.` : `${u.email} can sign in again.`);
      void qc.invalidateQueries({ queryKey: ["platform-users"] });
      setToggling(null);
    },
    onError: (e) => { toast(errorMessage(e), "error"); setToggling(null); },
  });
  const filtered = !!(q || role || status);
  return (
    <div>
      <PageHeader title="Users" description="Everyone with an account, on the platform and in every business." />
      <Card>
        <div className="grid gap-3 border-b border-line p-4 sm:grid-cols-[1fr_auto_auto]">
          <SearchInput label="Search users" placeholder="Search by name or email" value={search} onChange={(v) => { setSearch(v); setPage(1); }} />
          <select aria-label="Role" className="input" value={role} onChange={(e) => { setRole(e.target.value); setPage(1); }}>
            <option value="">All roles</option>
            <optgroup label="Platform">{PLATFORM_ROLES.map((r) => <option key={r} value={r}>{titleCase(r)}</option>)}</optgroup>
            <optgroup label="Business">{TENANT_ROLES.map((r) => <option key={r} value={r}>{titleCase(r)}</option>)}</optgroup>
          </select>
          <select aria-label="Status" className="input" value={status} onChange={(e) => { setStatus(e.target.value as PlatformUser["status"]); setPage(1); }}>
            <option value="">Any status</option><option value="active">Active</option><option value="disabled">Disabled</option>
          </select>
        </div>
        <Table caption="Users" rows={list.data?.results} loading={list.isLoading} error={list.error} onRetry={() => list.refetch()}
          empty={{ icon: "users", title: filtered ? "No users match" : "No users yet", body: filtered ? "Try another search, role or status." : undefined }}
          columns={userColumns(canMasq ? setMasq : null, me.data?.id, canWrite ? setToggling : null)} />
        <Pager page={page} count={list.data?.count ?? 0} pageSize={50} onPage={setPage} />
      </Card>
      <MasqueradeDialog target={masq} onClose={() => setMasq(null)} />
      <ConfirmDialog open={!!toggling} onClose={() => setToggling(null)} onConfirm={() => toggling && toggle.mutate(toggling)} busy={toggle.isPending} danger={disabling}
        title={disabling ? `Disable ${toggling?.email ?? ""}?` : `Enable ${toggling?.email ?? ""}?`} confirmLabel={disabling ? "Disable user" : "Enable user"}>
        {disabling
          ? <>{toggling?.name || toggling?.email} is signed out everywhere at once and can't sign in{toggling?.businessName ? ` to ${toggling.businessName}` : ""} until someone enables the account again. Their data stays.</>
          : <>{toggling?.name || toggling?.email} will be able to sign in again.</>}
      </ConfirmDialog>
    </div>
  );
}

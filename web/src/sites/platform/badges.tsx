import { Badge, titleCase, type BadgeTone } from "../../ui/feedback";

const planTone: Record<string, BadgeTone> = { free: "gray", professional: "blue", business: "violet", enterprise: "brand" };
const statusTone: Record<string, BadgeTone> = { active: "green", suspended: "red", trial: "amber", demo: "blue" };

export const PlanBadge = ({ plan }: { plan: string }) => <Badge tone={planTone[plan] ?? "gray"}>{titleCase(plan)}</Badge>;
export const StatusBadge = ({ status }: { status: string }) => <Badge tone={statusTone[status] ?? "gray"}>{titleCase(status)}</Badge>;
export const RoleBadge = ({ role }: { role: string }) => <Badge tone={role.startsWith("PLATFORM") || role === "SUPERUSER" ? "violet" : role === "CUSTOMER" ? "gray" : "blue"}>{titleCase(role)}</Badge>;
export const UserStatusBadge = ({ status }: { status: string }) =>
  status === "disabled" ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>;

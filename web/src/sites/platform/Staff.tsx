import { useQueries } from "@tanstack/react-query";
import { platformApi } from "../../api/platform";
import { PLATFORM_ROLES } from "../../api/types";
import { useMe } from "../../auth/session";
import { Card, PageHeader } from "../../ui/Page";
import { Table } from "../../ui/Table";
import { userColumns } from "./Users";

export default function Staff() {
  const me = useMe();
  const qs = useQueries({ queries: PLATFORM_ROLES.map((role) => ({ queryKey: ["platform-users", "", role, 1], queryFn: () => platformApi.users({ role }) })) });
  const rows = qs.flatMap((q) => q.data?.results ?? []);
  const loading = qs.some((q) => q.isLoading);
  const error = qs.find((q) => q.error)?.error;
  return (
    <div>
      <PageHeader title="Platform staff" description="SmoothSchedule employees with access to this console. Create staff with `smoothschedule user create`." />
      <Card>
        <Table caption="Platform staff" rows={rows} loading={loading} error={error} onRetry={() => qs.forEach((q) => q.refetch())}
          empty={{ icon: "shield", title: "No platform staff" }} columns={userColumns(null, me.data?.id)} />
      </Card>
    </div>
  );
}

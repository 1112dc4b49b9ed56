import { PageHeader } from "../../ui/Page";

export default function Dashboard() {
  return <PageHeader title="Dashboard" description="Coming next." />;
}

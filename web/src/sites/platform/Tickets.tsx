import { PageHeader } from "../../ui/Page";

export default function Tickets() {
  return <PageHeader title="Tickets" description="Coming next." />;
}

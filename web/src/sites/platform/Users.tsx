import { PageHeader } from "../../ui/Page";

export default function Users() {
  return <PageHeader title="Users" description="Coming next." />;
}

import { PageHeader } from "../../ui/Page";

export default function Audit() {
  return <PageHeader title="Audit" description="Coming next." />;
}

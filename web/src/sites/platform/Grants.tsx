import { PageHeader } from "../../ui/Page";

export default function Grants() {
  return <PageHeader title="Grants" description="Coming next." />;
}

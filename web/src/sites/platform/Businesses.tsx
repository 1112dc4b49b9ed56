import { PageHeader } from "../../ui/Page";

export default function Businesses() {
  return <PageHeader title="Businesses" description="Coming next." />;
}

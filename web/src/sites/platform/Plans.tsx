import { PageHeader } from "../../ui/Page";

export default function Plans() {
  return <PageHeader title="Plans" description="Coming next." />;
}

import { PageHeader } from "../../ui/Page";

export default function Resources() {
  return <PageHeader title="Resources" />;
}

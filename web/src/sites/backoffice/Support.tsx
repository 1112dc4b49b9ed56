import { PageHeader } from "../../ui/Page";

export default function Support() {
  return <PageHeader title="Support" />;
}

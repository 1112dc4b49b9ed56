import { PageHeader } from "../../ui/Page";

export default function Staff() {
  return <PageHeader title="Staff" />;
}

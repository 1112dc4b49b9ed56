import { PageHeader } from "../../ui/Page";

export default function Account() {
  return <PageHeader title="Account & security" />;
}

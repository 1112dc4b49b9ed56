import { PageHeader } from "../../ui/Page";

export default function Hours() {
  return <PageHeader title="Hours" />;
}

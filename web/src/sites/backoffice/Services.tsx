import { PageHeader } from "../../ui/Page";

export default function Services() {
  return <PageHeader title="Services" />;
}

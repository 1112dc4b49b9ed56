import { PageHeader } from "../../ui/Page";

export default function Customers() {
  return <PageHeader title="Customers" />;
}

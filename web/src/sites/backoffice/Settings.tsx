import { PageHeader } from "../../ui/Page";

export default function Settings() {
  return <PageHeader title="Settings" />;
}

import type { Me } from "../../api/types";
import { PageHeader } from "../../ui/Page";

export default function Dashboard({ me }: { me: Me }) {
  return <PageHeader title="Dashboard" description={me.name} />;
}

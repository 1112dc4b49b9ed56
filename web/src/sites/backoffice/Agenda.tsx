import type { Me } from "../../api/types";
import { PageHeader } from "../../ui/Page";

export default function Agenda({ me }: { me: Me }) {
  return <PageHeader title="Agenda" description={me.name} />;
}

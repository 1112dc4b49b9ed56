import type { Me } from "../../api/types";
import { Shell } from "../../app/Shell";
import { PageHeader } from "../../ui/Page";

export default function BackOffice({ me }: { me: Me }) {
  return <Shell me={me} nav={[{ to: "/", label: "Dashboard", icon: "home", end: true }]}><PageHeader title="Dashboard" /></Shell>;
}

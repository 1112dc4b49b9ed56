import type { Me } from "../../api/types";

export default function BookingSite({ me }: { me: Me | null }) {
  return <main className="p-6">Booking {me?.email}</main>;
}

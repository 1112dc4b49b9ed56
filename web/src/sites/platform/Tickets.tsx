import { platformApi } from "../../api/platform";
import { PageHeader } from "../../ui/Page";
import { TicketsView, type TicketApi } from "../shared/TicketsView";

const api: TicketApi = {
  key: "platform-tickets",
  list: (status) => platformApi.tickets({ status }),
  messages: platformApi.ticketMessages,
  reply: (id, body, internal) => platformApi.replyTicket(id, { body, internal }),
  setStatus: (id, status) => platformApi.updateTicket(id, { status }),
  allowInternal: true,
};

export default function Tickets() {
  return (
    <div>
      <PageHeader title="Support" description="Tickets from businesses, newest activity first." />
      <TicketsView api={api} />
    </div>
  );
}

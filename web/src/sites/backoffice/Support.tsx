import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ticketsApi } from "../../api/business";
import { errorMessage } from "../../api/client";
import type { TicketPriority } from "../../api/types";
import { Dialog } from "../../ui/Dialog";
import { Alert } from "../../ui/feedback";
import { SelectField, TextArea, TextField } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { PageHeader } from "../../ui/Page";
import { useToast } from "../../ui/Toast";
import { TicketsView, type TicketApi } from "../shared/TicketsView";

const api: TicketApi = {
  key: "tickets",
  list: (status) => ticketsApi.list({ status }),
  messages: ticketsApi.messages,
  reply: (id, body) => ticketsApi.reply(id, body),
};

export default function Support() {
  const [open, setOpen] = useState(false);
  const newBtn = <button type="button" className="btn-primary" onClick={() => setOpen(true)}><Icon name="plus" /> New ticket</button>;
  return (
    <div>
      <PageHeader title="Support" description="Talk to the SmoothSchedule team." actions={newBtn} />
      <TicketsView api={api} emptyAction={newBtn} />
      <NewTicket open={open} onClose={() => setOpen(false)} />
    </div>
  );
}

function NewTicket({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const toast = useToast();
  const [f, setF] = useState({ subject: "", body: "", priority: "MEDIUM" as TicketPriority });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const create = useMutation({
    mutationFn: () => ticketsApi.create({ subject: f.subject.trim(), description: f.body.trim(), priority: f.priority }),
    onSuccess: () => { toast("Ticket sent. We'll reply by email too."); setF({ subject: "", body: "", priority: "MEDIUM" }); void qc.invalidateQueries({ queryKey: ["tickets"] }); onClose(); },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = { subject: f.subject.trim() ? undefined : "Add a short subject.", body: f.body.trim().length >= 10 ? undefined : "Describe the problem (at least 10 characters)." };
    setErrors(v);
    if (!v.subject && !v.body) create.mutate();
  };
  return (
    <Dialog open={open} onClose={onClose} title="New support ticket"
      footer={<><button type="button" className="btn-secondary" onClick={onClose}>Cancel</button><button type="submit" form="ticket-form" className="btn-primary" disabled={create.isPending}>Send</button></>}>
      <form id="ticket-form" onSubmit={submit} noValidate className="space-y-4">
        {create.isError && <Alert>{errorMessage(create.error)}</Alert>}
        <TextField label="Subject" value={f.subject} error={errors.subject} onChange={(e) => setF({ ...f, subject: e.target.value })} autoFocus />
        <SelectField label="Priority" value={f.priority} onChange={(e) => setF({ ...f, priority: e.target.value as TicketPriority })}>
          <option value="LOW">Low</option><option value="MEDIUM">Normal</option><option value="HIGH">High</option><option value="CRITICAL">Urgent — bookings are failing</option>
        </SelectField>
        <TextArea label="What's happening?" value={f.body} error={errors.body} onChange={(e) => setF({ ...f, body: e.target.value })} rows={6} />
      </form>
    </Dialog>
  );
}

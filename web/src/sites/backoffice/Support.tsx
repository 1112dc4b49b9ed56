import { useState } from "react";
import { z } from "zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ticketsApi } from "../../api/business";
import type { TicketPriority } from "../../api/types";
import { Dialog } from "../../ui/Dialog";
import { required } from "../../lib/validation";
import { SelectField, TextArea, TextField } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { PageHeader } from "../../ui/Page";
import { applyServerError, FormAlert, useAppForm } from "../../ui/form";
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

const ticketSchema = z.object({
  subject: required("Add a short subject."),
  body: z.string().trim().min(10, "Describe the problem (at least 10 characters)."),
  priority: z.custom<TicketPriority>(),
});

function NewTicket({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const toast = useToast();
  const form = useAppForm({ subject: "", body: "", priority: "MEDIUM" as TicketPriority }, ticketSchema);
  const { errors } = form.formState;
  const create = useMutation({
    mutationFn: (f: z.output<typeof ticketSchema>) => ticketsApi.create({ subject: f.subject, description: f.body, priority: f.priority }),
    onSuccess: () => { toast("Ticket sent. We'll reply by email too."); form.reset(); void qc.invalidateQueries({ queryKey: ["tickets"] }); onClose(); },
    onError: (e) => applyServerError(form, e, { rename: { description: "body" } }),
  });
  const submit = form.handleSubmit((v) => create.mutate(v));
  return (
    <Dialog open={open} onClose={onClose} title="New support ticket"
      footer={<><button type="button" className="btn-secondary" onClick={onClose}>Cancel</button><button type="submit" form="ticket-form" className="btn-primary" disabled={create.isPending}>Send</button></>}>
      <form id="ticket-form" onSubmit={submit} noValidate className="space-y-4">
        <FormAlert errors={errors} />
        <TextField label="Subject" {...form.register("subject")} error={errors.subject?.message} autoFocus />
        <SelectField label="Priority" {...form.register("priority")}>
          <option value="LOW">Low</option><option value="MEDIUM">Normal</option><option value="HIGH">High</option><option value="CRITICAL">Urgent — bookings are failing</option>
        </SelectField>
        <TextArea label="What's happening?" {...form.register("body")} error={errors.body?.message} rows={6} />
      </form>
    </Dialog>
  );
}

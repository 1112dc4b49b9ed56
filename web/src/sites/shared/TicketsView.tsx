import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorMessage, resultsOf, type Page } from "../../api/client";
import { TICKET_STATUSES, type Ticket, type TicketMessage, type TicketStatus } from "../../api/types";
import { relativeFromNow } from "../../lib/time";
import { cx } from "../../ui/cx";
import { Alert, Badge, EmptyState, ErrorState, SkeletonRows } from "../../ui/feedback";
import { Checkbox } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { useToast } from "../../ui/Toast";

const statusTone = { OPEN: "blue", IN_PROGRESS: "amber", RESOLVED: "green", CLOSED: "gray" } as const;
const prioTone = { LOW: "gray", MEDIUM: "gray", HIGH: "amber", CRITICAL: "red" } as const;

export interface TicketApi {
  key: string;
  list: (status: TicketStatus | "") => Promise<Page<Ticket>>;
  messages: (id: string) => Promise<Page<TicketMessage> | TicketMessage[]>;
  reply: (id: string, body: string, internal: boolean) => Promise<unknown>;
  setStatus?: (id: string, status: Ticket["status"]) => Promise<unknown>;
  allowInternal?: boolean;
}

/** Queue on the left, conversation on the right (stacked on phones). */
export function TicketsView({ api, emptyAction }: { api: TicketApi; emptyAction?: React.ReactNode }) {
  const [status, setStatus] = useState<TicketStatus | "">("OPEN");
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({ queryKey: [api.key, status], queryFn: () => api.list(status), refetchInterval: 30_000 });
  const tickets = list.data?.results ?? [];
  const current = tickets.find((t) => t.id === openId) ?? null;
  return (
    <div className="card grid min-h-[32rem] overflow-hidden md:grid-cols-[22rem_1fr]">
      <div className={cx("border-line md:border-r", current && "hidden md:block")}>
        <div className="flex gap-1 overflow-x-auto border-b border-line p-2" role="tablist" aria-label="Ticket status">
          {[...TICKET_STATUSES, "" as const].map((s) => (
            <button key={s || "all"} type="button" role="tab" aria-selected={status === s} onClick={() => setStatus(s)}
              className={cx("whitespace-nowrap rounded-md px-2.5 py-1 text-xs font-medium", status === s ? "bg-brand/10 text-brand" : "text-muted hover:text-fg")}>{s ? s[0] + s.slice(1).toLowerCase().replace("_", " ") : "All"}</button>
          ))}
        </div>
        {list.isLoading ? <SkeletonRows rows={5} /> : list.isError ? <ErrorState error={list.error} onRetry={() => list.refetch()} />
          : !tickets.length ? <EmptyState icon="life" title="Inbox zero" action={emptyAction}>No tickets here.</EmptyState> : (
            <ul className="divide-y divide-line">
              {tickets.map((t) => (
                <li key={t.id}>
                  <button type="button" onClick={() => setOpenId(t.id)} aria-current={t.id === openId}
                    className={cx("w-full px-4 py-3 text-left hover:bg-surface-2", t.id === openId && "bg-brand/5")}>
                    <div className="flex items-center justify-between gap-2">
                      <p className="truncate text-sm font-medium">{t.subject}</p>
                      <span className="shrink-0 text-xs text-muted">{relativeFromNow(Date.parse(t.updatedAt ?? t.createdAt))}</span>
                    </div>
                    <p className="mt-0.5 truncate text-xs text-muted">{t.requesterName ?? t.requesterEmail}{t.businessName ? ` · ${t.businessName}` : ""}</p>
                    <div className="mt-1.5 flex gap-1.5">
                      <Badge tone={statusTone[t.status] ?? "gray"}>{t.status.toLowerCase().replace("_", " ")}</Badge>
                      {t.priority && t.priority !== "MEDIUM" && <Badge tone={prioTone[t.priority]}>{t.priority.toLowerCase()}</Badge>}
                    </div>
                  </button>
                </li>
              ))}
            </ul>
          )}
      </div>
      <div className={cx(!current && "hidden md:block")}>
        {current ? <Conversation api={api} ticket={current} onBack={() => setOpenId(null)} />
          : <EmptyState icon="mail" title="Select a ticket">Pick a conversation from the queue.</EmptyState>}
      </div>
    </div>
  );
}

function Conversation({ api, ticket, onBack }: { api: TicketApi; ticket: Ticket; onBack: () => void }) {
  const qc = useQueryClient();
  const toast = useToast();
  const msgs = useQuery({ queryKey: [api.key, "messages", ticket.id], queryFn: () => api.messages(ticket.id), select: (v) => resultsOf<TicketMessage>(v), refetchInterval: 15_000 });
  const [body, setBody] = useState("");
  const [internal, setInternal] = useState(false);
  const send = useMutation({
    mutationFn: () => api.reply(ticket.id, body.trim(), internal),
    onSuccess: () => { setBody(""); void qc.invalidateQueries({ queryKey: [api.key] }); },
  });
  const setStatus = useMutation({
    mutationFn: (s: Ticket["status"]) => api.setStatus!(ticket.id, s),
    onSuccess: () => { toast("Ticket updated."); void qc.invalidateQueries({ queryKey: [api.key] }); },
    onError: (e) => toast(errorMessage(e), "error"),
  });
  const submit = (e: FormEvent) => { e.preventDefault(); if (body.trim()) send.mutate(); };
  return (
    <section aria-label={`Ticket: ${ticket.subject}`} className="flex h-full flex-col">
      <header className="flex flex-wrap items-center gap-2 border-b border-line px-4 py-3">
        <button type="button" className="btn-ghost p-1.5 md:hidden" onClick={onBack} aria-label="Back to queue"><Icon name="chevronLeft" /></button>
        <div className="min-w-0 flex-1">
          <h2 className="truncate font-semibold">{ticket.subject}</h2>
          <p className="text-xs text-muted">{ticket.requesterEmail}{ticket.businessName ? ` · ${ticket.businessName}` : ""}</p>
        </div>
        {api.setStatus && (
          <select aria-label="Ticket status" className="input w-auto py-1" value={ticket.status} onChange={(e) => setStatus.mutate(e.target.value as Ticket["status"])}>
            {["OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED"].map((s) => <option key={s} value={s}>{s[0] + s.slice(1).toLowerCase().replace("_", " ")}</option>)}
          </select>
        )}
      </header>
      <ol className="flex-1 space-y-3 overflow-y-auto p-4" aria-live="polite">
        {msgs.isLoading ? <SkeletonRows rows={3} /> : msgs.isError ? <ErrorState error={msgs.error} /> : (msgs.data ?? []).map((m) => (
          <li key={m.id} className={cx("max-w-[85%] rounded-xl px-3.5 py-2.5 text-sm", m.internal ? "border border-dashed border-amber-400 bg-amber-50 dark:bg-amber-950/30" : "bg-surface-2")}>
            <p className="mb-1 text-xs text-muted"><strong className="text-fg">{m.authorName}</strong> · {relativeFromNow(Date.parse(m.createdAt))}{m.internal ? " · internal note" : ""}</p>
            <p className="whitespace-pre-wrap">{m.body}</p>
          </li>
        ))}
      </ol>
      <form onSubmit={submit} className="space-y-2 border-t border-line p-3">
        {send.isError && <Alert>{errorMessage(send.error)}</Alert>}
        <label htmlFor="reply" className="sr-only">Reply</label>
        <textarea id="reply" className="input min-h-20" placeholder={internal ? "Internal note (not visible to the customer)" : "Write a reply…"} value={body} onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => { if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) submit(e); }} />
        <div className="flex items-center justify-between">
          {api.allowInternal ? <Checkbox label="Internal note" checked={internal} onChange={(e) => setInternal(e.target.checked)} /> : <span />}
          <button type="submit" className="btn-primary" disabled={!body.trim() || send.isPending}>{send.isPending ? "Sending…" : "Send"}</button>
        </div>
      </form>
    </section>
  );
}

import { useState, type FormEvent } from "react";
import { authApi } from "../../api/auth";
import { ApiError, errorMessage } from "../../api/client";
import { Dialog } from "../../ui/Dialog";
import { Alert } from "../../ui/feedback";
import { TextArea } from "../../ui/Field";

/** Ask for a reason (recorded in the audit log), then hop to the target's host. */
export function MasqueradeDialog({ target, onClose }: { target: { id: string; email: string; name?: string | null } | null; onClose: () => void }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 5) { setFieldError("Say briefly why (at least 5 characters); it goes in the audit log."); return; }
    setFieldError(undefined);
    setBusy(true);
    setError(null);
    try {
      const r = await authApi.masquerade(target!.id, reason.trim());
      window.location.assign(r.redirectUrl);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 403 ? `Not allowed: ${err.message}` : errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <Dialog open={!!target} onClose={onClose} size="sm" title={`Masquerade as ${target?.name || target?.email || ""}`}
      description="You'll act as this user on their business's site until you stop or the session expires."
      footer={<>
        <button type="button" className="btn-secondary" onClick={onClose}>Cancel</button>
        <button type="submit" form="masq-form" className="btn-primary" disabled={busy}>{busy ? "Starting…" : "Start masquerade"}</button>
      </>}>
      <form id="masq-form" onSubmit={submit} noValidate className="space-y-3">
        {error && <Alert>{error}</Alert>}
        <TextArea label="Reason" value={reason} error={fieldError} onChange={(e) => setReason(e.target.value)} placeholder="Support ticket #1234: owner can't see Friday's bookings" autoFocus />
      </form>
    </Dialog>
  );
}

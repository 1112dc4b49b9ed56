import { Spinner } from "../ui/feedback";

export function FullPageLoader({ label = "Loading" }: { label?: string }) {
  return (
    <div role="status" className="grid min-h-dvh place-items-center text-muted">
      <div className="flex items-center gap-3 text-sm"><Spinner className="h-5 w-5" /> {label}…</div>
    </div>
  );
}

export function PageLoader() {
  return (
    <div role="status" aria-label="Loading page" className="space-y-4">
      <div className="skeleton h-8 w-56" />
      <div className="skeleton h-4 w-80" />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => <div key={i} className="skeleton h-28" />)}
      </div>
      <div className="skeleton h-72" />
    </div>
  );
}

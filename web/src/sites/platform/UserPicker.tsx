import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { errorMessage } from "../../api/client";
import { platformApi } from "../../api/platform";
import type { PlatformUser } from "../../api/types";
import { useDebounced } from "../../lib/useDebounced";
import { cx } from "../../ui/cx";
import { Spinner, titleCase } from "../../ui/feedback";
import { Icon } from "../../ui/Icon";

/** A chosen user: from the search (`user` set) or, where allowed, an ID pasted as is. */
export interface PickedUser { id: string; label: string; user?: PlatformUser }

export const pickUser = (u: PlatformUser): PickedUser => ({ id: u.id, label: u.name ? `${u.name} (${u.email})` : u.email, user: u });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE = 8;

type Option = { kind: "user"; user: PlatformUser } | { kind: "id"; id: string };

/**
 * A combobox (WAI-ARIA 1.2, list autocomplete) that searches the platform's
 * users (`GET /api/platform/users/?search=`) as one types. Arrow keys move
 * through the matches (ArrowDown or a click also opens the list; focus alone does not), Enter chooses, Escape closes the list (and, when it is
 * closed, clears the text) without closing the dialog around it.
 * `allowId` also offers a pasted UUID as is (an audit target need not be a user).
 */
export function UserPicker({ label, value, onChange, error, hint, placeholder, hideLabel, allowId, className, autoFocus }: {
  label: string; value: PickedUser | null; onChange: (v: PickedUser | null) => void; error?: string | undefined; hint?: ReactNode;
  placeholder?: string; hideLabel?: boolean; allowId?: boolean; className?: string; autoFocus?: boolean;
}) {
  const base = useId();
  const inputId = `${base}-input`, listId = `${base}-list`, optId = (i: number) => `${base}-opt-${i}`;
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listRef = useRef<HTMLUListElement>(null);
  const q = useDebounced(text.trim(), 200);
  const search = useQuery({
    queryKey: ["user-picker", q], queryFn: () => platformApi.users({ search: q, page_size: PAGE }),
    enabled: open, placeholderData: keepPreviousData, staleTime: 15_000,
  });
  const users = search.data?.results ?? [];
  const rawId = allowId && UUID.test(text.trim()) ? text.trim() : null;
  const options: Option[] = [...(rawId ? [{ kind: "id", id: rawId } as const] : []), ...users.map((user) => ({ kind: "user", user }) as const)];
  // Results of an earlier text stay on screen (dimmed) while the new search runs: a click may take
  // one (it is seen), Enter may not (it would take a match of the old text).
  const stale = q !== text.trim() || search.isPlaceholderData || (search.isFetching && !search.data);
  // Typing makes the first match the one Enter takes; the arrow keys move from there.
  const current = stale ? -1 : active === -1 && text.trim() ? 0 : active;
  const shown = value ? value.label : text;

  const choose = (o: Option) => {
    onChange(o.kind === "user" ? pickUser(o.user) : { id: o.id, label: `ID ${o.id}` });
    setText("");
    setOpen(false);
    setActive(-1);
  };
  const move = (to: number) => {
    if (stale || !options.length) return;
    const i = (to + options.length) % options.length;
    setActive(i);
    listRef.current?.querySelector(`#${CSS.escape(optId(i))}`)?.scrollIntoView({ block: "nearest" });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) { setOpen(true); setActive(e.key === "ArrowDown" ? 0 : options.length - 1); return; }
      move(e.key === "ArrowDown" ? current + 1 : current - 1);
    } else if (e.key === "Enter") {
      if (!open) return;
      e.preventDefault(); // never submits the form from an open list
      const o = options[current];
      if (o) choose(o);
    } else if (e.key === "Escape") {
      // Keep the dialog around the picker open: Escape belongs to the list first.
      if (open) { e.preventDefault(); e.stopPropagation(); setOpen(false); setActive(-1); }
      else if (value || text) { e.preventDefault(); e.stopPropagation(); onChange(null); setText(""); }
    } else if (e.key === "Tab") {
      setOpen(false);
    }
  };

  const status = !open ? "" : search.isError ? errorMessage(search.error)
    : stale ? "Searching…"
    : !options.length ? (q ? `No users match “${q}”.` : "No users yet.")
    : `${users.length}${search.data && search.data.count > users.length ? ` of ${search.data.count}` : ""} ${users.length === 1 ? "user" : "users"} found; use the arrow keys to choose.`;
  const described = [error ? `${inputId}-err` : hint ? `${inputId}-hint` : ""].filter(Boolean).join(" ") || undefined;

  return (
    <div className={className}>
      <label htmlFor={inputId} className={hideLabel ? "sr-only" : "label"}>{label}</label>
      <div className="relative">
        <Icon name="search" className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-muted" />
        <input id={inputId} type="text" role="combobox" autoComplete="off" spellCheck={false} autoFocus={autoFocus}
          aria-expanded={open} aria-controls={listId} aria-autocomplete="list" aria-haspopup="listbox"
          aria-activedescendant={open && current >= 0 && current < options.length ? optId(current) : undefined}
          aria-invalid={error ? true : undefined} aria-describedby={described}
          className={cx("input pl-9", value && "pr-9")} placeholder={placeholder ?? "Search by name or email"} value={shown} title={value?.label}
          onChange={(e) => { if (value) onChange(null); setText(e.target.value); setOpen(true); setActive(-1); }}
          onClick={() => { if (!value) setOpen(true); }}
          onBlur={() => { setOpen(false); setActive(-1); }}
          onKeyDown={onKeyDown} />
        {value && (
          <button type="button" className="btn-ghost absolute right-1 top-1/2 -translate-y-1/2 p-1.5" aria-label={`Clear ${label.toLowerCase()}`}
            onClick={() => { onChange(null); setText(""); document.getElementById(inputId)?.focus(); }}>
            <Icon name="x" className="h-4 w-4" />
          </button>
        )}
        <div hidden={!open} className="absolute inset-x-0 top-full z-30 mt-1 overflow-hidden rounded-lg border border-line bg-surface shadow-lg ring-1 ring-black/5 dark:ring-white/5">
          <ul ref={listRef} id={listId} role="listbox" aria-label={label} aria-busy={stale} className={cx("max-h-64 overflow-y-auto py-1", stale && "opacity-60")}>
            {open && options.map((o, i) => (
              <li key={o.kind === "user" ? o.user.id : "raw"} id={optId(i)} role="option" aria-selected={i === current}
                onMouseDown={(e) => e.preventDefault()} onMouseMove={() => !stale && current !== i && setActive(i)} onClick={() => choose(o)}
                className={cx("flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-surface-2", i === current && "bg-surface-2")}>
                {o.kind === "id" ? (
                  <span className="min-w-0 flex-1 truncate">Use the ID <code className="font-mono text-xs">{o.id}</code></span>
                ) : (<>
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">{o.user.name || o.user.email}</span>
                    {o.user.name && <span className="block truncate text-xs text-muted">{o.user.email}</span>}
                  </span>
                  <span className="shrink-0 text-right text-xs text-muted">
                    <span className="block">{titleCase(o.user.role)}</span>
                    <span className="block">{o.user.businessName ?? (o.user.businessId ? "" : "Platform")}{o.user.status === "disabled" ? " · disabled" : ""}</span>
                  </span>
                </>)}
              </li>
            ))}
          </ul>
          {(!options.length || search.isError) && (
            <p className="flex items-center gap-2 px-3 py-2.5 text-sm text-muted">{stale && !search.isError && <Spinner />}{status}</p>
          )}
        </div>
        <span className="sr-only" role="status" aria-live="polite">{status}</span>
      </div>
      {error ? <p id={`${inputId}-err`} className="mt-1 text-sm text-red-600 dark:text-red-400">{error}</p>
        : hint ? <p id={`${inputId}-hint`} className="mt-1 text-xs text-muted">{hint}</p> : null}
    </div>
  );
}

/**
 * The users behind a list of IDs (grants name users only by ID), each fetched
 * once (`GET /api/platform/users/{id}/`) and cached; unknown or still loading
 * IDs are absent from the map.
 */
export function useUsersById(ids: string[]): Map<string, PlatformUser> {
  const unique = [...new Set(ids.filter(Boolean))];
  const results = useQueries({
    queries: unique.map((id) => ({ queryKey: ["platform-user", id], queryFn: () => platformApi.user(id), staleTime: 5 * 60_000, retry: false })),
  });
  const m = new Map<string, PlatformUser>();
  results.forEach((r, i) => { if (r.data) m.set(unique[i]!, r.data); });
  return m;
}

/** "Name" with the e-mail below, or the bare e-mail; the ID while unknown. */
export function UserCell({ id, user }: { id: string; user: PlatformUser | undefined }) {
  if (!user) return <code className="text-xs text-muted" title={id}>{id.slice(0, 8)}…</code>;
  return <span className="font-medium" title={id}>{user.name || user.email}{user.name && <span className="block text-xs font-normal text-muted">{user.email}</span>}</span>;
}

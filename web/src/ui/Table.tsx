import type { ReactNode } from "react";
import { EmptyState, ErrorState, SkeletonRows } from "./feedback";
import type { IconName } from "./Icon";

export interface Column<T> { key: string; header: ReactNode; cell: (row: T) => ReactNode; className?: string; hideOnMobile?: boolean }

/** Accessible data table with loading, error and empty states; rows may be clickable. */
export function Table<T extends { id: string }>({ columns, rows, loading, error, onRetry, empty, onRowClick, caption, selectable }: {
  columns: Column<T>[]; rows: T[] | undefined; loading?: boolean; error?: unknown; onRetry?: () => void;
  empty: { icon?: IconName; title: string; body?: ReactNode; action?: ReactNode };
  onRowClick?: (row: T) => void; caption: string;
  selectable?: { selected: Set<string>; toggle: (id: string) => void; toggleAll: (ids: string[]) => void; can?: (row: T) => boolean };
}) {
  if (loading) return <SkeletonRows rows={6} />;
  if (error) return <ErrorState error={error} onRetry={onRetry} />;
  if (!rows?.length) return <EmptyState icon={empty.icon} title={empty.title} action={empty.action}>{empty.body}</EmptyState>;
  const selectableIds = selectable ? rows.filter((r) => selectable.can?.(r) ?? true).map((r) => r.id) : [];
  const allSelected = selectable && selectableIds.length > 0 && selectableIds.every((id) => selectable.selected.has(id));
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-line text-xs uppercase tracking-wide text-muted">
          <tr>
            {selectable && (
              <th scope="col" className="w-10 px-4 py-2.5">
                <input type="checkbox" aria-label="Select all" checked={!!allSelected} onChange={() => selectable.toggleAll(selectableIds)} className="h-4 w-4 accent-[var(--ss-brand)]" />
              </th>
            )}
            {columns.map((c) => <th key={c.key} scope="col" className={"whitespace-nowrap px-4 py-2.5 font-medium " + (c.hideOnMobile ? "hidden md:table-cell " : "") + (c.className ?? "")}>{c.header}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((r) => (
            <tr key={r.id} className={onRowClick ? "cursor-pointer hover:bg-surface-2" : ""} onClick={onRowClick ? () => onRowClick(r) : undefined}>
              {selectable && (
                <td className="px-4 py-3" onClick={(e) => e.stopPropagation()}>
                  {(selectable.can?.(r) ?? true) && <input type="checkbox" aria-label="Select row" checked={selectable.selected.has(r.id)} onChange={() => selectable.toggle(r.id)} className="h-4 w-4 accent-[var(--ss-brand)]" />}
                </td>
              )}
              {columns.map((c, i) => (
                <td key={c.key} className={"px-4 py-3 " + (c.hideOnMobile ? "hidden md:table-cell " : "") + (c.className ?? "")}>
                  {i === 0 && onRowClick ? (
                    <button type="button" className="text-left font-medium hover:underline" onClick={(e) => { e.stopPropagation(); onRowClick(r); }}>{c.cell(r)}</button>
                  ) : c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Pager({ page, count, pageSize, onPage }: { page: number; count: number; pageSize: number; onPage: (p: number) => void }) {
  const pages = Math.max(1, Math.ceil(count / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between border-t border-line px-4 py-2.5 text-sm text-muted">
      <span>Page {page} of {pages} · {count} total</span>
      <div className="flex gap-2">
        <button type="button" className="btn-secondary py-1" disabled={page <= 1} onClick={() => onPage(page - 1)}>Previous</button>
        <button type="button" className="btn-secondary py-1" disabled={page >= pages} onClick={() => onPage(page + 1)}>Next</button>
      </div>
    </nav>
  );
}

import { useEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";

/** What a change event of /ws/schedule says: which record, not its content. */
export interface ScheduleEvent {
  kind: "appointment" | "blocker";
  op: "INSERT" | "UPDATE" | "DELETE";
  id: string;
}

/** The query keys an event makes stale (prefixes of data.ts's qk keys). */
export function staleKeys(e: ScheduleEvent): string[][] {
  return e.kind === "blocker" ? [["blockers"]] : [["appointments"]];
}

/** Reconnect delay after `attempt` failures: 1 s doubling to 30 s, with jitter. */
export function reconnectDelay(attempt: number, random = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
  return Math.round(base * (0.75 + random() * 0.5));
}

/**
 * Subscribes to the business's live schedule changes and refetches what
 * they touch (debounced, so a burst refetches once). Polling in data.ts
 * stays as the fallback while the socket is down. Returns whether it is live.
 */
export function useLiveSchedule(): boolean {
  const qc = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    let ws: WebSocket | null = null;
    let attempt = 0;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let flush: ReturnType<typeof setTimeout> | undefined;
    const pending = new Map<string, string[]>();
    const connect = () => {
      const proto = location.protocol === "https:" ? "wss:" : "ws:";
      ws = new WebSocket(`${proto}//${location.host}/ws/schedule`);
      ws.onopen = () => {
        attempt = 0;
        setLive(true);
      };
      ws.onmessage = (msg) => {
        let e: ScheduleEvent;
        try {
          e = JSON.parse(String(msg.data)) as ScheduleEvent;
        } catch {
          return;
        }
        for (const k of staleKeys(e)) pending.set(k.join("/"), k);
        clearTimeout(flush);
        flush = setTimeout(() => {
          for (const k of pending.values()) void qc.invalidateQueries({ queryKey: k });
          pending.clear();
        }, 150);
      };
      ws.onclose = () => {
        setLive(false);
        if (!stopped) retry = setTimeout(connect, reconnectDelay(attempt++));
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      clearTimeout(flush);
      ws?.close();
    };
  }, [qc]);
  return live;
}

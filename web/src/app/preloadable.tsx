import { lazy, type ComponentType } from "react";

/**
 * React.lazy that can be loaded ahead of rendering. Once `preload()` has
 * resolved, the component renders synchronously: React never suspends on it,
 * so it skips React 19's Suspense reveal throttle (a fallback stays on screen
 * for at least ~300 ms once shown, which costs the booking page twice that
 * on every cold load).
 */
export function preloadable<P extends object>(factory: () => Promise<{ default: ComponentType<P> }>) {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<{ default: ComponentType<P> }> | null = null;
  const preload = () => (pending ??= factory().then((m) => { loaded = m.default; return m; }));
  const Lazy = lazy(preload);
  function Preloadable(props: P) {
    const C = loaded;
    return C ? <C {...props} /> : <Lazy {...props} />;
  }
  return Object.assign(Preloadable, { preload });
}

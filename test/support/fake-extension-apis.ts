/**
 * Fakes of the extension APIs WXT's fake browser leaves unimplemented (`permissions`,
 * `scripting`, the manifest, `setAccessLevel`), installed on `fakeBrowser` so code under test
 * calls them exactly as in the browser. Each keeps the state a browser would and records calls.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ManifestForAccess, RegisteredScript } from '../../lib/site-access/registration';

type Listener<T> = (value: T) => void;

/** The fake browser's objects as plain records, to put fakes where it has none. */
function writable(target: object): Record<string, unknown> {
  return target as Record<string, unknown>;
}

function event<T>() {
  const listeners: Listener<T>[] = [];
  return {
    addListener: (l: Listener<T>) => void listeners.push(l),
    removeListener: (l: Listener<T>) => {
      const i = listeners.indexOf(l);
      if (i >= 0) listeners.splice(i, 1);
    },
    hasListener: (l: Listener<T>) => listeners.includes(l),
    trigger: (value: T) => listeners.forEach((l) => l(value)),
  };
}

export interface FakePermissions {
  granted: Set<string>;
  /** Origins asked for through `request`, one list per call. */
  requests: string[][];
  /** What the (imagined) browser prompt answers. */
  answer: boolean;
}

/** Installs `permissions` with `initial` granted origins. */
export function installFakePermissions(initial: readonly string[] = []): FakePermissions {
  const state: FakePermissions = { granted: new Set(initial), requests: [], answer: true };
  const onAdded = event<{ origins: string[]; permissions: string[] }>();
  const onRemoved = event<{ origins: string[]; permissions: string[] }>();
  writable(fakeBrowser).permissions = {
    getAll: async () => ({ origins: [...state.granted], permissions: [] }),
    contains: async ({ origins = [] }: { origins?: string[] }) =>
      origins.every((o) => state.granted.has(o)),
    request: async ({ origins = [] }: { origins?: string[] }) => {
      state.requests.push(origins);
      if (!state.answer) return false;
      const added = origins.filter((o) => !state.granted.has(o));
      added.forEach((o) => state.granted.add(o));
      if (added.length > 0) onAdded.trigger({ origins: added, permissions: [] });
      return true;
    },
    remove: async ({ origins = [] }: { origins?: string[] }) => {
      const removed = origins.filter((o) => state.granted.delete(o));
      if (removed.length > 0) onRemoved.trigger({ origins: removed, permissions: [] });
      return removed.length > 0;
    },
    onAdded,
    onRemoved,
  };
  return state;
}

export interface FakeScripting {
  registered: Map<string, RegisteredScript>;
  executed: { tabId: number; files: string[] }[];
  insertedCss: { tabId: number; files: string[] }[];
}

/** Installs `scripting` (dynamic content scripts and injection). */
export function installFakeScripting(): FakeScripting {
  const state: FakeScripting = { registered: new Map(), executed: [], insertedCss: [] };
  writable(fakeBrowser).scripting = {
    getRegisteredContentScripts: async () => [...state.registered.values()].map((r) => ({ ...r })),
    registerContentScripts: async (scripts: RegisteredScript[]) => {
      for (const s of scripts) {
        if (state.registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      }
      for (const s of scripts) state.registered.set(s.id, { ...s });
    },
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
      for (const id of ids) state.registered.delete(id);
    },
    executeScript: async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
      state.executed.push({ tabId: target.tabId, files });
      return [];
    },
    insertCSS: async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
      state.insertedCss.push({ tabId: target.tabId, files });
    },
  };
  return state;
}

/** Makes `runtime.getManifest()` return `manifest` (version 0.1.0). */
export function installManifest(manifest: ManifestForAccess): void {
  writable(fakeBrowser.runtime).getManifest = () => ({
    manifest_version: 3,
    name: 'R2K Lens',
    version: '0.1.0',
    ...manifest,
  });
}

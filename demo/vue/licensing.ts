// The Vue app's logic, kept out of App.vue so tsc checks it: the adapters and what the host says
// when the typed events arrive. Each example starts from the built-in demo data, in memory.
import { ref, type Ref } from 'vue';
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { idleText, pendingText, savedText } from '../framework-host.js';

// Two backends, so the two examples do not share a draft. They stay plain objects, not ref() or
// reactive(): a proxy is another object than the adapter the rest of the host holds (so
// `sharedStoreWithRules(adapter)` would find another store), and Vue would track every write inside it.
export const pageAdapter = new MemoryAdapter();
export const cardAdapter = new MemoryAdapter();

/** The host's line about one example, and the listeners that keep it up to date. */
export interface HostStatus {
  status: Ref<string>;
  onChange: (event: HTMLElementEventMap['licence-change']) => void;
  onCommit: (event: HTMLElementEventMap['licence-commit']) => void;
}

export function hostStatus(): HostStatus {
  const status = ref(idleText);
  return {
    status,
    onChange: (event) => (status.value = pendingText(event.detail.draft)),
    onCommit: (event) => (status.value = savedText(event.detail.snapshot.version)),
  };
}

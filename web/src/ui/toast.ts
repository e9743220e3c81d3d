import { ApiError } from '../api/http';
import { h } from './dom';

/** Shows an error in words for a few seconds (and keeps it in the accessible alert region). */
export function showError(error: unknown): void {
  const message =
    error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error ?? 'Error');
  toast(message, 'error');
}

export function toast(message: string, kind: 'error' | 'info' = 'info'): void {
  const host = document.getElementById('toasts');
  if (!host) return;
  const item = h('div', { class: `toast ${kind}` }, message);
  host.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 8000 : 3000);
}

import { ApiError } from '../api/http';
import { h } from './dom';

/**
 * A modal form in a native <dialog> (focus trapped, Escape closes). `submit` runs on OK; an ApiError it throws is
 * shown in the dialog, beside the field the server named when it named one, and the dialog stays open.
 */
export function formDialog(
  title: string,
  fields: HTMLElement[],
  submit: (form: HTMLFormElement) => Promise<void>,
  okLabel = 'Save',
): HTMLDialogElement {
  const error = h('p', { class: 'form-error', role: 'alert' });
  const form = h(
    'form',
    { method: 'dialog', class: 'dialog-form' },
    h('h2', {}, title),
    ...fields,
    error,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, 'Cancel'),
      h('button', { type: 'submit' }, okLabel),
    ),
  );
  const dialog = h('dialog', { 'aria-label': title }, form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    form.querySelectorAll('.field-error').forEach((e) => e.remove());
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
    button.disabled = true;
    try {
      await submit(form);
      dialog.close();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const field = e instanceof ApiError && e.field ? fieldInput(form, e.field) : null;
      if (field) {
        field.after(h('span', { class: 'field-error', role: 'alert' }, message));
        field.focus();
      } else {
        error.textContent = message;
      }
    } finally {
      button.disabled = false;
    }
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

/** The input for a field the server named: `source_config.url` matches name="url" or name="source_config.url". */
function fieldInput(form: HTMLFormElement, field: string): HTMLElement | null {
  const candidates = [field, field.split('.').pop()!, field.replace(/^\/?source_config[./]/, '')];
  for (const name of candidates) {
    const input = form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
    if (input) return input;
  }
  return null;
}

export function labelled(label: string, input: HTMLElement, hint?: string): HTMLElement {
  return h('label', { class: 'field' }, h('span', {}, label), input, hint ? h('small', {}, hint) : null);
}

export function value(form: HTMLFormElement, name: string): string {
  const el = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  return el ? el.value.trim() : '';
}

export function checked(form: HTMLFormElement, name: string): boolean {
  const el = form.elements.namedItem(name) as HTMLInputElement | null;
  return !!el?.checked;
}

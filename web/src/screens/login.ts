import { signIn } from '../api/auth';
import { navigate, type Screen } from '../router';
import { labelled } from '../ui/dialog';
import { clear, h } from '../ui/dom';

export function loginScreen(app: HTMLElement): Screen {
  const error = h('p', { class: 'form-error', role: 'alert' });
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const button = h('button', { type: 'submit' }, 'Sign in');
  const form = h(
    'form',
    { class: 'card narrow', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Sign in to Tessera'),
    labelled('Email', email),
    labelled('Password', password),
    error,
    button,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    button.disabled = true;
    try {
      await signIn(email.value.trim(), password.value);
      const next = new URLSearchParams(location.search).get('next');
      navigate(next && next.startsWith('/') ? next : '/maps');
    } catch (e) {
      error.textContent = (e as Error).message;
      password.select();
    } finally {
      button.disabled = false;
    }
  });
  clear(app, form);
  email.focus();
  return {};
}

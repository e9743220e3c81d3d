import { json, setToken, token } from './http';
import type { User } from './types';

let current: Promise<User | null> | null = null;

export async function signIn(email: string, password: string): Promise<void> {
  const answer = await json<{ token: string }>('/api/auth/login', { method: 'POST', body: { email, password } });
  setToken(answer.token);
  current = null;
}

export function signOut(): void {
  setToken(null);
  current = null;
}

/** The signed-in user, or null (anonymous, or a token the server no longer accepts). */
export function me(): Promise<User | null> {
  if (!token()) return Promise.resolve(null);
  current ??= json<User>('/api/users/me').catch(() => {
    setToken(null);
    return null;
  });
  return current;
}

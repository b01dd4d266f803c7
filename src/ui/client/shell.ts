import { api, ApiFailure, session } from './api.js';
import { byId } from './dom.js';
import type { Me } from './types.js';

/**
 * Sign-in and the header every page shares. Resolves with the signed-in key once one works; a key
 * the server refuses is forgotten and the form shown again with the server's reason.
 */
export async function signIn(): Promise<Me> {
  const form = byId<HTMLFormElement>('signin-form');
  const input = byId<HTMLInputElement>('key');
  const error = byId('signin-error');
  byId('sign-out').addEventListener('click', () => {
    session.clear();
    location.reload();
  });

  const saved = session.key();
  if (saved) {
    try {
      return show(await api<Me>('/v1/me'));
    } catch (e) {
      session.clear();
      error.textContent = e instanceof ApiFailure && e.status === 401 ? `Signed out: ${e.message}` : `Could not check the key: ${(e as Error).message}`;
    }
  }
  byId('signin').hidden = false;
  input.focus();
  return new Promise<Me>((resolve) => {
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const key = input.value.trim();
      if (!key) {
        error.textContent = 'Enter an API key.';
        input.focus();
        return;
      }
      error.textContent = '';
      try {
        const me = await api<Me>('/v1/me', { key });
        session.set(key);
        input.value = '';
        byId('signin').hidden = true;
        resolve(show(me));
      } catch (e) {
        error.textContent = e instanceof ApiFailure && e.status === 401 ? `That key was not accepted: ${e.message}` : `Sign-in failed: ${(e as Error).message}`;
        input.select();
      }
    });
  });
}

function show(me: Me): Me {
  byId('who-text').textContent = `${me.name} · role: ${me.role}`;
  byId('who').hidden = false;
  return me;
}

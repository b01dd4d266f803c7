import { announce } from './dom.js';
import { reviewPage } from './review.js';
import { signIn } from './shell.js';
import { threadPage } from './thread.js';

async function main(): Promise<void> {
  const me = await signIn();
  if (document.body.dataset.page === 'thread') await threadPage(me);
  else await reviewPage(me);
}

main().catch((e: unknown) => announce(`Something went wrong: ${(e as Error).message}`, 'error'));

/** Polls `check` every `pollMs` until it holds; fails naming `what` once `timeoutMs` has passed. */
export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string, pollMs = 50) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/**
 * A promise the test resolves when it chooses: a fake holds its answer on `held` while the test
 * checks what the page shows in the meantime, then calls `release`.
 */
export function hold(): { held: Promise<void>; release: () => void } {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { held, release };
}

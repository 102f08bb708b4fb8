// The pass/fail bookkeeping of the Chromium-only scripts (tests/e2e/chromium-*.mjs): each check
// is a named async function that fails by throwing; the script ends with "N passed, N failed"
// and exits 1 on any failure.

/**
 * A runner whose lines start with `[tag]`. `only`, when given, runs just the checks whose name
 * contains it.
 */
export function checkRunner(tag, { only = '' } = {}) {
  let passed = 0;
  let failed = 0;
  async function check(name, fn) {
    if (only && !name.includes(only)) return;
    const t0 = Date.now();
    try {
      await fn();
      passed++;
      console.log(`[${tag}] PASS ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (e) {
      failed++;
      console.log(`[${tag}] FAIL ${name}: ${e?.message ?? e}`);
    }
  }
  const fail = (msg) => { throw new Error(msg); };
  /** Prints the summary line and exits with the script's status. */
  const finish = () => {
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  };
  return { check, fail, finish };
}

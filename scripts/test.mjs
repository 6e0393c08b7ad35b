// `npm test`: build, lint (layering included), typecheck, security scan, then the unit, integration
// and e2e suites in that order. Integration and e2e bring the real test cluster up themselves
// (test-cluster/vitest-global-setup.ts). Prints each phase's time and one closing line with the totals.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const phases = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedPhase;

function run(name, cmd, args, { optional = false } = {}) {
  const t0 = Date.now();
  console.log(`\n[test] ── ${name} ──`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  phases.push(`${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${secs}s`);
  if (r.status !== 0 && !optional) failedPhase ??= name;
  return r.status === 0;
}

function vitest(project) {
  mkdirSync('test-results', { recursive: true });
  const out = `test-results/vitest-${project}.json`;
  rmSync(out, { force: true });
  run(`vitest ${project}`, 'vitest', ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += j.numPassedTests ?? 0;
    // A file that fails outside any test (a failing beforeAll) counts too.
    totals.failed += Math.max(j.numFailedTests ?? 0, j.numFailedTestSuites ?? 0);
    totals.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  }
}

const only = process.argv.slice(2);
const want = (p) => only.length === 0 || only.includes(p);

if (want('static')) {
  run('build', 'node', ['scripts/build.mjs']);
  run('lint', 'eslint', ['.']);
  run('typecheck', 'tsc', ['-p', 'tsconfig.json', '--noEmit']);
  if (existsSync('scripts/electronegativity.mjs')) run('electronegativity', 'node', ['scripts/electronegativity.mjs']);
}
if (want('unit')) vitest('unit');
if (want('integration')) vitest('integration');
if (want('e2e')) vitest('e2e');

console.log('\n[test] phases:\n  ' + phases.join('\n  '));
if (failedPhase) console.log(`[test] failed phase: ${failedPhase}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedPhase || totals.failed > 0 ? 1 : 0);

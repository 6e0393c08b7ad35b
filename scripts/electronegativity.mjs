// Runs doyensec's electronegativity (static checks for Electron misconfigurations) over the app's
// sources and fails on any medium or high severity finding that is not accepted, with a written
// justification, in scripts/electronegativity.config.json. Also fails if the scanner cannot parse a
// file, so nothing is skipped silently. Part of the test command (scripts/test.mjs); alone:
// `npm run electronegativity`.
//
// Offline by design: the scanner's CLI fetches translations and Electron's release list from GitHub
// at start; without network that request crashes it (a got/p-cancelable bug). Here its `got` is
// replaced by an immediate rejection, which it already handles ("No connectivity?"), and the Electron
// version comes from the installed package instead of detection.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { electronVersion, projectRoot } from './electronBinary.mjs';

const config = JSON.parse(readFileSync(join(projectRoot, 'scripts', 'electronegativity.config.json'), 'utf8'));
for (const d of config.disabledChecks) {
  if (!d.check || !d.justification) throw new Error(`disabledChecks entries need "check" and "justification": ${JSON.stringify(d)}`);
}
for (const a of config.acceptedFindings) {
  if (!a.check || !a.file || !a.line || !a.justification) throw new Error(`acceptedFindings entries need "check", "file", "line" and "justification": ${JSON.stringify(a)}`);
}

// Stage the sources (tests excluded: their strings are attack samples, not app code) so one scan sees
// the main process, the renderer's HTML (CSP) and the shared code together, as its global checks need.
const stage = mkdtempSync(join(tmpdir(), 'wheelhouse-electronegativity-'));
const isTest = (p) => /\.(test|int\.test|spec)\.[cm]?[jt]sx?$/.test(p);
for (const entry of config.scan) {
  cpSync(join(projectRoot, entry), join(stage, entry), { recursive: true, filter: (src) => !isTest(src) && !src.includes('node_modules') });
}
const countFiles = (dir) => readdirSync(dir).reduce((n, f) => {
  const p = join(dir, f);
  return n + (statSync(p).isDirectory() ? countFiles(p) : /\.(tsx?|jsx?|html?)$/.test(f) ? 1 : 0);
}, 0);
const scanned = countFiles(stage);

const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'got' && parent?.filename?.includes('electronegativity')) return () => Promise.reject(new Error('offline by design'));
  return originalLoad.call(this, request, parent, isMain);
};
const require = createRequire(join(projectRoot, 'package.json'));
const run = require('@doyensec/electronegativity');

const log = console.log;
console.log = () => {}; // the scanner's own chatter about translations and releases
let result;
try {
  result = await run({
    input: stage,
    isRelative: true,
    electronVersionOverride: electronVersion(),
    customScan: [],
    excludeFromScan: config.disabledChecks.map((d) => d.check.toLowerCase()),
    parserPlugins: [],
  }, false);
} finally {
  console.log = log;
  rmSync(stage, { recursive: true, force: true });
}

const lineOf = (file, line) => {
  try { return readFileSync(join(projectRoot, file), 'utf8').split('\n')[line - 1] ?? ''; } catch { return ''; }
};
const serious = [];
const accepted = [];
const minor = [];
for (const issue of result.issues) {
  const file = issue.file.startsWith(stage) ? relative(stage, issue.file) : issue.file;
  const where = `${file}:${issue.location.line}:${issue.location.column}`;
  const f = { id: issue.id, severity: issue.severity.name, confidence: issue.confidence.name, where, file, line: issue.location.line, description: issue.description };
  if (issue.severity.value < 2) { minor.push(f); continue; }
  const ok = config.acceptedFindings.find((a) => a.check === f.id && a.file === file && lineOf(file, f.line).includes(a.line));
  (ok ? accepted : serious).push({ ...f, justification: ok?.justification });
}
const parseErrors = result.errors.filter((e) => !e.tolerable);

console.log(`[electronegativity] ${result.globalChecks + result.atomicChecks} checks (${result.atomicChecks} atomic, ${result.globalChecks} global) over ${scanned} files of ${config.scan.join(', ')}; Electron ${electronVersion()}`);
for (const d of config.disabledChecks) console.log(`  disabled ${d.check}: ${d.justification}`);
for (const f of accepted) console.log(`  accepted ${f.id} (${f.severity}/${f.confidence}) at ${f.where}: ${f.justification}`);
for (const f of minor) console.log(`  note     ${f.id} (${f.severity}/${f.confidence}) at ${f.where}`);
for (const e of parseErrors) console.log(`  ERROR    could not parse ${relative(stage, e.file)}: ${e.message}`);
for (const f of serious) console.log(`  FINDING  ${f.id} (${f.severity}/${f.confidence}) at ${f.where}\n           ${f.description}`);
const stale = config.acceptedFindings.filter((a) => !accepted.some((f) => f.id === a.check && f.file === a.file));
for (const a of stale) console.log(`  stale    accepted ${a.check} in ${a.file} no longer matches a finding; remove it from the config`);

if (serious.length || parseErrors.length) {
  console.log(`[electronegativity] FAILED: ${serious.length} medium/high finding(s), ${parseErrors.length} unparsed file(s). Fix them, or justify in scripts/electronegativity.config.json.`);
  process.exit(1);
}
console.log(`[electronegativity] passed: no unaccepted medium or high findings (${accepted.length} accepted with justification, ${minor.length} low/informational).`);

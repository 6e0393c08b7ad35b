// The lint config's own test: the walls between rooms and around test kits hold, so a production file
// that imports a `testing/` module fails `npm run lint` while a test may import it.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleHits(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('eslint rooms', () => {
  it('production code never imports a test kit', async () => {
    const cases: [string, string][] = [
      ['shared/model/probe.ts', "import { demoObjects } from '../testing/topologyFixtures';\nexport const x = demoObjects;\n"],
      ['src-renderer/views/probe.ts', "import { pod } from '../testing/topologyTestObjects';\nexport const x = pod;\n"],
      ['src-main/core/probe.ts', "import { ADMIN } from '../testing/testCluster';\nexport const x = ADMIN;\n"],
      ['src-main/main.ts', "import { kubectl } from './testing/twinTestKit';\nexport const x = kubectl;\n"],
    ];
    for (const [file, code] of cases) {
      const hits = await ruleHits(file, code);
      expect(hits, file).toEqual([expect.stringMatching(/^no-restricted-imports: .*Test kits \(testing\/ folders\) are for tests only/)]);
    }
  }, 60_000);

  it('tests and other test kits may import a test kit', async () => {
    expect(await ruleHits('shared/topology/probe.test.ts', "import { demoObjects } from '../testing/topologyFixtures';\nexport const x = demoObjects;\n")).toEqual([]);
    expect(await ruleHits('src-main/core/probe.int.test.ts', "import { ADMIN } from '../testing/testCluster';\nexport const x = ADMIN;\n")).toEqual([]);
    expect(await ruleHits('src-main/testing/probe.ts', "import { ADMIN } from './testCluster';\nexport const x = ADMIN;\n")).toEqual([]);
  }, 60_000);

  it('the core never imports a transport; its tests may drive one', async () => {
    expect(await ruleHits('src-main/core/probe.ts', "import { ContractSession } from '../transport/contractSession';\nexport const x = ContractSession;\n"))
      .toEqual([expect.stringMatching(/^no-restricted-imports: .*never imports a transport/)]);
    expect(await ruleHits('src-main/core/probe.int.test.ts', "import { ContractSession } from '../transport/contractSession';\nexport const x = ContractSession;\n")).toEqual([]);
    expect(await ruleHits('src-main/core/probe.ts', "import { ADMIN } from '../testing/testCluster';\nexport const x = ADMIN;\n"))
      .toEqual([expect.stringMatching(/Test kits \(testing\/ folders\) are for tests only/)]);
  }, 60_000);

  it('shared/ sees neither window nor process; each side sees its own', async () => {
    expect(await ruleHits('shared/model/probe.ts', 'export const a = window.location;\nexport const b = process.env;\n'))
      .toEqual([expect.stringMatching(/^no-restricted-globals: Unexpected use of 'window'/), expect.stringMatching(/^no-restricted-globals: Unexpected use of 'process'/)]);
    expect(await ruleHits('shared/model/probe.ts', 'export const t = setTimeout;\nexport const e = new TextEncoder();\n')).toEqual([]);
    expect(await ruleHits('src-renderer/app/probe.ts', 'export const a = window.location;\n')).toEqual([]);
    expect(await ruleHits('src-main/core/probe.ts', 'export const b = process.env;\n')).toEqual([]);
  }, 60_000);
});

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { removeTempDirs, runCli, tempDir } from './cli.js';

const folder = (): Promise<string> => tempDir('sockfault-init-');
afterAll(removeTempDirs);

describe('sockfault init', () => {
  it('writes a starter that passes validate and run (CommonJS folder)', async () => {
    const dir = await folder();
    const init = await runCli(['init', dir]);
    expect(init.code).toBe(0);
    expect(await readFile(join(dir, 'server.js'), 'utf8')).toContain("require('node:net')");
    const validate = await runCli(['validate', join(dir, 'sockfault.yaml')]);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('(starter-ledger)');
    const run = await runCli(['run', join(dir, 'sockfault.yaml')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^PASS {2}starter-ledger {2}held/m);
  });

  it('writes an ES module server under a "type": "module" package, run from that folder', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'app', type: 'module' }));
    const init = await runCli(['init'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(await readFile(join(dir, 'server.js'), 'utf8')).toContain("import net from 'node:net'");
    const run = await runCli(['run', 'sockfault.yaml'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('PASS  starter-ledger');
  });

  it('refuses to overwrite (exit 2, nothing written) unless --force', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'server.js'), '// mine\n');
    const refused = await runCli(['init', dir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/server\.js already exists; nothing written \(use --force/);
    expect(await readFile(join(dir, 'server.js'), 'utf8')).toBe('// mine\n');
    await expect(readFile(join(dir, 'sockfault.yaml'))).rejects.toMatchObject({ code: 'ENOENT' });
    const forced = await runCli(['init', '--force', dir]);
    expect(forced.code).toBe(0);
    expect(await readFile(join(dir, 'server.js'), 'utf8')).toContain('createServer');
  });
});

describe('sockfault schema and validate', () => {
  it('schema prints the JSON Schema of scenario files', async () => {
    const result = await runCli(['schema']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as { properties: Record<string, unknown> };
    expect(schema.properties).toHaveProperty('target');
    expect(schema.properties).toHaveProperty('workload');
  });

  it('validate prints OK per file, or the error with file:line:col, and exits 2 on any invalid file', async () => {
    const ok = await runCli(['validate', 'scenarios/']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('OK    scenarios/ledger.yaml (ledger)');
    // The servers/ folder holds .js files, which are not scenarios.
    expect(ok.stdout).not.toContain('servers/');
    expect(ok.stdout).toMatch(/^(\d+) of \1 scenario files valid$/m);
    const bad = await runCli(['validate', 'scenarios/ledger.yaml', 'test/fixtures/cli/invalid.yaml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('ERROR test/fixtures/cli/invalid.yaml [ERR_SCENARIO_INVALID]');
    expect(bad.stderr).toContain('test/fixtures/cli/invalid.yaml:7:13: workload.messages');
  });
});

/**
 * Imports a user's module (scenario, workload, readback, module target) by path.
 * JavaScript loads with plain `import()`. TypeScript loads the same way where a loader is
 * already active (Jest's transform, `node --import tsx`); plain Node 20 refuses a `.ts`
 * file (ERR_UNKNOWN_FILE_EXTENSION), and then tsx's scoped `tsImport` loads it without
 * registering a loader for the whole process.
 */
import { pathToFileURL } from 'node:url';

const TYPESCRIPT = /\.(c|m)?tsx?$/;

export async function importModule(file: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(file).href;
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    if (!TYPESCRIPT.test(file) || (error as NodeJS.ErrnoException).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    const { tsImport } = await import('tsx/esm/api');
    return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
  }
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalEndpoint, type LocalEndpoint, type LocalEndpointOptions } from '@typestep/local';

/**
 * The local endpoint of `typestep local`, in this process, on a free port, with a fresh data
 * folder; `close()` stops it and removes the folder. (Shared with test/e2e/cli, which cannot
 * import @typestep/local itself.)
 */
export async function startEndpoint(options: Omit<LocalEndpointOptions, 'port' | 'dataDir'> = {}): Promise<LocalEndpoint> {
  const dataDir = await mkdtemp(join(tmpdir(), 'typestep-endpoint-'));
  const endpoint = await startLocalEndpoint({ port: 0, dataDir, ...options });
  return {
    url: endpoint.url,
    port: endpoint.port,
    close: async () => {
      await endpoint.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

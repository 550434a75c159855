import { startFauxqs } from 'fauxqs';

export type Fauxqs = Awaited<ReturnType<typeof startFauxqs>>;

/** fauxqs in this process (S3 and SNS on one endpoint), on a free port; with `spy`, SNS publishes are recorded. */
export function startS3AndSns(options: { readonly spy?: boolean } = {}): Promise<Fauxqs> {
  return startFauxqs({ port: 0, logger: false, host: '127.0.0.1', messageSpies: options.spy ?? false });
}

import { vi } from 'vitest';

/** Fake credentials: what the tests' AWS SDK and AWS CLI sign with. Never a real account's. */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIATYPESTEPTEST0001', secretAccessKey: 'typestep-test-secret-do-not-print' } as const;

/**
 * An AWS environment that is only the test's: fake credentials and region in the variables, no
 * profile, no shared config or credentials files, no instance metadata lookups. Undone by
 * `vi.unstubAllEnvs()`.
 */
export function stubAwsEnvironment(overrides: Record<string, string | undefined> = {}): void {
  const variables: Record<string, string | undefined> = {
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: undefined,
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PROFILE: undefined,
    AWS_CONFIG_FILE: '/nonexistent/typestep-test/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/typestep-test/credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
    AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
    AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
    ...overrides,
  };
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
}

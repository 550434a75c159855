import { defineConfig } from 'vitest/config';

// Tests run against the packages' TypeScript sources (the `typestep-source` export condition),
// so `pnpm test` needs no prior build.
export default defineConfig({
  resolve: { conditions: ['typestep-source'] },
  ssr: { resolve: { conditions: ['typestep-source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts'],
    typecheck: {
      enabled: true,
      include: ['packages/*/test/**/*.test-d.ts', 'test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    testTimeout: 30_000,
    // `typestep build` imports its bundles of the user's workflows natively, as in a real process
    // (vite would re-transform them and the stack positions would no longer match their source maps).
    server: { deps: { external: [/[\\/]typestep-build-[^\\/]+[\\/]/] } },
  },
});

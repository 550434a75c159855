#!/usr/bin/env node
// The `typestep` command. The CLI is compiled to dist/ by `pnpm build` (tsc -b packages/cli).
import '../dist/main.js';

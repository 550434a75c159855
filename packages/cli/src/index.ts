export { run } from './program.js';
export type { Io } from './io.js';
export { processIo } from './io.js';
export { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from './exit-codes.js';
export { CONFIG_FILE, CONVENTION, loadConfig, type ProjectConfig } from './config.js';

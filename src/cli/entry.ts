/**
 * The CLI as a process, straight from the sources (`node --import tsx src/cli/entry.ts …`): what the tests
 * spawn to kill an import for real. bin/vivier.js does the same from the build.
 */
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  // eslint-disable-next-line no-restricted-syntax -- handed to readEnv() through CliIo, as bin/vivier.js does
  env: process.env,
});

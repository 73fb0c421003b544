import { execFileSync } from 'node:child_process';

/** End-to-end tests run the compiled bot; build it once before any test starts. */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Writes a trained weights file, or with `--check` only says whether the committed one equals the retrain (exit code 1 when not). */
export function writeOrCheck(root: string, file: string, json: string, trainCommand: string): void {
  const target = `${root}${file}`;
  if (process.argv.includes('--check')) {
    const same = existsSync(target) && readFileSync(target, 'utf8') === json;
    console.log(same ? `${file} is up to date` : `${file} differs from a retrain: run ${trainCommand}`);
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(target, json);
    console.log(`wrote ${file}`);
  }
}

import { afterAll } from 'vitest';
import { removeFileLevelTempDirs } from '../helpers/temp-dir.js';

/** Every test file: temp folders its hooks made (through tests/helpers/temp-dir.ts) go after its last test. */
afterAll(removeFileLevelTempDirs);

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts', 'tests/web/browser-setup.ts'],
    setupFiles: ['tests/setup/remove-temp-dirs.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});

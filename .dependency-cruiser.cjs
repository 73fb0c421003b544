/**
 * The layering, checked by `npm test` (npm run lint:layers): adapters translate, commands decide,
 * core knows neither. See DESIGN.md, "The one idea".
 */
const FEATURES = '^(src/(promises|calm|knowledge)/|commands/)';
const ADAPTERS = '^src/adapters/';
const PLATFORM_SDKS = '(^|/)node_modules/(@slack/|discord\\.js|@discordjs/|@larksuiteoapi/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-feature',
      comment: 'src/core is the request/reply model, router and ports; features plug into it, never the other way.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: [FEATURES, ADAPTERS, '^src/store/', PLATFORM_SDKS] },
    },
    {
      name: 'commands-import-no-adapter',
      comment: 'Commands are platform-neutral: no adapter, no chat SDK.',
      severity: 'error',
      from: { path: '^commands/' },
      to: { path: [ADAPTERS, PLATFORM_SDKS] },
    },
    {
      name: 'features-import-no-adapter',
      comment: 'Promises, calm, knowledge and the store reach a platform only through core ports (Outbox).',
      severity: 'error',
      from: { path: '^src/(promises|calm|knowledge|store|text|privacy|i18n)/' },
      to: { path: [ADAPTERS, PLATFORM_SDKS] },
    },
    {
      name: 'i18n-below-core',
      comment: 'Messages and locales are a layer under core (core renders help and apologies with them); a cycle between the folders is how core ↔ i18n began.',
      severity: 'error',
      from: { path: '^src/i18n/' },
      to: { path: ['^src/core/', FEATURES, ADAPTERS] },
    },
    {
      name: 'store-below-features',
      comment: 'src/store holds generic durable files and the data-dir lock; a feature\'s own store lives with the feature.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: [FEATURES, ADAPTERS, '^src/core/'] },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};

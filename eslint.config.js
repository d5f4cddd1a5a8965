// @ts-check
/**
 * Lint that holds the boundaries (README "For developers"). Besides the recommended rules it forbids, with
 * core `no-restricted-imports` and one message per rule:
 * - relative imports that climb three or more levels, or that leave their unit (a server domain, shared/src,
 *   a web feature or top-level web folder): those use the aliases of package.json "imports" (#server/*,
 *   #shared/*, #web/*); `node scripts/dev/use-path-aliases.mjs` rewrites them;
 * - shared/ importing the server, the web or Node built-ins (it runs on both sides);
 * - the web importing the server or Node built-ins; a web feature importing another feature; web folders
 *   other than app/ (the router) importing a feature;
 * - a server domain reaching into another domain past its module and services (see `crossDomain`).
 * `no-restricted-imports` options do not merge between config objects, so each group of files below gets
 * its whole list at once.
 */
import reactHooks from 'eslint-plugin-react-hooks';
import js from '@eslint/js';
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS = '{ts,tsx,mts,cts}';
const dirs = (folder) =>
  readdirSync(new URL(folder, import.meta.url), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

/** @typedef {{ regex: string, message: string, allowTypeImports?: boolean }} Restriction */
/** @param {Restriction[]} patterns */
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const ALIASES = '#server/…, #shared/… or #web/… (package.json "imports"; node scripts/dev/use-path-aliases.mjs rewrites them)';

/** @type {Restriction[]} Everywhere. */
const everywhere = [
  { regex: '^(\\.\\./){3,}', message: `No ../../../ chains: import across folders with ${ALIASES}.` },
  { regex: '^\\.\\.?/(.*/)?(server|shared|web)/src(/|$)', message: `Import server/src, shared/src and web/src through ${ALIASES}.` },
];

/**
 * A relative import may not leave its unit: from a file `depth` folders below the unit, `depth` times `..`
 * already reaches out of it (deeper climbs are caught by the ../../../ rule).
 * @returns {Restriction[]}
 */
const stayInside = (depth, unit) =>
  depth >= 3 ? [] : [{ regex: `^(\\.\\./){${depth}}`, message: `A relative import stays inside ${unit}; reach other folders through ${ALIASES}.` }];

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace(/[/]/g, '\\/'));
/** @param {string} who */
const noNode = (who) => ({ regex: `^(node:|(${nodeBuiltins.join('|')})(/|$))`, message: `${who} runs in the browser: no Node built-ins.` });

// ---- server ------------------------------------------------------------------------------------------
/** Infrastructure every domain may use: guards and access checks, errors, configuration, database, jobs. */
const INFRASTRUCTURE = ['common', 'auth', 'config', 'database', 'jobs', 'openapi'];
const SERVER_DOMAINS = dirs('./server/src/');

/**
 * From server/src/<domain>/ another domain is reached only through its `*.module.js` and `*.service.js` (what
 * its module exports) or the infrastructure folders. Another domain's entity may be imported by an entity (a
 * TypeORM relation needs the class) and elsewhere only as `import type`. `allowed` lists documented
 * exceptions (regexes of the path after #server/).
 * @param {string} domain @param {{ entity: boolean, allowed: string[] }} options @returns {Restriction[]}
 */
function crossDomain(domain, { entity, allowed }) {
  const mine = [...[domain, ...INFRASTRUCTURE].map((folder) => `${folder}/`), ...allowed].join('|');
  const rule = `server domains reach each other only through a module or service (from server/src/${domain}/: #server/<domain>/….module.js or ….service.js, or ${INFRASTRUCTURE.join(', ')})`;
  return [
    { regex: '^#server/[^/]+$', message: 'The application root (app.module, main, data-source) puts the domains together; no domain imports it.' },
    { regex: `^#server/(?!(${mine}))(?!.*\\.(module|service|entity)\\.js$)`, message: `The ${rule}.` },
    ...(entity
      ? []
      : [
          {
            regex: `^#server/(?!(${mine})).*\\.entity\\.js$`,
            allowTypeImports: true,
            message: `Another domain's entity only as \`import type\` or from an entity (a relation): the ${rule}.`,
          },
        ]),
  ];
}

/**
 * Documented exceptions to `crossDomain`, per importing file. Each says why; the scope-lookup ones go when
 * issue 9's scope service replaces the pasted look-ups.
 * @type {{ files: string[], allowed: string[], why: string }[]}
 */
const SERVER_EXCEPTIONS = [
  {
    files: ['server/src/auth/auth.module.ts', 'server/src/auth/auth.service.ts'],
    allowed: ['org/users/user\\.(entity|repository)\\.js$'],
    why: 'signing in reads the users table of org: the login is infrastructure under every domain, org included',
  },
  {
    files: ['server/src/auth/scope.service.ts'],
    allowed: ['org/(agents/agent|projects/project|teams/team)\\.repository\\.js$', '(recordings/recording|evaluations/evaluation|sampling/sampling)\\.repository\\.js$'],
    why: "the scope service is the one place that looks a thing up by code or id and checks the caller's scope, for every domain",
  },
  {
    files: ['server/src/evaluations/evaluations.service.ts'],
    allowed: ['recordings/recording\\.repository\\.js$'],
    why: 'the type of the call the scope service answers, whose columns an evaluation copies (a type import only)',
  },
  {
    files: [
      'server/src/demo/demo.service.ts',
      'server/src/demo/demo-calls.service.ts',
      'server/src/demo/demo-follow-up.service.ts',
      'server/src/demo/demo-history.service.ts',
    ],
    allowed: ['org/(agents|projects|teams|users)/[a-z]+\\.(entity|repository)\\.js$', 'recordings/recording\\.repository\\.js$'],
    why: 'the demo centre seeds the organisation tables directly, once, on an empty database',
  },
  {
    files: ['server/src/demo/demo-audio.ts'],
    allowed: ['recordings/audio/sniff\\.js$'],
    why: 'synthesised calls are written in the WAV codecs the recordings domain reads (a type import only)',
  },
  {
    files: ['server/src/database/*.ts'],
    allowed: ['[a-z-]+/([a-z-]+/)?[a-z-]+\\.entity\\.js$', 'migrations/'],
    why: 'the database folder lists every entity and migration for TypeORM',
  },
];

/** @param {string} domain @param {number} depth @param {boolean} entity @param {string[]} allowed */
const serverPatterns = (domain, depth, entity, allowed = []) => [
  ...everywhere,
  { regex: '^#web/', message: 'The server does not import the web app.' },
  ...stayInside(depth, `server/src/${domain}`),
  ...crossDomain(domain, { entity, allowed }),
];

const DEPTHS = /** @type {const} */ ([
  [1, `*.${TS}`],
  [2, `*/*.${TS}`],
  [3, `*/*/**/*.${TS}`],
]);
const serverConfigs = SERVER_DOMAINS.flatMap((domain) =>
  DEPTHS.flatMap(([depth, glob]) => [
    {
      name: `boundaries/server/${domain}/${depth}`,
      files: [`server/src/${domain}/${glob}`],
      ignores: ['**/*.entity.ts'],
      rules: restrict(serverPatterns(domain, depth, false)),
    },
    {
      name: `boundaries/server/${domain}/${depth}/entities`,
      files: [`server/src/${domain}/${glob.replace(`.${TS}`, '.entity.ts')}`],
      rules: restrict(serverPatterns(domain, depth, true)),
    },
  ]),
);
const serverExceptionConfigs = SERVER_EXCEPTIONS.flatMap(({ files, allowed }) =>
  files.map((file) => {
    const [, , domain, ...rest] = file.split('/');
    return { name: `boundaries/server/exception/${file}`, files: [file], rules: restrict(serverPatterns(domain, rest.length, file.endsWith('.entity.ts'), allowed)) };
  }),
);

// ---- web ---------------------------------------------------------------------------------------------
const webEverywhere = [...everywhere, { regex: '^#server/', message: 'The web does not import the server: shared types and rules live in shared/.' }, noNode('The web')];
const FEATURES = dirs('./web/src/features/');
const WEB_FOLDERS = dirs('./web/src/').filter((d) => d !== 'features');

const featureConfigs = FEATURES.flatMap((feature) =>
  DEPTHS.map(([depth, glob]) => ({
    name: `boundaries/web/features/${feature}/${depth}`,
    files: [`web/src/features/${feature}/${glob}`],
    rules: restrict([
      ...webEverywhere,
      ...stayInside(depth, `web/src/features/${feature}`),
      {
        regex: `^#web/features/(?!${feature}/)`,
        message: 'A web feature imports no other feature: move what both need to web/src/components, lib or config, or to shared/.',
      },
    ]),
  })),
);
const webFolderConfigs = WEB_FOLDERS.flatMap((folder) =>
  DEPTHS.map(([depth, glob]) => ({
    name: `boundaries/web/${folder}/${depth}`,
    files: [`web/src/${folder}/${glob}`],
    rules: restrict([
      ...webEverywhere,
      ...stayInside(depth, `web/src/${folder}`),
      // app/ is the router: it alone puts the features together.
      ...(folder === 'app'
        ? []
        : [{ regex: '^#web/features/', message: `Only web/src/app (the router) imports features; web/src/${folder} serves every feature and imports none.` }]),
    ]),
  })),
);

export default defineConfig([
  globalIgnores(['dist/', 'coverage/', 'test/fixtures/']),
  {
    name: 'recommended',
    files: [`**/*.{${TS.slice(1, -1)},js,mjs}`],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: globals.node },
    rules: {
      // `_name` marks a value left out on purpose (a rest sibling dropped from an object, a callback's unused argument).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  { name: 'globals/web', files: ['web/src/**'], languageOptions: { globals: globals.browser } },
  // Hooks in the same order on every render: a hook after an early return crashed the call page on any load error.
  {
    name: 'react-hooks',
    files: ['web/src/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  { name: 'globals/shared', files: ['shared/src/**'], languageOptions: { globals: globals['shared-node-browser'] } },
  // Browser tests run functions inside the page.
  { name: 'globals/browser-tests', files: ['test/browser/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  {
    name: 'tests-and-bench',
    files: ['test/**', 'bench/**'],
    // Tests and benchmarks read untyped JSON answers and spoil payloads on purpose.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  // Boundaries. Files outside server/, shared/ and web/ (tests, bench, scripts, configs) only keep `everywhere`.
  { name: 'boundaries/everywhere', files: [`**/*.${TS}`, '**/*.{js,mjs}'], rules: restrict(everywhere) },
  {
    name: 'boundaries/shared',
    files: ['shared/src/**'],
    rules: restrict([...everywhere, { regex: '^#(server|web)/', message: 'shared/ is used by the server and the web alike and imports neither.' }, noNode('shared/')]),
  },
  {
    name: 'boundaries/server/root',
    files: [`server/src/*.${TS}`],
    rules: restrict([...everywhere, { regex: '^#web/', message: 'The server does not import the web app.' }]),
  },
  ...serverConfigs,
  ...serverExceptionConfigs,
  { name: 'boundaries/web/root', files: [`web/src/*.${TS}`], rules: restrict(webEverywhere) },
  ...webFolderConfigs,
  ...featureConfigs,
]);

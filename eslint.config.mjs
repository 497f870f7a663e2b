// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import importPlugin from 'eslint-plugin-import';

/**
 * The server's contexts, lowest first. A context may import only from itself and those listed before it
 * (the simulator and the app's root module sit on top). See "Code map" in the README.
 */
const CONTEXTS = ['platform', 'people', 'routing', 'counseling', 'wellbeing', 'workforce', 'schema'];
const ABOVE_ALL = ['src/simulator', 'src/app.module.ts', 'src/app.setup.ts', 'src/main.ts', 'src/service.ts'];

/** The two upward imports we keep on purpose, each named with why. */
const ALLOWED_UPWARD = {
  // A user may belong to a team: the entity relation and the "team exists" check live with teams.
  platform: ['./src/people/teams/team.entity.ts', './src/people/teams/teams.module.ts', './src/people/teams/teams.service.ts'],
  // Self-booked breaks must sit inside the agent's published shift, which workforce owns.
  wellbeing: ['./src/workforce/scheduling/published-shifts.reader.ts', './src/workforce/scheduling/published-shifts.module.ts'],
};

const layerZones = CONTEXTS.map((context, index) => ({
  target: `./src/${context}`,
  from: [...CONTEXTS.slice(index + 1).map((c) => `./src/${c}`), ...ABOVE_ALL.map((p) => `./${p}`)],
  except: [],
  message: `src/${context} is below these contexts and must not import them (README, "Code map").`,
}));

/** Pure domain rules: plain TypeScript, testable without Nest or TypeORM. */
const PURE_DOMAIN = [
  'src/workforce/staffing/erlang.ts',
  'src/wellbeing/break-policy.ts',
  'src/routing/presence/presence-rules.ts',
  'src/routing/calls/call-load.ts',
  'src/routing/calls/protected-time.ts',
  'src/routing/reservations/candidate-query.ts',
  'src/routing/reservations/routing-statements.ts',
  'src/counseling/slots.ts',
  'src/people/routing-tags/tag-format.ts',
  'src/workforce/scheduling/schedule-model.ts',
  'src/workforce/scheduling/rule-checker.ts',
  'src/workforce/scheduling/labour-rules.ts',
  'src/workforce/scheduling/break-placement.ts',
  'src/workforce/scheduling/adherence.ts',
  'src/workforce/scheduling/generate-schedule.ts',
  'src/workforce/forecasts/forecast-csv.ts',
  'src/workforce/forecasts/wellbeing-figures.ts',
  'src/**/domain/**/*.ts',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'reports/**', 'coverage/**', 'web/**', '*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.js', '.json'] } } },
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: layerZones.flatMap((zone) => {
            const context = zone.target.replace('./src/', '');
            const allowed = ALLOWED_UPWARD[context] ?? [];
            return zone.from.map((from) => ({
              target: zone.target,
              from,
              except: allowed
                .filter((path) => path.startsWith(from + '/'))
                .map((path) => '.' + path.slice(from.length)),
              message: zone.message,
            }));
          }),
        },
      ],
    },
  },
  {
    files: PURE_DOMAIN,
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg'], message: 'Pure domain code: no Nest, TypeORM or database imports.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', '**/*.spec.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);

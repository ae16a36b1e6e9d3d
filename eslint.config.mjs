import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'test-results/**', '**/*.mjs', '**/*.cjs', '**/*.mts', 'apps/web/src/gql/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Only libs/config reads process.env.' },
        { selector: "Property[key.name='synchronize'][value.value=true]", message: 'synchronize is never on: write a migration.' },
      ],
    },
  },
  {
    files: ['libs/config/**/*.ts', '**/*.spec.ts', '**/*.spec.tsx', '**/*.e2e-spec.ts', 'libs/testing/**/*.ts', 'bench/**/*.ts', 'apps/web/test/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Nest resolves providers by the runtime type of constructor parameters: those imports must stay values.
    files: ['**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
);

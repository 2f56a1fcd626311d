// ESLint flat config: the recommended JavaScript and typescript-eslint rule sets.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.lambda-connect/', 'dist/', '.serverless/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', URL: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // kafkajs's values come through lib/kafka/kafkajs.ts, which swaps modules before kafkajs loads.
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ name: 'kafkajs', allowTypeImports: true, message: "Import kafkajs's values from lib/kafka/kafkajs.ts (#lib/kafka/kafkajs): it installs our kafkajs module swaps before kafkajs loads." }] }],
    },
  },
  { files: ['lib/kafka/kafkajs.ts'], rules: { '@typescript-eslint/no-restricted-imports': 'off' } },
);

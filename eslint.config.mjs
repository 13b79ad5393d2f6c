import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * Views whose text goes through the translation catalogs (lib/i18n/messages): a literal in their JSX text, or in an
 * attribute a user reads or hears, is an error: every view, components/** and app/**.
 */
const TRANSLATED = ['components/**', 'app/**'];
const USER_FACING_ATTRIBUTES = 'aria-label|aria-description|aria-placeholder|aria-roledescription|aria-valuetext|title|placeholder|alt|label';

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', '.stratus/**'] },
  {
    files: TRANSLATED,
    rules: {
      // Text children: only punctuation and symbols may be literal.
      'react/jsx-no-literals': ['error', { noStrings: true, ignoreProps: true, allowedStrings: ['Stratus', '·', '—', '…', ':', '(', ')', '/', '×', '+', '-', '*'] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: `JSXAttribute[name.name=/^(${USER_FACING_ATTRIBUTES})$/] > Literal[value=/[A-Za-z]/]`,
          message: 'User-facing text goes through the translation catalogs (useTranslations).',
        },
        {
          selector: `JSXAttribute[name.name=/^(${USER_FACING_ATTRIBUTES})$/] > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/[A-Za-z]{2}/]`,
          message: 'User-facing text goes through the translation catalogs (useTranslations).',
        },
      ],
      // Links prefetch on intent, not whenever they scroll into view (components/ui/intent-link.tsx).
      'no-restricted-imports': ['error', { paths: [{ name: 'next/link', message: "Use '@/components/ui/intent-link': it prefetches on intent, not on load." }] }],
    },
  },
  { files: ['components/ui/intent-link.tsx'], rules: { 'no-restricted-imports': 'off' } },
];
export default config;

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'coverage',
      'storybook-static',
      'custom-elements.json',
      'bench/dist',
      'size-out',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  wcConfigs['flat/recommended'],
  litA11y.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // Strict CSP and Trusted Types must hold in every host page (README, Strict Content Security Policy).
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...['lit/static-html.js', 'lit-html/static.js'].map((name) => ({
              name,
              importNames: ['unsafeStatic'],
              message:
                "unsafeStatic puts a string into the template HTML that Lit's Trusted Types policy blesses.",
            })),
          ],
          patterns: [
            {
              // lit and lit-html both ship unsafeHTML, unsafeSVG and unsafeMathML.
              regex: '^lit(-html)?/directives/unsafe-',
              message:
                'The unsafe directives break Trusted Types and let markup in. Render text, or build a template.',
            },
          ],
        },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      'no-restricted-syntax': [
        'error',
        {
          // Any tagged template that writes markup: html, svg, a static html under another name.
          selector: 'TaggedTemplateExpression TemplateElement[value.raw=/\\sstyle\\s*=/i]',
          message:
            'No inline style attributes: a strict CSP blocks them. Use a class, a part, a custom property or styleMap.',
        },
        {
          selector: 'TaggedTemplateExpression TemplateElement[value.raw=/\\son[a-z]+\\s*=/i]',
          message: 'No inline event handler attributes: a strict CSP blocks them. Use @event bindings.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^setAttribute(NS)?$/] > Literal[value=/^(style|on[a-z]+)$/i]',
          message:
            'No style or event handler attribute strings: a strict CSP blocks them. Use CSSOM (element.style.x) or listeners.',
        },
        {
          selector:
            'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML|srcdoc)$/]',
          message: 'HTML sinks break Trusted Types and let markup in. Use textContent or a Lit template.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe)$/]',
          message: 'HTML sinks break Trusted Types and let markup in. Use textContent or a Lit template.',
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.{js,mjs,ts}', 'vite.config.ts', '.storybook/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
);

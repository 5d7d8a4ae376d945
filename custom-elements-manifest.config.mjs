// The custom elements manifest (`npm run manifest`), and the editor data generated from it:
// VS Code's HTML and CSS custom data and JetBrains' web-types. All four files land in the package
// root, are gitignored, and ship in the package (package.json `files`, `customElements`,
// `web-types`).
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';

/** The internal primitives (src/ui) that only our own shadow roots use: not for hosts' editors. */
const internal = ['InfoPopover', 'NumberStepper', 'Switch', 'Toast'];

/**
 * Runs an editor-data plugin on the API a host sees: the VS Code generator drops private methods
 * but lists protected ones as empty lines, so both generators get a copy without either. The
 * manifest itself (Storybook's source) stays complete.
 */
function forHosts(plugin) {
  return {
    name: `${plugin.name} (public members)`,
    packageLinkPhase({ customElementsManifest, ...rest }) {
      const copy = structuredClone(customElementsManifest);
      for (const mod of copy.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.members) continue;
          decl.members = decl.members.filter(
            (m) =>
              m.privacy !== 'private' && m.privacy !== 'protected' && !m.static && !m.name.startsWith('#'),
          );
        }
      }
      plugin.packageLinkPhase({ customElementsManifest: copy, ...rest });
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  litelement: true,
  // The default, the package root: package.json's `customElements` already says so. Left to
  // itself the analyzer rewrites that field to wherever the manifest was written, so it is off.
  outdir: '',
  packagejson: false,
  plugins: [
    forHosts(
      customElementVsCodePlugin({
        outdir: './',
        htmlFileName: 'vscode.html-custom-data.json',
        cssFileName: 'vscode.css-custom-data.json',
        exclude: internal,
        hideLogs: true,
      }),
    ),
    forHosts(
      customElementJetBrainsPlugin({
        outdir: './',
        webTypesFileName: 'web-types.json',
        exclude: internal,
        // Not `packageJson: true`: that rewrites package.json; its "web-types" field is written by hand.
        packageJson: false,
        // web-types name each element's source; point at the built module a host has, not at src/.
        modulePathTemplate: (_name, modulePath) =>
          modulePath.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js'),
        hideLogs: true,
      }),
    ),
  ],
};

// Fails the test during which Lit's dev mode warned (an update scheduled after an update, a class
// field shadowing a reactive property, …): each is a real inefficiency or bug a host would meet.
// Imported by the shared helpers, so its root-level hook covers every widget's test file.
const warnings: string[] = [];
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  if (/lit\.dev\/msg\//.test(text)) warnings.push(text);
  warn(...args);
};

afterEach(function () {
  if (warnings.length === 0) return;
  const found = warnings.splice(0);
  throw new Error(`Lit warned during "${this.currentTest?.fullTitle() ?? 'a test'}":\n${found.join('\n')}`);
});

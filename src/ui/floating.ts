// The parts of Floating UI that the info popover uses. `info-popover` loads this module with a
// dynamic `import()`, which bundlers cannot tree-shake (they keep every export of the module it
// names); importing by name here lets them drop the rest of @floating-ui/dom from the lazy chunk.
export { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';

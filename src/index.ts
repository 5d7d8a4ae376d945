// The root entry: registers every element and exports every class and type.
export * from './elements/licence-placeholder/licence-placeholder.js';
export { LicenceElement } from './base/licence-element.js';
export { defineElement } from './base/define.js';

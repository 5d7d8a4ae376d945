// Registers <retention-picker>. Import the class from `retention-picker.component.js` to register
// it under another name.
import { defineElement } from '../../base/define.js';
import { RetentionPicker } from './retention-picker.component.js';

defineElement('retention-picker', RetentionPicker);

export { RetentionPicker };

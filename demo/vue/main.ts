// A Vue 3 host: App.vue places <licence-manager>, and a <licence-card> with a <licence-cart> that
// share one adapter without a provider. The template compiler knows the tags are custom elements
// (`isCustomElement` in vite.config.ts); licence-kit/vue types them in templates.
import { createApp } from 'vue';
import type {} from '../../src/types/vue.js';
// Registered before the first render, so Vue sees `adapter` as a property and sets it as one.
import '../../src/elements/licence-manager/licence-manager.js';
import '../../src/elements/licence-card/licence-card.js';
import '../../src/elements/licence-cart/licence-cart.js';
import App from './App.vue';

createApp(App).mount('#app');
